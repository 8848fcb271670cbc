/**
 * Content checks for the bundled corpus (data/corpus.json, DESIGN.md contract 4/5):
 * every quote stands verbatim in its seed article, every reference resolves,
 * dates agree with their precision, and the story is complete enough to ship.
 * The seed articles are read from ../shared/seeds at run time (test/seeds.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusPack, Evidence } from '../../lib/corpus/types';
import { foldString } from '../../lib/arabic/normalize';
import { corpusPackSchema } from '../../lib/corpus/schema';
import { validatePack } from '../../lib/corpus/validate';
import { readSeed, REPO_ROOT, seedFiles } from '../seeds';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;

const REQUIRED_TOPICS = [
  'sudani',
  'isis',
  'global-coalition',
  'higher-military-commission',
  'lloyd-austin',
  'alina-romanowski',
  'antony-blinken',
  'ain-al-asad',
  'harir',
  'kataib-hezbollah',
  'nujaba',
  'islamic-resistance-iraq',
  'coordination-framework',
  'hts',
  'ahmed-al-sharaa',
  'bashar-al-assad',
  'yahya-rasool',
  'ian-mccary',
  'matthew-mcfarlane',
];

const questions = pack.questions ?? [];
const answers = questions.flatMap((q) => q.answers);
const topicIds = new Set(pack.topics.map((t) => t.id));
const sourceById = new Map(pack.sources.map((s) => [s.id, s]));
const seedText = new Map(seedFiles().map((f) => [f, readSeed(f)]));

const ISO: Record<'year' | 'month' | 'day', RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

/** A real calendar date whose length matches its precision. */
function dateOk(date: string, precision: 'year' | 'month' | 'day'): boolean {
  if (!ISO[precision].test(date)) return false;
  if (precision !== 'day') return true;
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function precisionOf(date: string): 'year' | 'month' | 'day' | null {
  for (const p of ['year', 'month', 'day'] as const) if (ISO[p].test(date)) return p;
  return null;
}

const allEvidence: { owner: string; ev: Evidence }[] = [
  ...pack.events.flatMap((e) => e.evidence.map((ev) => ({ owner: `event ${e.id}`, ev }))),
  ...answers.flatMap((a) => a.evidence.map((ev) => ({ owner: `answer ${a.id}`, ev }))),
];

/** Whole-word occurrence of an alias in folded text, allowing the usual proclitics. */
function aliasOccurs(foldedText: string, alias: string): boolean {
  const a = foldString(alias);
  const forms = [a];
  if (a.startsWith('ال')) forms.push(a.startsWith('ال' + 'ل') ? 'ل' + a.slice(2) : 'لل' + a.slice(2));
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])[وف]?[بكل]?(?:${forms.map(esc).join('|')})(?![\\p{L}\\p{M}\\p{N}])`, 'u');
  return re.test(foldedText);
}

describe('corpus pack header', () => {
  it('has the contract header', () => {
    expect(pack.format).toBe('siyaq-corpus');
    expect(pack.version).toBe(1);
    expect(pack.id).toBe('iraq-coalition-2014-2026');
    expect(pack.title.ar.length).toBeGreaterThan(0);
    expect(pack.title.en.length).toBeGreaterThan(0);
  });
});

describe('sources', () => {
  it('name seed files that exist, each seed used at least once', () => {
    for (const s of pack.sources) expect(seedText.has(s.file), `${s.id}: ${s.file}`).toBe(true);
    for (const f of seedText.keys())
      expect(
        pack.sources.some((s) => s.file === f),
        `seed ${f} has no source`,
      ).toBe(true);
  });

  it('have an outlet, a title as the page shows it, and an honest publication date', () => {
    for (const s of pack.sources) {
      expect(s.outlet.trim(), s.id).not.toBe('');
      expect(s.publishedBasis.trim().length, s.id).toBeGreaterThan(20);
      if (s.published !== null) {
        const p = precisionOf(s.published);
        expect(p, `${s.id}: published ${s.published}`).not.toBeNull();
        expect(dateOk(s.published, p!), `${s.id}: published ${s.published}`).toBe(true);
      }
      // A title in brackets is a description of an untitled page; otherwise it is the page's own headline.
      if (!s.title.startsWith('[')) expect(seedText.get(s.file)!.includes(s.title), `${s.id}: title not in file`).toBe(true);
    }
  });
});

describe('evidence', () => {
  it('every event has evidence', () => {
    for (const e of pack.events) expect(e.evidence.length, e.id).toBeGreaterThan(0);
    for (const a of answers) expect(a.evidence.length, a.id).toBeGreaterThan(0);
  });

  it('every quote names a source that exists', () => {
    for (const { owner, ev } of allEvidence) expect(sourceById.has(ev.source), `${owner}: ${ev.source}`).toBe(true);
  });

  it('every quote stands verbatim in its seed file (exact substring)', () => {
    const missing: string[] = [];
    for (const { owner, ev } of allEvidence) {
      const file = sourceById.get(ev.source)?.file;
      const text = file ? seedText.get(file) : undefined;
      if (!text || !text.includes(ev.quote)) missing.push(`${owner} [${ev.source}]: ${ev.quote}`);
    }
    expect(missing).toEqual([]);
  });

  it('quotes are brief: a clause or a sentence, never a passage', () => {
    for (const { owner, ev } of allEvidence) {
      expect(ev.quote.trim().length, owner).toBeGreaterThan(5);
      expect(ev.quote.length, `${owner}: ${ev.quote.length} chars`).toBeLessThanOrEqual(300);
      expect(ev.quote.includes('\n'), owner).toBe(false);
    }
  });

  it('no seed is quoted at more than half of its length (evidence, not a copy)', () => {
    const covered = new Map<string, Uint8Array>();
    for (const { ev } of allEvidence) {
      const file = sourceById.get(ev.source)!.file;
      const text = seedText.get(file)!;
      const mask = covered.get(file) ?? new Uint8Array(text.length);
      covered.set(file, mask);
      const at = text.indexOf(ev.quote);
      if (at >= 0) mask.fill(1, at, at + ev.quote.length);
    }
    for (const [file, mask] of covered) {
      const share = mask.reduce((n, x) => n + x, 0) / mask.length;
      expect(share, `${file}: ${(share * 100).toFixed(0)}% quoted`).toBeLessThan(0.5);
    }
  });
});

describe('ids and references', () => {
  it('ids are unique across topics, events, questions and answers', () => {
    const ids = [...pack.topics, ...pack.events, ...questions, ...answers].map((x) => x.id);
    const dups = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dups).toEqual([]);
  });

  it('ids are kebab-case', () => {
    for (const x of [...pack.topics, ...pack.events, ...questions, ...answers, ...pack.sources])
      expect(x.id, x.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('every event topic, related topic, question topic and saidBy.topic exists', () => {
    for (const e of pack.events) for (const t of e.topics) expect(topicIds.has(t), `event ${e.id}: ${t}`).toBe(true);
    for (const t of pack.topics) for (const r of t.related ?? []) expect(topicIds.has(r), `topic ${t.id}: ${r}`).toBe(true);
    for (const q of questions) for (const t of q.topics) expect(topicIds.has(t), `question ${q.id}: ${t}`).toBe(true);
    for (const a of answers) if (a.saidBy.topic) expect(topicIds.has(a.saidBy.topic), `answer ${a.id}: ${a.saidBy.topic}`).toBe(true);
  });

  it('every event has at least one topic, and every topic has at least one dated event for its card', () => {
    for (const e of pack.events) expect(e.topics.length, e.id).toBeGreaterThan(0);
    const used = new Set(pack.events.flatMap((e) => e.topics));
    expect(pack.topics.filter((t) => !used.has(t.id)).map((t) => t.id)).toEqual([]);
  });
});

describe('dates', () => {
  it('event and answer dates are well-formed and agree with their precision', () => {
    for (const x of [...pack.events, ...answers]) {
      expect(dateOk(x.date, x.datePrecision), `${x.id}: ${x.date} (${x.datePrecision})`).toBe(true);
      expect(['stated', 'inferred']).toContain(x.dateBasis);
    }
    for (const e of pack.events) expect(['happened', 'reported', 'planned']).toContain(e.status);
  });

  it('stories stay inside the pack period (2003 to 2026)', () => {
    for (const x of [...pack.events, ...answers]) {
      const y = Number(x.date.slice(0, 4));
      expect(y, x.id).toBeGreaterThanOrEqual(2003);
      expect(y, x.id).toBeLessThanOrEqual(2026);
    }
  });

  it('nothing is reported as having happened after its latest source was published', () => {
    for (const e of pack.events) {
      if (e.status === 'planned') continue;
      const latest = e.evidence
        .map((ev) => sourceById.get(ev.source)?.published)
        .filter((p): p is string => !!p)
        .sort()
        .pop();
      if (!latest) continue;
      // Compare on the shorter of the two prefixes.
      const n = Math.min(latest.length, e.date.length);
      expect(e.date.slice(0, n) <= latest.slice(0, n), `${e.id}: ${e.date} after ${latest}`).toBe(true);
    }
  });
});

describe('topics', () => {
  it('all 19 required topic ids are present', () => {
    expect(REQUIRED_TOPICS.filter((id) => !topicIds.has(id))).toEqual([]);
  });

  it('the story is complete: at least 40 events and 30 topics', () => {
    expect(pack.events.length).toBeGreaterThanOrEqual(40);
    expect(pack.topics.length).toBeGreaterThanOrEqual(30);
  });

  it('every topic has labels, a description and aliases without duplicates', () => {
    for (const t of pack.topics) {
      expect(['person', 'organization', 'place', 'event', 'concept']).toContain(t.kind);
      for (const s of [t.label.ar, t.label.en, t.description.ar, t.description.en]) expect(s.trim(), t.id).not.toBe('');
      expect(t.aliases.length, t.id).toBeGreaterThan(0);
      const folded = t.aliases.map((a) => foldString(a));
      expect(
        folded.filter((a, i) => folded.indexOf(a) !== i),
        `${t.id}: duplicate aliases after folding`,
      ).toEqual([]);
    }
  });

  it('no alias names two topics', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const t of pack.topics)
      for (const a of t.aliases) {
        const f = foldString(a);
        const o = owner.get(f);
        if (o && o !== t.id) clashes.push(`${a}: ${o} / ${t.id}`);
        owner.set(f, t.id);
      }
    expect(clashes).toEqual([]);
  });

  it('every topic has at least one alias that appears in a seed (folded, whole word)', () => {
    // Quote marks are dropped first: a page writing «“وزارة الخارجية” العراقية» still names the ministry.
    const folded = [...seedText.values()].map((t) => foldString(t.replace(/[“”"«»()]/g, '')));
    const missing = pack.topics.filter((t) => !t.aliases.some((a) => folded.some((s) => aliasOccurs(s, a)))).map((t) => t.id);
    expect(missing).toEqual([]);
  });

  it('the spellings the seeds use are aliases of the required topics', () => {
    const expectAlias = (id: string, spelling: string) => {
      const t = pack.topics.find((x) => x.id === id)!;
      expect(t.aliases.map(foldString), `${id} lacks ${spelling}`).toContain(foldString(spelling));
    };
    expectAlias('sudani', 'محمد شياع السوداني');
    expectAlias('alina-romanowski', 'آلينا رومانوسكي');
    expectAlias('alina-romanowski', 'ألينا رومانوفسكي');
    expectAlias('ian-mccary', 'إيان مكاري');
    expectAlias('matthew-mcfarlane', 'ماثيو ماكفارلين');
    expectAlias('higher-military-commission', 'HMC');
    expectAlias('higher-military-commission', 'اللجنة العسكرية العليا');
    expectAlias('harir', 'قاعدة حرير');
    expectAlias('isis', 'داعش');
    expectAlias('global-coalition', 'التحالف الدولي');
    expectAlias('global-coalition', 'عملية العزم الصلب');
  });

  it('aliases carry no proclitic the detector adds itself', () => {
    // A clitic glued to the article is a prefixed form («والتحالف», «بالعراق», «للجنة»): the detector
    // expands aliases into those forms itself. (Names that merely begin with و/ب/ل/ك — «وكالة», «بشار»,
    // «لويد» — are fine.)
    for (const t of pack.topics)
      for (const a of t.aliases)
        expect(/^(?:[وف]?[بل]?ال|[وف]?لل)/u.test(foldString(a)) && !/^ال/u.test(foldString(a)), `${t.id}: ${a}`).toBe(false);
  });

  it('rules refer to the topic’s own aliases and use only known fields', () => {
    const known = new Set(['alias', 'notAfter', 'notBefore', 'requireCue', 'window']);
    for (const t of pack.topics)
      for (const r of t.rules ?? []) {
        expect(t.aliases, `${t.id}: rule for ${r.alias}`).toContain(r.alias);
        for (const k of Object.keys(r)) expect(known.has(k), `${t.id}: ${k}`).toBe(true);
        for (const list of [r.notAfter, r.notBefore, r.requireCue]) if (list) expect(list.length).toBeGreaterThan(0);
      }
  });

  it('ambiguous aliases have context rules', () => {
    const rule = (id: string, alias: string) => pack.topics.find((t) => t.id === id)!.rules?.find((r) => r.alias === alias);
    const sudani = rule('sudani', 'السوداني');
    expect(sudani?.requireCue?.length).toBeGreaterThan(0);
    expect(sudani?.notAfter).toContain('الجيش');
    expect(rule('harir', 'حرير')?.notAfter).toContain('طريق');
    expect(rule('bashar-al-assad', 'الأسد')?.notAfter).toContain('عين');
    expect(rule('lloyd-austin', 'أوستن')?.notBefore).toContain('تكساس');
    expect(rule('global-coalition', 'التحالف')?.notBefore).toEqual(expect.arrayContaining(['الداعم', 'العربي']));
  });
});

describe('questions', () => {
  it('ask when coalition forces leave Iraq, with answers in date order', () => {
    const leave = questions.find((q) => q.id === 'when-coalition-leaves-iraq');
    expect(leave).toBeDefined();
    expect(leave!.answers.length).toBeGreaterThanOrEqual(4);
    for (const q of questions) {
      // Answers stand in the order the story moved. A coarser date ("2024") may sit anywhere
      // within its period, so neighbours are compared on the shorter of their two prefixes.
      for (let i = 1; i < q.answers.length; i++) {
        const [a, b] = [q.answers[i - 1]!.date, q.answers[i]!.date];
        const n = Math.min(a.length, b.length);
        expect(a.slice(0, n) <= b.slice(0, n), `${q.id}: ${q.answers[i]!.id} (${b}) before ${a}`).toBe(true);
      }
      for (const a of q.answers) expect(a.saidBy.label.ar.trim() && a.saidBy.label.en.trim(), a.id).toBeTruthy();
    }
  });
});

describe('schema', () => {
  it('the pack parses with lib/corpus/schema.ts', () => {
    const result = corpusPackSchema.safeParse(JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('the pack passes lib/corpus/validate.ts', () => {
    const result = validatePack(JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')));
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

/**
 * `pack check`: what a pack author must fix (errors) or should look at
 * (warnings) before building, each said where and why:
 *
 * - the pack format and its limits (lib/corpus/validate.ts, the importer's own check);
 * - every quote stands in its source as Siyaq reads it (verbatim, or after the
 *   detector's normalisation); when not, the nearest passage is shown;
 * - every event's date agrees with its sources: nothing happened or was
 *   reported after the latest of its sources was published, a "stated" date is
 *   the one its quote states, an "inferred" one does not contradict the dates
 *   its quotes carry;
 * - every alias appears in some source, and none fires on the look-alikes the
 *   author lists (the detector with the pack's own rules);
 * - sources without a publication date or basis, sources nothing quotes,
 *   topics with no event, proposals still waiting for a decision.
 */
import type { CorpusEvent, CorpusPack, Evidence, Topic } from '../corpus/types';
import { validatePack } from '../corpus/validate';
import { compileMatcher, detect } from '../detect/detect';
import { dayRange, overlaps, whollyAfter } from './date-range';
import type { Review } from './draft';
import { type PackFolder, type PackSource, assemblePack, relativeLocation } from './folder';
import { SourceView } from './source-view';

export type Level = 'error' | 'warning';

export interface Finding {
  level: Level;
  /** The place in the pack folder: "events › hmc-first-round › evidence[0]". */
  where: string;
  message: string;
}

export interface CheckResult {
  pack: CorpusPack & Record<string, unknown>;
  findings: Finding[];
  errors: number;
  warnings: number;
}

/** Below this share of shared letter pairs, no passage is offered as the one the author meant. */
const NEAREST_FLOOR = 0.5;

export function checkPack(folder: PackFolder, review: Review | null = null): CheckResult {
  const findings: Finding[] = [];
  const say = (level: Level, where: string, message: string) => findings.push({ level, where, message });
  for (const p of folder.problems) say('error', 'sources', p);

  const pack = assemblePack(folder);
  const valid = validatePack(pack);
  if (!valid.ok) for (const e of valid.errors) say('error', 'pack', e);
  if (!folder.manifest.language) say('warning', 'pack.json › language', 'name the language of the sources ("ar")');
  if (!folder.manifest.licence) say('warning', 'pack.json › licence', 'say whose words the pack holds and on what terms');

  const views = new Map(folder.sources.map((s) => [s.source.id, { s, view: new SourceView(s.text, s.source.published) }]));
  checkSources(folder, say);
  const quoted = new Set<string>();
  const events: CorpusEvent[] = Array.isArray(pack.events) ? pack.events : [];
  events.forEach((e, i) => {
    const where = `events › ${e.id ?? i}`;
    (e.evidence ?? []).forEach((ev, k) => {
      quoted.add(ev.source);
      checkQuote(views, ev, `${where} › evidence[${k}]`, say);
    });
    checkEventDate(views, e, where, say);
  });
  for (const q of pack.questions ?? []) {
    for (const a of q.answers ?? []) {
      (a.evidence ?? []).forEach((ev, k) => {
        quoted.add(ev.source);
        checkQuote(views, ev, `questions › ${q.id} › ${a.id} › evidence[${k}]`, say);
      });
    }
  }
  for (const s of folder.sources) {
    if (!quoted.has(s.source.id)) say('warning', `sources › ${s.source.id}`, 'no event quotes this source');
  }

  const topics: Topic[] = Array.isArray(pack.topics) ? pack.topics : [];
  checkAliases(topics, folder.sources, folder.manifest.lookAlikes ?? {}, say);
  const withEvents = new Set(events.flatMap((e) => e.topics ?? []));
  for (const t of topics)
    if (!withEvents.has(t.id)) say('warning', `topics › ${t.id}`, 'no event names this topic: its card will show no dated line');

  const pending = (review?.proposals ?? []).filter((p) => p.decision === 'pending').length;
  if (pending) say('warning', 'review.json', `${pending} proposal(s) await your decision ("accept" or "reject")`);
  const accepted = (review?.proposals ?? []).filter((p) => p.decision === 'accept').length;
  if (accepted)
    say(
      'warning',
      'review.json',
      `${accepted} accepted proposal(s) are not in pack.json yet: run \`npm run pack -- accept ${folder.dir}\``,
    );

  const errors = findings.filter((f) => f.level === 'error').length;
  return { pack, findings, errors, warnings: findings.length - errors };
}

type Say = (level: Level, where: string, message: string) => void;
type Views = Map<string, { s: PackSource; view: SourceView }>;

function checkSources(folder: PackFolder, say: Say): void {
  for (const s of folder.sources) {
    const where = `sources › ${s.source.id} (${relativeLocation(folder, s)})`;
    if (s.dateFrom === 'none')
      say(
        'warning',
        where,
        'no publication date: relative dates in it cannot be read, and events cannot be checked against it. Give "published" (and "publishedBasis") in its sidecar.',
      );
    if (s.dateFrom === 'reader' && !s.confirmed)
      say(
        'warning',
        where,
        `the date ${s.source.published} was read by Siyaq's date reader, not given by you: confirm it with "published" and "publishedBasis" in its sidecar`,
      );
    if (
      s.dateFrom === 'author' &&
      s.kind === 'html' &&
      s.readerPublished &&
      s.source.published &&
      !overlaps(s.readerPublished, s.source.published)
    ) {
      say(
        'warning',
        where,
        `you give ${s.source.published}, but the page reads as published ${s.readerPublished}: readers' Siyaq dates it ${s.readerPublished}`,
      );
    }
  }
}

function checkQuote(views: Views, ev: Evidence, where: string, say: Say): void {
  const found = views.get(ev.source);
  if (!found) return; // validatePack reports the unknown source id
  if (found.view.locate(ev.quote)) return;
  const near = found.view.nearest(ev.quote);
  const hint =
    near && near.similarity >= NEAREST_FLOOR
      ? ` The nearest passage (${Math.round(near.similarity * 100)}% alike) is: «${near.text}»`
      : ' Nothing in the source is close to it: is the source right?';
  say('error', where, `the quote is not in ${ev.source} (not even after normalisation): «${ev.quote}».${hint}`);
}

function checkEventDate(views: Views, e: CorpusEvent, where: string, say: Say): void {
  if (typeof e.date !== 'string' || !dayRange(e.date)) return; // validatePack reports it
  const sources = (e.evidence ?? []).flatMap((ev) => views.get(ev.source) ?? []);
  const dated = sources.map((x) => x.s.source.published).filter((p): p is string => !!p);
  if (e.status !== 'planned' && dated.length > 0 && dated.every((p) => whollyAfter(e.date, p))) {
    const latest = dated.reduce((a, b) => (dayRange(a)!.last > dayRange(b)!.last ? a : b));
    say(
      'error',
      where,
      `"${e.status}" on ${e.date}, after its latest source was published (${latest}): a source cannot tell what had not happened yet. Fix the date, or the status ("planned").`,
    );
  }
  if (e.status === 'planned' && dated.length > 0 && dated.every((p) => whollyAfter(p, e.date))) {
    say('warning', where, `"planned" for ${e.date}, before its sources were published (${dated.join(', ')}): did it happen?`);
  }
  const spans = (e.evidence ?? []).flatMap((ev) => {
    const found = views.get(ev.source);
    const span = found?.view.locate(ev.quote);
    return found && span ? [{ view: found.view, span }] : [];
  });
  // A quote not found is reported as such; what it says about the date is moot.
  if (spans.length === 0) return;
  const dates = spans.flatMap(({ view, span }) => view.datesIn(span));
  const words = (list: typeof dates) => list.map((d) => d.date).join(', ');
  if (e.dateBasis === 'stated') {
    const stated = dates.filter((d) => !d.relative);
    const agrees = stated.some((d) => d.date.startsWith(e.date));
    if (stated.length > 0 && !agrees) {
      say(
        'error',
        where,
        `dated ${e.date} as stated, but its quotes state ${words(stated)}: correct the date, or quote the words that state it`,
      );
    } else if (stated.length === 0 && dates.length > 0) {
      say(
        'warning',
        where,
        `dated ${e.date} as stated, but its quotes give the date only relative to the publication date (${words(dates)}): its basis is "inferred"`,
      );
    } else if (stated.length === 0) {
      say(
        'warning',
        where,
        `dated ${e.date} as stated, but no quote states a date: quote the words that state it, or make its basis "inferred"`,
      );
    }
  } else if (dates.length > 0 && !dates.some((d) => overlaps(d.date, e.date))) {
    say('warning', where, `dated ${e.date}, but its quotes carry ${words(dates)}: check the date`);
  }
}

function checkAliases(topics: Topic[], sources: PackSource[], lookAlikes: Record<string, string[]>, say: Say): void {
  if (topics.some((t) => !Array.isArray(t.aliases))) return; // validatePack reports it
  const matcher = compileMatcher(topics);
  const seen = new Set<string>();
  for (const s of sources) for (const m of detect(s.text, matcher)) seen.add(`${m.topic}\u0000${m.alias}`);
  const texts = sources.map((s) => s.text);
  const deadLatin: string[] = [];
  for (const t of topics) {
    const dead = t.aliases.filter((alias) => {
      if (seen.has(`${t.id}\u0000${alias}`)) return false;
      // Shadowed by a longer alias, or refused by its rules where it stands: still written in a source.
      const alone = compileMatcher([{ id: t.id, aliases: [alias] }]);
      return !texts.some((text) => detect(text, alone).length > 0);
    });
    if (dead.length === t.aliases.length && t.aliases.length > 0) {
      say(
        'warning',
        `topics › ${t.id} › aliases`,
        `no alias of this topic appears in any source, so nothing shows it is named this way (${t.aliases.join('، ')}): check the spelling, or add a source that names it`,
      );
      continue;
    }
    // Latin spellings serve readers' other pages more than the sources: one line for them all.
    deadLatin.push(...dead.filter((a) => !/\p{Script=Arabic}/u.test(a)).map((a) => `${t.id}: ${a}`));
    const arabic = dead.filter((a) => /\p{Script=Arabic}/u.test(a));
    if (arabic.length > 0) {
      say(
        'warning',
        `topics › ${t.id} › aliases`,
        `${arabic.map((a) => `«${a}»`).join('، ')} appear${arabic.length === 1 ? 's' : ''} in no source: a misspelling, or a variant you add on purpose?`,
      );
    }
  }
  if (deadLatin.length > 0)
    say('warning', 'topics › aliases', `${deadLatin.length} Latin-script alias(es) appear in no source: ${deadLatin.join('; ')}`);
  for (const [topic, phrases] of Object.entries(lookAlikes)) {
    if (!topics.some((t) => t.id === topic)) {
      say('error', `pack.json › lookAlikes › ${topic}`, `"${topic}" is not a topic of this pack`);
      continue;
    }
    for (const phrase of phrases) {
      const hit = detect(phrase, matcher).find((m) => m.topic === topic);
      if (hit)
        say(
          'error',
          `pack.json › lookAlikes › ${topic}`,
          `«${hit.text}» (alias «${hit.alias}») fires on the look-alike «${phrase}»: add a rule (notAfter, notBefore, requireCue) to the alias`,
        );
    }
  }
}

/** The findings as a report a person reads: errors first, then warnings, then a count. */
export function formatReport(result: CheckResult): string {
  const lines: string[] = [];
  for (const level of ['error', 'warning'] as const) {
    for (const f of result.findings.filter((x) => x.level === level))
      lines.push(`${level.toUpperCase()}  ${f.where}\n        ${f.message}`);
  }
  lines.push(`${result.errors} error(s), ${result.warnings} warning(s).${result.errors ? ' Fix the errors, then check again.' : ''}`);
  return lines.join('\n');
}

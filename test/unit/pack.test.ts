/**
 * The pack tools (lib/pack) on the guide's example folder (docs/packs-example:
 * texts written for the guide) copied to a temporary folder and changed the
 * way an author's mistakes would change it.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../lib/corpus/types';
import { validatePack } from '../../lib/corpus/validate';
import { contentHash } from '../../lib/db/store';
import { buildPack } from '../../lib/pack/build';
import { checkPack, type CheckResult } from '../../lib/pack/check';
import { draftReview, sentences } from '../../lib/pack/draft';
import { type PackManifest, readPackFolder, splitFrontMatter } from '../../lib/pack/folder';
import { acceptProposals, newPackFiles, splitPack } from '../../lib/pack/scaffold';
import { REPO_ROOT } from '../seeds';

const EXAMPLE = join(REPO_ROOT, 'docs', 'packs-example');
const made: string[] = [];

/** A copy of the example folder, pack.json changed by `edit`. */
function example(edit: (m: PackManifest) => void = () => {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-pack-'));
  made.push(dir);
  cpSync(EXAMPLE, dir, { recursive: true });
  const path = join(dir, 'pack.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as PackManifest;
  edit(manifest);
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return dir;
}

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const event = (m: PackManifest, id: string) => m.events.find((e) => e.id === id)!;
const messages = (r: CheckResult, level: 'error' | 'warning') =>
  r.findings.filter((f) => f.level === level).map((f) => `${f.where}: ${f.message}`);

describe('pack folders', () => {
  it('reads sidecars, front matter and saved pages, each source with its date and where it came from', () => {
    const folder = readPackFolder(EXAMPLE);
    expect(folder.problems).toEqual([]);
    const byId = new Map(folder.sources.map((s) => [s.source.id, s]));
    expect(byId.get('wadi-daily-2025-04-10')!.source).toMatchObject({
      outlet: 'صحيفة الوادي (مثال)',
      published: '2025-04-10',
      file: 'wadi-daily-2025-04-10.txt',
    });
    const sahel = byId.get('sahel-bulletin')!;
    expect(sahel.source).toMatchObject({
      outlet: 'نشرة الساحل (مثال)',
      published: '2025-04-20',
      url: 'https://example.org/sahel-bulletin/dam-equipment',
    });
    expect(sahel.text.startsWith('معدات سد الوادي الأخضر')).toBe(true);
    const tv = byId.get('valley-tv-2025-05-02')!;
    // The page as the extension reads it: the article, not the navigation or the related links.
    expect(tv.source).toMatchObject({
      outlet: 'تلفزيون الوادي (مثال)',
      published: '2025-05-02',
      title: 'سلمى الحداد تزور موقع سد الوادي الأخضر',
    });
    expect(tv.dateFrom).toBe('reader');
    expect(tv.text).toContain('10 شوال 1446 هـ');
    expect(tv.text).not.toContain('أسعار الأرض');
    expect(tv.text).not.toContain('مهرجان الزيتون');
    expect(tv.text).not.toContain('الرئيسية');
  });

  it('reads two sources from one file, each from its own part', () => {
    const dir = example((m) => (m.events = []));
    writeFileSync(join(dir, 'sources', 'two.txt'), 'الخبر الأول عن تل الزيتون.\nاقرأ أيضا:\nالخبر الثاني عن تل الزيتون.');
    writeFileSync(
      join(dir, 'sources', 'first.json'),
      JSON.stringify({ file: 'two.txt', outlet: 'أ', title: 'أ', endsBefore: 'اقرأ أيضا:' }),
    );
    writeFileSync(
      join(dir, 'sources', 'second.json'),
      JSON.stringify({ file: 'two.txt', outlet: 'ب', title: 'ب', startsAt: 'الخبر الثاني' }),
    );
    const folder = readPackFolder(dir);
    const text = (id: string) => folder.sources.find((s) => s.source.id === id)!.text;
    expect(text('first')).toBe('الخبر الأول عن تل الزيتون.\n');
    expect(text('second')).toBe('الخبر الثاني عن تل الزيتون.');
    expect(folder.sources.filter((s) => s.source.file === 'two.txt')).toHaveLength(2);
    writeFileSync(
      join(dir, 'sources', 'second.json'),
      JSON.stringify({ file: 'two.txt', outlet: 'ب', title: 'ب', startsAt: 'خبر لم يكتب' }),
    );
    expect(readPackFolder(dir).problems).toEqual(['sources/second.json: "startsAt" («خبر لم يكتب») is not in the article.']);
  });

  it('splits front matter from the text', () => {
    expect(splitFrontMatter('---\noutlet: X\npublished: null\n---\nنص')).toEqual({ fields: { outlet: 'X', published: null }, text: 'نص' });
    expect(splitFrontMatter('نص بلا رأس')).toEqual({ fields: {}, text: 'نص بلا رأس' });
  });

  it('cuts sentences at Arabic and Latin stops and line breaks, not inside numbers', () => {
    const text = 'بلغت النسبة 3.5 في المئة. هل انتهى؟ نعم\nسطر آخر';
    expect(sentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['بلغت النسبة 3.5 في المئة.', 'هل انتهى؟', 'نعم', 'سطر آخر']);
  });

  it('new writes a pack.json to fill in and an empty review', () => {
    const files = newPackFiles('/tmp/My Pack');
    const manifest = JSON.parse(files.get('/tmp/My Pack/pack.json')!) as PackManifest;
    expect(manifest).toMatchObject({ id: 'my-pack', version: 1, language: 'ar', topics: [], events: [] });
    expect(manifest.licence).toMatch(/verbatim/);
  });
});

describe('the guide', () => {
  it('shows the example’s texts as the example folder has them', () => {
    const guide = readFileSync(join(REPO_ROOT, 'docs', 'packs.md'), 'utf8');
    for (const file of ['wadi-daily-2025-04-10.txt', 'sahel-bulletin.txt']) {
      for (const line of readFileSync(join(EXAMPLE, 'sources', file), 'utf8')
        .split('\n')
        .filter(Boolean))
        expect(guide, file).toContain(line);
    }
  });
});

describe('pack draft', () => {
  const noEvents = () => example((m) => (m.events = []));

  it('proposes each dated sentence naming a topic: every month system, Hijri, relative to publication, with basis and status', () => {
    const review = draftReview(readPackFolder(noEvents()), null);
    const got = review.proposals.map((p) => [p.evidence[0]!.source, p.date, p.datePrecision, p.dateBasis, p.status, p.topics.join(' ')]);
    expect(got).toEqual([
      ['sahel-bulletin', '2025-06', 'month', 'stated', 'planned', 'wadi-water-authority green-valley-dam'], // جوان
      ['sahel-bulletin', '2025-04-03', 'day', 'stated', 'happened', 'tal-zaytoun'], // أفريل
      ['sahel-bulletin', '2025-04-13', 'day', 'inferred', 'reported', 'salma-haddad'], // الأحد الماضي
      ['valley-tv-2025-05-02', '2025-04-08', 'day', 'stated', 'happened', 'wadi-water-authority salma-haddad green-valley-dam'], // 10 شوال 1446 هـ
      ['valley-tv-2025-05-02', '2027', 'year', 'stated', 'planned', 'green-valley-dam'],
      ['wadi-daily-2025-04-10', '2025-04-09', 'day', 'inferred', 'reported', 'wadi-water-authority green-valley-dam tal-zaytoun'], // أمس الأربعاء
      ['wadi-daily-2025-04-10', '2026-09', 'month', 'stated', 'planned', 'salma-haddad green-valley-dam'], // أيلول/سبتمبر 2026
      ['wadi-daily-2025-04-10', '2025-01-15', 'day', 'stated', 'happened', 'wadi-water-authority'], // كانون الثاني/يناير
      ['wadi-daily-2025-04-10', '2023', 'year', 'stated', 'happened', 'tal-zaytoun'],
    ]);
    for (const p of review.proposals) {
      expect(p.decision).toBe('pending');
      expect(p.title).toEqual({ ar: '', en: '' });
      expect(p.why.date).toMatch(/«.+»/);
    }
    // The mourning sentence («أعلن … الحداد ثلاثة أيام») is no mention of her: its rule holds.
    expect(review.proposals.some((p) => p.evidence[0]!.quote.includes('ثلاثة أيام'))).toBe(false);
  });

  it('keeps the author’s decisions and proposes nothing the pack already quotes', () => {
    const dir = noEvents();
    const first = draftReview(readPackFolder(dir), null);
    first.proposals[0]!.decision = 'reject';
    const again = draftReview(readPackFolder(dir), first);
    expect(again.proposals.map((p) => [p.id, p.decision])).toEqual(first.proposals.map((p) => [p.id, p.decision]));
    expect(draftReview(readPackFolder(EXAMPLE), null).proposals).toEqual([]);
  });

  it('lists names the sources repeat that are not topics, and not the ones that are', () => {
    const dir = example((m) => (m.topics = m.topics.filter((t) => t.id !== 'tal-zaytoun')));
    writeFileSync(
      join(dir, 'sources', 'extra.txt'),
      'زار Maria Lopez الوادي. وقالت Maria Lopez إن المياه قليلة.\nوتحدث مدير ميناء الساحل ثم عاد مدير ميناء الساحل ثم سافر مدير ميناء الساحل.',
    );
    const { candidates } = draftReview(readPackFolder(dir), null);
    expect(candidates.latin.map((c) => [c.name, c.count])).toEqual([['Maria Lopez', 2]]);
    const arabic = candidates.arabic.map((c) => c.name);
    expect(arabic).toContain('تل الزيتون');
    expect(arabic).toContain('مدير ميناء الساحل');
    expect(arabic.some((n) => n.includes('سد الوادي الأخضر') || n === 'هيئة مياه الوادي')).toBe(false);
  });
});

describe('pack accept', () => {
  it('moves accepted proposals into pack.json, and refuses one without its title', () => {
    const dir = example((m) => (m.events = []));
    const folder = readPackFolder(dir);
    const review = draftReview(folder, null);
    review.proposals[0]!.decision = 'accept';
    expect(acceptProposals(folder.manifest, review)).toEqual({
      ok: false,
      errors: expect.arrayContaining([expect.stringMatching(/title\.ar/), expect.stringMatching(/summary\.en/)]) as string[],
    });
    review.proposals[0]!.title = { ar: 'عنوان', en: 'Title' };
    review.proposals[0]!.summary = { ar: 'ملخص', en: 'Summary' };
    const result = acceptProposals(folder.manifest, review);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    expect(result.manifest.events.map((e) => e.id)).toEqual([review.proposals[0]!.id]);
    expect(Object.keys(result.manifest.events[0]!)).not.toContain('why');
    expect(result.review.proposals).toHaveLength(review.proposals.length - 1);
  });
});

describe('pack check', () => {
  it('passes the guide’s example with nothing to say', () => {
    const result = checkPack(readPackFolder(EXAMPLE));
    expect(result.findings).toEqual([]);
  });

  it('catches a changed quote and shows the passage it was copied from', () => {
    const dir = example((m) => {
      event(m, 'wadi-daily-2025-04-10-2025-01-15').evidence[0]!.quote =
        'وكانت هيئة مياه الوادي قد وقّعت عقد المشروع في 16 كانون الثاني/يناير 2025 مع ائتلاف من شركات أجنبية.';
    });
    const errors = messages(checkPack(readPackFolder(dir)), 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^events › wadi-daily-2025-04-10-2025-01-15 › evidence\[0\]: the quote is not in wadi-daily-2025-04-10/);
    expect(errors[0]).toContain('nearest passage');
    expect(errors[0]).toContain('في 15 كانون الثاني/يناير 2025 مع ائتلاف من شركات');
  });

  it('takes a quote that differs only in what the detector folds (diacritics, hamza, spaces)', () => {
    const dir = example((m) => {
      event(m, 'wadi-daily-2025-04-10-2023').evidence[0]!.quote = 'وتعرَّضت تل الزيتون  لجفاف شديد صيف عام 2023 دفع مئات الاسر';
    });
    expect(messages(checkPack(readPackFolder(dir)), 'error')).toEqual([]);
  });

  it('catches an impossible date: happened after its source was published', () => {
    const dir = example((m) => {
      const e = event(m, 'sahel-bulletin-2025-04-03');
      e.date = '2025-05';
      e.datePrecision = 'month';
      e.dateBasis = 'inferred';
    });
    const errors = messages(checkPack(readPackFolder(dir)), 'error');
    expect(errors).toEqual([
      expect.stringMatching(/sahel-bulletin-2025-04-03: "happened" on 2025-05, after its latest source was published \(2025-04-20\)/),
    ]);
  });

  it('catches a stated date its quote contradicts', () => {
    const dir = example((m) => (event(m, 'wadi-daily-2025-04-10-2025-01-15').date = '2025-01-16'));
    expect(messages(checkPack(readPackFolder(dir)), 'error')).toEqual([
      expect.stringMatching(/dated 2025-01-16 as stated, but its quotes state 2025-01-15/),
    ]);
  });

  it('catches a dead alias, and a topic no source names at all', () => {
    const dir = example((m) => {
      m.topics.find((t) => t.id === 'tal-zaytoun')!.aliases.push('تل الزيتونة');
      m.topics.find((t) => t.id === 'green-valley-dam')!.aliases = ['سد الوادي الأزرق'];
    });
    const warnings = messages(checkPack(readPackFolder(dir)), 'warning');
    expect(warnings).toContain(
      'topics › tal-zaytoun › aliases: «تل الزيتونة» appears in no source: a misspelling, or a variant you add on purpose?',
    );
    expect(warnings.some((w) => w.startsWith('topics › green-valley-dam › aliases: no alias of this topic appears in any source'))).toBe(
      true,
    );
  });

  it('catches an alias that fires on a listed look-alike', () => {
    const dir = example((m) => delete m.topics.find((t) => t.id === 'salma-haddad')!.rules);
    const errors = messages(checkPack(readPackFolder(dir)), 'error');
    expect(errors).toEqual([
      expect.stringMatching(
        /^pack\.json › lookAlikes › salma-haddad: «الحداد» \(alias «الحداد»\) fires on the look-alike «أعلنت البلدة الحداد ثلاثة أيام/,
      ),
      expect.stringMatching(/fires on the look-alike «وقال الحداد إن أسعار الحديد ارتفعت»/),
    ]);
  });

  it('reports what the pack format refuses, sources without a date, and topics with no event', () => {
    const dir = example((m) => {
      m.topics.push({
        id: 'valley',
        kind: 'place',
        label: { ar: 'الوادي', en: 'The valley' },
        aliases: ['الوادي'],
        description: { ar: 'الوادي', en: 'The valley' },
      });
      m.title = { ar: '', en: 'x' };
    });
    writeFileSync(join(dir, 'sources', 'undated.txt'), 'نص بلا تاريخ عن الوادي.');
    const result = checkPack(readPackFolder(dir));
    expect(messages(result, 'error')).toEqual([
      'pack: title › ar: must not be empty',
      'pack: sources[1] (id "undated") › outlet: must not be empty',
    ]);
    const warnings = messages(result, 'warning');
    expect(warnings).toContain('topics › valley: no event names this topic: its card will show no dated line');
    expect(warnings.some((w) => w.startsWith('sources › undated (sources/undated.txt): no publication date'))).toBe(true);
    expect(warnings).toContain('sources › undated: no event quotes this source');
  });
});

describe('pack build', () => {
  it('writes a pack the importer accepts, with its version and the hash of its content', async () => {
    const result = await buildPack(readPackFolder(EXAMPLE));
    if (!result.ok) throw new Error('not built');
    const pack = JSON.parse(result.json) as CorpusPack & {
      contentHash: string;
      language: string;
      lookAlikes?: unknown;
      sourceOrder?: unknown;
    };
    expect(validatePack(result.json).ok).toBe(true);
    expect(pack).toMatchObject({ format: 'siyaq-corpus', id: 'wadi-dam-example', version: 1, language: 'ar' });
    expect(pack.lookAlikes).toBeUndefined();
    expect(pack.sources.map((s) => s.id)).toEqual(['sahel-bulletin', 'valley-tv-2025-05-02', 'wadi-daily-2025-04-10']);
    const { contentHash: hash, ...content } = pack;
    expect(hash).toBe(await contentHash(content as CorpusPack));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await buildPack(readPackFolder(EXAMPLE))).ok && result.json).toBe(result.json);
  });

  it('refuses to build while check finds errors', async () => {
    const dir = example((m) => (event(m, 'sahel-bulletin-2025-06').evidence[0]!.quote = 'جملة لم تكتبها أي نشرة'));
    const result = await buildPack(readPackFolder(dir));
    expect(result.ok).toBe(false);
    expect(result.check.errors).toBe(1);
  });

  it('import-json splits a built pack back into a folder that builds the same file', async () => {
    const built = await buildPack(readPackFolder(EXAMPLE));
    if (!built.ok) throw new Error('not built');
    const dir = mkdtempSync(join(tmpdir(), 'siyaq-pack-'));
    made.push(dir);
    const files = splitPack(JSON.parse(built.json) as CorpusPack & Record<string, unknown>, dir, { articlesDir: join(EXAMPLE, 'sources') });
    mkdirSync(join(dir, 'sources'));
    for (const [path, text] of files) writeFileSync(path, text);
    // The articles stay where they are: the sidecars point at them.
    const sidecar = JSON.parse(files.get(join(dir, 'sources', 'sahel-bulletin.json'))!) as { path: string; file: string };
    expect(sidecar.file).toBe('sahel-bulletin.txt');
    expect(sidecar.path).toMatch(/^\.\.\/.*docs\/packs-example\/sources\/sahel-bulletin\.txt$/);
    const again = await buildPack(readPackFolder(dir));
    if (!again.ok) throw new Error(again.check.findings.map((f) => f.message).join('\n'));
    expect(again.json).toBe(built.json);
  });
});

/**
 * Detector throughput and scaling (DESIGN.md budgets): on 1 MB of Arabic news
 * made from the seed articles, a bare loop over every char code, the fold
 * alone, fold + match; then the same text against 100 and 10,000 aliases, and
 * the compile time of 10,000 aliases. Median CPU times after a warm-up;
 * figures only.
 */
import { foldCodesShared } from '../../lib/arabic/normalize';
import { compileMatcher, detect } from '../../lib/detect/detect';
import type { MatcherTopic } from '../../lib/messages';
import { readSeed, seedFiles } from '../seeds';

const TARGET_CHARS = 1 << 20;
const WARMUP = 5;
const RUNS = 15;

/**
 * Median CPU milliseconds of each function (process.cpuUsage: the time this
 * process ran, not the wall clock, so that other work on a shared machine does
 * not skew the ratios), measured in interleaved rounds after a warm-up.
 */
function medians(fns: (() => unknown)[]): number[] {
  for (let i = 0; i < WARMUP; i++) for (const f of fns) f();
  const times = fns.map(() => [] as number[]);
  for (let r = 0; r < RUNS; r++) {
    fns.forEach((f, k) => {
      const before = process.cpuUsage();
      f();
      const used = process.cpuUsage(before);
      times[k]!.push((used.user + used.system) / 1000);
    });
  }
  return times.map((t) => t.sort((a, b) => a - b)[RUNS >> 1]!);
}

/** Real names from the seeds, so that matching has work to do. */
const REAL: MatcherTopic[] = [
  { id: 'sudani', aliases: ['محمد شياع السوداني', 'السوداني'], rules: [{ alias: 'السوداني', requireCue: ['العراق', 'بغداد', 'العراقية'] }] },
  { id: 'isis', aliases: ['داعش', 'تنظيم الدولة الإسلامية', 'ISIS'] },
  { id: 'global-coalition', aliases: ['التحالف الدولي', 'التحالف الدولي لمحاربة داعش'] },
  { id: 'ain-al-asad', aliases: ['عين الأسد', 'قاعدة عين الأسد'] },
  { id: 'harir', aliases: ['قاعدة حرير'] },
  { id: 'coordination-framework', aliases: ['الإطار التنسيقي'] },
  { id: 'lloyd-austin', aliases: ['لويد أوستن', 'أوستن'] },
  { id: 'baghdad', aliases: ['بغداد'] },
  { id: 'washington', aliases: ['واشنطن'] },
  { id: 'kataib-hezbollah', aliases: ['كتائب حزب الله'] },
];

const CONSONANTS = 'بتثجحخدذرزسشصضطظعغفقكلمنهـ'.replace('ـ', '');
const VOWELS = ['ا', 'و', 'ي', ''];

/** `count` distinct two-word names of letter syllables (مثل «زوقاني بيطرلون»), deterministic. */
function syntheticTopics(count: number): MatcherTopic[] {
  let seed = 0x2545f491;
  const rand = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const word = (): string => {
    let w = '';
    const syllables = 2 + rand(2);
    for (let s = 0; s < syllables; s++) w += CONSONANTS[rand(CONSONANTS.length)]! + VOWELS[rand(VOWELS.length)]!;
    return w + CONSONANTS[rand(CONSONANTS.length)]!;
  };
  const names = new Set<string>();
  while (names.size < count) names.add(`${word()} ${word()}`);
  return [...names].map((name, i) => ({ id: `synthetic-${i}`, aliases: [name] }));
}

export async function run(): Promise<void> {
  const seeds = seedFiles().map(readSeed).join('\n\n');
  const text = seeds.repeat(Math.ceil(TARGET_CHARS / seeds.length)).slice(0, TARGET_CHARS);
  const matcher = compileMatcher(REAL);

  const small = compileMatcher([...REAL, ...syntheticTopics(100)]);
  const large = compileMatcher([...REAL, ...syntheticTopics(10_000)]);
  const bareLoop = (): number => {
    let sum = 0;
    for (let i = 0; i < text.length; i++) sum = (sum + text.charCodeAt(i)) | 0;
    return sum;
  };
  const [bare, foldOnly, full, t100, t10k] = medians([
    bareLoop,
    () => foldCodesShared(text),
    () => detect(text, matcher),
    () => detect(text, small),
    () => detect(text, large),
  ]) as [number, number, number, number, number];
  const found = detect(text, matcher).length;
  const ms = (t: number): string => `${t.toFixed(2)} ms`;
  const row = (label: string, t: number, note = ''): void =>
    console.log(`${label.padEnd(36)}${ms(t).padStart(12)}${(t / bare).toFixed(1).padStart(8)}×  ${note}`);

  console.log(`text: ${text.length.toLocaleString('en')} UTF-16 units of seed articles; ${found} mentions`);
  console.log(`${''.padEnd(36)}${'median CPU'.padStart(12)}${'vs bare'.padStart(9)}`);
  row('bare charCodeAt loop', bare);
  row('fold', foldOnly);
  row('fold + match (detect)', full, 'budget ≤ 8×');
  console.log();
  row('detect, 100 synthetic aliases', t100);
  row('detect, 10,000 synthetic aliases', t10k, `${(t10k / t100).toFixed(2)}× the 100-alias run (budget ≤ 1.5×)`);

  const topics = syntheticTopics(10_000);
  const [compile] = medians([() => compileMatcher(topics)]) as [number];
  console.log(`\ncompile 10,000 aliases (with spelling variants): ${ms(compile)} (budget ≤ 100 ms)`);
}

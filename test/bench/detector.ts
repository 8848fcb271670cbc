/**
 * Detector throughput and scaling (DESIGN.md budgets): on 1 MB of Arabic news
 * made from the seed articles, a bare loop over every char code, the fold
 * alone, fold + match; then the same text against 100 and 10,000 aliases, and
 * the compile time of 10,000 aliases. Median CPU times after a warm-up,
 * ratios taken round by round; figures only.
 */
import { foldCodesShared } from '../../lib/arabic/normalize';
import { compileMatcher, detect } from '../../lib/detect/detect';
import type { MatcherTopic } from '../../lib/messages';
import { readSeed, seedFiles } from '../seeds';

const TARGET_CHARS = 1 << 20;
const WARMUP = 5;
const RUNS = 31;

const cpuMs = (f: () => unknown): number => {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * CPU milliseconds (process.cpuUsage: the time this process ran, not the wall
 * clock) of each function, measured in interleaved rounds after a warm-up,
 * with the bare loop timed again in every round: a shared virtual machine's
 * speed drifts by half from one second to the next, so each ratio is taken
 * within its round and the median of those ratios is reported.
 */
function measure(bare: () => unknown, fns: (() => unknown)[]): { bareMs: number; ms: number[]; ratio: number[] } {
  for (let i = 0; i < WARMUP; i++) for (const f of [bare, ...fns]) f();
  const bareTimes: number[] = [];
  const times = fns.map(() => [] as number[]);
  const ratios = fns.map(() => [] as number[]);
  for (let r = 0; r < RUNS; r++) {
    fns.forEach((f, k) => {
      const b = cpuMs(bare);
      const t = cpuMs(f);
      bareTimes.push(b);
      times[k]!.push(t);
      ratios[k]!.push(t / b);
    });
  }
  return { bareMs: median(bareTimes), ms: times.map(median), ratio: ratios.map(median) };
}

/** Real names from the seeds, so that matching has work to do. */
const REAL: MatcherTopic[] = [
  {
    id: 'sudani',
    aliases: ['محمد شياع السوداني', 'السوداني'],
    rules: [{ alias: 'السوداني', requireCue: ['العراق', 'بغداد', 'العراقية'] }],
  },
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
  const {
    bareMs,
    ms: times,
    ratio,
  } = measure(bareLoop, [() => foldCodesShared(text), () => detect(text, matcher), () => detect(text, small), () => detect(text, large)]);
  const found = detect(text, matcher).length;
  const ms = (t: number): string => `${t.toFixed(2)} ms`;
  const row = (label: string, k: number, note = ''): void =>
    console.log(`${label.padEnd(36)}${ms(times[k]!).padStart(12)}${ratio[k]!.toFixed(1).padStart(8)}×  ${note}`);

  console.log(`text: ${text.length.toLocaleString('en')} UTF-16 units of seed articles; ${found} mentions`);
  console.log(`${''.padEnd(36)}${'median CPU'.padStart(12)}${'vs bare'.padStart(9)} (median of per-round ratios)`);
  console.log(`${'bare charCodeAt loop'.padEnd(36)}${ms(bareMs).padStart(12)}${'1.0'.padStart(8)}×`);
  row('fold', 0);
  row('fold + match (detect)', 1, 'budget ≤ 8×');
  console.log();
  row('detect, 100 synthetic aliases', 2);
  row('detect, 10,000 synthetic aliases', 3, `${(ratio[3]! / ratio[2]!).toFixed(2)}× the 100-alias run (budget ≤ 1.5×)`);

  const topics = syntheticTopics(10_000);
  for (let i = 0; i < WARMUP; i++) compileMatcher(topics);
  const compile = median(Array.from({ length: RUNS }, () => cpuMs(() => compileMatcher(topics))));
  console.log(`\ncompile 10,000 aliases (with spelling variants): ${ms(compile)} (budget ≤ 100 ms)`);
}

/**
 * Large, valid, deterministic packs for benchmarks and scale tests: Arabic-looking
 * names that never repeat, dates at every precision, alias rules, related topics
 * and evidence, so every code path a real pack takes is exercised at size.
 */
import type { CorpusEvent, CorpusPack, DatePrecision, Source, Topic, TopicKind } from './types';

export interface SyntheticOptions {
  topics: number;
  events: number;
  /** Same seed, same pack. */
  seed?: number;
  /** Defaults to one source per hundred events (at least five). */
  sources?: number;
}

/** mulberry32: small, fast and good enough to scatter test data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// No و or ي among the consonants: they double as long vowels, and a word must read back to one number.
const CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنه'];
const VOWELS = ['ا', ''];
const KINDS: TopicKind[] = ['person', 'organization', 'place', 'event', 'concept'];
const PREFIXES: Record<TopicKind, string[]> = {
  person: ['', 'الشيخ ', 'اللواء '],
  organization: ['حركة ', 'هيئة ', 'مجلس '],
  place: ['قاعدة ', 'مدينة ', 'محافظة '],
  event: ['معركة ', 'اتفاق ', 'مؤتمر '],
  concept: ['مبدأ ', 'سياسة ', ''],
};

/**
 * A word that spells `n` in base 26, one consonant per digit with an optional
 * alif after each: distinct numbers give distinct words, so aliases never collide.
 */
function word(n: number, next: () => number): string {
  let out = '';
  let rest = n;
  do {
    out += CONSONANTS[rest % CONSONANTS.length]! + VOWELS[Math.floor(next() * VOWELS.length)]!;
    rest = Math.floor(rest / CONSONANTS.length);
  } while (rest > 0);
  return out;
}

function pick<T>(items: readonly T[], next: () => number): T {
  return items[Math.floor(next() * items.length)]!;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function randomDate(next: () => number): { date: string; datePrecision: DatePrecision } {
  const year = 2000 + Math.floor(next() * 27);
  const month = 1 + Math.floor(next() * 12);
  const r = next();
  if (r < 0.1) return { date: String(year), datePrecision: 'year' };
  if (r < 0.35) return { date: `${year}-${pad(month)}`, datePrecision: 'month' };
  return { date: `${year}-${pad(month)}-${pad(1 + Math.floor(next() * 28))}`, datePrecision: 'day' };
}

export function syntheticPack({ topics: topicCount, events: eventCount, seed = 1, sources }: SyntheticOptions): CorpusPack {
  const next = random(seed);
  const sourceCount = sources ?? Math.max(5, Math.ceil(eventCount / 100));

  const sourceList: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `s${i}`,
    file: `${String(i).padStart(3, '0')}_synthetic.txt`,
    outlet: `صحيفة ${word(i, next)}`,
    title: `تقرير عن ${word(i + 7, next)}`,
    published: `${2000 + (i % 27)}-${pad(1 + (i % 12))}`,
    publishedBasis: 'synthetic',
    url: `https://example.org/synthetic/${i}`,
  }));

  const topicList: Topic[] = Array.from({ length: topicCount }, (_, i) => {
    const kind = KINDS[i % KINDS.length]!;
    const name = word(i, next);
    const family = `ال${word(Math.floor(next() * 5000), next)}`;
    const full = `${pick(PREFIXES[kind], next)}${name} ${family}`;
    // Half the topics also go by the name alone, a short alias a rule guards in some.
    const aliases = next() < 0.5 ? [full, `${name}${family.slice(2)}`] : [full];
    const topic: Topic = {
      id: `t${i}`,
      kind,
      label: { ar: full, en: `Topic ${i}` },
      aliases,
      description: { ar: `وصف ${full}`, en: `Synthetic ${kind} ${i}` },
    };
    if (aliases.length > 1 && next() < 0.2) topic.rules = [{ alias: aliases[1]!, notAfter: ['الجيش'], requireCue: [family] }];
    if (i > 0 && next() < 0.3) topic.related = [`t${Math.floor(next() * i)}`];
    return topic;
  });

  const eventList: CorpusEvent[] = Array.from({ length: eventCount }, (_, i) => {
    const topics = [...new Set(Array.from({ length: 1 + Math.floor(next() * 3) }, () => `t${Math.floor(next() * topicCount)}`))];
    const source = pick(sourceList, next);
    return {
      id: `e${i}`,
      ...randomDate(next),
      dateBasis: next() < 0.8 ? 'stated' : 'inferred',
      status: next() < 0.85 ? 'happened' : next() < 0.5 ? 'reported' : 'planned',
      title: { ar: `حدث ${word(i, next)}`, en: `Event ${i}` },
      summary: { ar: `ملخص الحدث ${word(i + 3, next)} في ${word(i + 11, next)}`, en: `Summary of event ${i}` },
      topics,
      evidence: [{ source: source.id, quote: `قال ${word(i + 5, next)} إن ${word(i + 13, next)}` }],
    };
  });

  return {
    format: 'siyaq-corpus',
    version: 1,
    id: `synthetic-${seed}`,
    title: { ar: 'حزمة اصطناعية', en: `Synthetic pack (${topicCount} topics, ${eventCount} events)` },
    sources: sourceList,
    topics: topicList,
    events: eventList,
  };
}

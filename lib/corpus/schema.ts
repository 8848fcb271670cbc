/**
 * The executable form of ./types.ts: every field, its type and the shape rules
 * a single field can check on its own (non-empty text, id spelling, enums).
 * Rules that look across the pack (unique ids, references, dates against their
 * precision, markup, https) live in ./validate.ts, which reports them by id.
 * Unknown fields are dropped, not refused: the format may grow (DESIGN.md
 * contract 4 welcomes more fields), and an older Siyaq should still read a newer pack.
 */
import { z } from 'zod';
import type { CorpusPack } from './types';

/**
 * Ids travel in URLs (`timeline.html#topic=ID`), attributes (`data-event-id`)
 * and database keys, so they stay plain: letters, digits, `-`, `_`, `.`.
 */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * How much a pack may hold. Every matcher cost grows with alias length, alias
 * count and rule windows, and an imported pack is compiled for every page in
 * every tab: without bounds one pack stalled the background (a 3,000-letter
 * alias cost 5.7 s per page, a cue window of 1e9 17 s per batch). Each limit is
 * far above what the bundled corpus uses (longest alias 33 characters, 12
 * aliases per topic, 624 characters of text in one field).
 */
export const LIMITS = {
  aliasChars: 64,
  aliasWords: 6,
  aliasesPerTopic: 32,
  /** Across the whole pack, checked in ./validate.ts. */
  aliasesPerPack: 20_000,
  /**
   * Trie steps the spelling variants of all the pack's aliases cost
   * (lib/detect/variants.ts variantSteps), checked in ./validate.ts: about
   * half a second of compiling. The bundled corpus needs 1,147.
   */
  variantSteps: 400_000,
  rulesPerTopic: 32,
  phrasesPerRule: 64,
  ruleWindow: 1000,
  topics: 20_000,
  events: 50_000,
  sources: 5_000,
  questions: 2_000,
  answersPerQuestion: 100,
  /** Ids listed in one field (an event's topics, a topic's related topics). */
  refs: 64,
  evidencePerItem: 32,
  /** Labels, titles, outlet names, file names. */
  shortText: 300,
  /** Descriptions, summaries, quotes, answers, how a date was worked out. */
  longText: 4000,
  url: 2048,
} as const;

const id = z.string().regex(ID_PATTERN, {
  message: 'must be 1 to 128 letters, digits, "-", "_" or "." (starting with a letter or digit)',
});
// Not trimmed: quotes must stay verbatim, so blank text is refused rather than cleaned.
const text = z.string().regex(/\S/, { message: 'must not be empty' });
const short = text.max(LIMITS.shortText);
const long = text.max(LIMITS.longText);
const localized = z.object({ ar: short, en: short });
const localizedLong = z.object({ ar: long, en: long });
const ids = z.array(id).max(LIMITS.refs);
const phrase = text.max(LIMITS.aliasChars);
const phrases = z.array(phrase).max(LIMITS.phrasesPerRule).optional();
const datePrecision = z.enum(['day', 'month', 'year']);
const dateBasis = z.enum(['stated', 'inferred']);

const source = z.object({
  id,
  file: short,
  outlet: short,
  outletEn: short.optional(),
  title: short,
  published: z.string().max(10).nullable(),
  publishedBasis: long,
  url: z.string().max(LIMITS.url).optional(),
});

const aliasRule = z.object({
  alias: phrase,
  notAfter: phrases,
  notBefore: phrases,
  requireCue: phrases,
  window: z.number().int().positive().max(LIMITS.ruleWindow).optional(),
});

const topic = z.object({
  id,
  kind: z.enum(['person', 'organization', 'place', 'event', 'concept']),
  label: localized,
  aliases: z.array(phrase).min(1).max(LIMITS.aliasesPerTopic),
  description: localizedLong,
  rules: z.array(aliasRule).max(LIMITS.rulesPerTopic).optional(),
  related: ids.optional(),
});

const evidence = z.object({ source: id, quote: long });
const evidenceList = z.array(evidence).min(1).max(LIMITS.evidencePerItem);
const date = z.string().max(10);

const event = z.object({
  id,
  date,
  datePrecision,
  dateBasis,
  status: z.enum(['happened', 'reported', 'planned']),
  title: localized,
  summary: localizedLong,
  topics: ids.min(1),
  evidence: evidenceList,
});

const answer = z.object({
  id,
  date,
  datePrecision,
  dateBasis,
  answer: localizedLong,
  saidBy: z.object({ topic: id.optional(), label: localized }),
  evidence: evidenceList,
});

const question = z.object({
  id,
  question: localized,
  topics: ids,
  answers: z.array(answer).min(1).max(LIMITS.answersPerQuestion),
});

export const corpusPackSchema = z.object({
  format: z.literal('siyaq-corpus'),
  version: z.number().int().positive(),
  id,
  title: localized,
  sources: z.array(source).max(LIMITS.sources),
  topics: z.array(topic).max(LIMITS.topics),
  events: z.array(event).max(LIMITS.events),
  questions: z.array(question).max(LIMITS.questions).optional(),
});

// Compile-time proof that the schema and types.ts describe the same thing:
// this fails to type-check when a field is added to, or changed in, only one of them.
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesTypes = Assert<Equals<z.infer<typeof corpusPackSchema>, CorpusPack>>;

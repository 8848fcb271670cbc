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

const id = z.string().regex(ID_PATTERN, {
  message: 'must be 1 to 128 letters, digits, "-", "_" or "." (starting with a letter or digit)',
});
// Not trimmed: quotes must stay verbatim, so blank text is refused rather than cleaned.
const text = z.string().regex(/\S/, { message: 'must not be empty' });
const localized = z.object({ ar: text, en: text });
const datePrecision = z.enum(['day', 'month', 'year']);
const dateBasis = z.enum(['stated', 'inferred']);

const source = z.object({
  id,
  file: text,
  outlet: text,
  outletEn: text.optional(),
  title: text,
  published: z.string().nullable(),
  publishedBasis: text,
  url: z.string().optional(),
});

const aliasRule = z.object({
  alias: text,
  notAfter: z.array(text).optional(),
  notBefore: z.array(text).optional(),
  requireCue: z.array(text).optional(),
  window: z.number().int().positive().optional(),
});

const topic = z.object({
  id,
  kind: z.enum(['person', 'organization', 'place', 'event', 'concept']),
  label: localized,
  aliases: z.array(text).min(1),
  description: localized,
  rules: z.array(aliasRule).optional(),
  related: z.array(id).optional(),
});

const evidence = z.object({ source: id, quote: text });

const event = z.object({
  id,
  date: z.string(),
  datePrecision,
  dateBasis,
  status: z.enum(['happened', 'reported', 'planned']),
  title: localized,
  summary: localized,
  topics: z.array(id).min(1),
  evidence: z.array(evidence).min(1),
});

const answer = z.object({
  id,
  date: z.string(),
  datePrecision,
  dateBasis,
  answer: localized,
  saidBy: z.object({ topic: id.optional(), label: localized }),
  evidence: z.array(evidence).min(1),
});

const question = z.object({
  id,
  question: localized,
  topics: z.array(id),
  answers: z.array(answer).min(1),
});

export const corpusPackSchema = z.object({
  format: z.literal('siyaq-corpus'),
  version: z.number().int().positive(),
  id,
  title: localized,
  sources: z.array(source),
  topics: z.array(topic),
  events: z.array(event),
  questions: z.array(question).optional(),
});

// Compile-time proof that the schema and types.ts describe the same thing:
// this fails to type-check when a field is added to, or changed in, only one of them.
type Equals<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesTypes = Assert<Equals<z.infer<typeof corpusPackSchema>, CorpusPack>>;

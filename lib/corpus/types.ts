/**
 * The corpus pack (DESIGN.md contract 4) and the fields Siyaq adds to it.
 * The zod schema in ./schema.ts is the executable form of these types; keep
 * the two in step.
 */

export type Lang = 'ar' | 'en';
export type Localized = { ar: string; en: string };

export type TopicKind = 'person' | 'organization' | 'place' | 'event' | 'concept';
export type DatePrecision = 'day' | 'month' | 'year';
export type DateBasis = 'stated' | 'inferred';
export type EventStatus = 'happened' | 'reported' | 'planned';

export interface Source {
  id: string;
  /** File name of the article in the seed folder, e.g. "000_3411f54993062ad3.txt". */
  file: string;
  /** The outlet's name as it names itself (Arabic for these sources). */
  outlet: string;
  /** Its English name, for the English interface; without it the English interface shows `outlet`. */
  outletEn?: string;
  title: string;
  /** ISO-8601 prefix ("2024", "2024-03", "2024-03-14") or null when it cannot be known. */
  published: string | null;
  /** How `published` was worked out, in plain words a reader can check. */
  publishedBasis: string;
  url?: string;
}

/**
 * A rule that decides whether one alias, found in page text, really names the topic.
 * Words are compared after Arabic normalisation (lib/arabic/normalize.ts), whole words only.
 * A mention must pass every field that is present.
 */
export interface AliasRule {
  /** One of the topic's aliases, as written in `aliases`. */
  alias: string;
  /** Rejected when the word(s) just before the alias are one of these phrases ("الجيش", "الرئيس"). */
  notAfter?: string[];
  /** Rejected when the word(s) just after the alias are one of these phrases ("تكساس"). */
  notBefore?: string[];
  /**
   * Accepted only when one of these phrases stands within `window` characters
   * (either side), or the same text already holds an unambiguous mention of the topic.
   */
  requireCue?: string[];
  /** Characters either side searched for `requireCue`; default 200. */
  window?: number;
}

export interface Topic {
  id: string;
  kind: TopicKind;
  label: Localized;
  /** Every spelling that names the topic on its own, Arabic or Latin. */
  aliases: string[];
  description: Localized;
  /** Context rules for the aliases that can also mean something else. */
  rules?: AliasRule[];
  /** Ids of related topics, shown as links on the card and the timeline page. */
  related?: string[];
}

export interface Evidence {
  source: string;
  /** Verbatim words of the source file (a test checks each one stands in it). */
  quote: string;
}

export interface CorpusEvent {
  id: string;
  /** ISO-8601 prefix whose length matches `datePrecision`. */
  date: string;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  status: EventStatus;
  title: Localized;
  summary: Localized;
  topics: string[];
  evidence: Evidence[];
}

/** One answer to a question, as someone gave it at some time. */
export interface Answer {
  id: string;
  date: string;
  datePrecision: DatePrecision;
  dateBasis: DateBasis;
  answer: Localized;
  /** Who gave the answer: a topic id when the corpus has one, else a label. */
  saidBy: { topic?: string; label: Localized };
  evidence: Evidence[];
}

/** A question readers ask whose answer moved over time ("how the story moved"). */
export interface Question {
  id: string;
  question: Localized;
  topics: string[];
  answers: Answer[];
}

export interface CorpusPack {
  format: 'siyaq-corpus';
  version: number;
  id: string;
  title: Localized;
  sources: Source[];
  topics: Topic[];
  events: CorpusEvent[];
  questions?: Question[];
}

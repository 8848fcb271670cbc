/**
 * Messages between the content script and the background. The corpus lives in
 * the extension origin's IndexedDB, which a content script cannot open, so the
 * content script asks for what it needs here.
 */
import type { CorpusEvent, Localized, Source, Topic, TopicKind } from './corpus/types';
import type { DigitSet } from './digits';

/** What the detector needs of a topic: no descriptions, no events. */
export interface MatcherTopic {
  id: string;
  aliases: string[];
  rules?: Topic['rules'];
}

/**
 * A mention the background found in text the page sent: UTF-16 offsets into
 * that text, so the page maps them back to its own nodes.
 */
export interface FoundMention {
  topic: string;
  start: number;
  end: number;
  /** Found through an alias that needs a cue: it does not vouch for its topic elsewhere on the page. */
  cued: boolean;
  /**
   * A name inside a longer name of another topic («داعش» in «التحالف الدولي
   * لدحر داعش»): it overlaps that longer mention, listed before it, when the
   * answer holds it (a longer name whose cue is missing is left out).
   */
  inner?: true;
}

export interface CardEvent extends CorpusEvent {
  /** Sources of the evidence, in the same order, for outlet names. */
  sources: Source[];
  /**
   * The imported pack the event comes from; absent for the bundled corpus.
   * Shown beside the event, so an import's text never passes as the bundled
   * corpus's, whatever outlet names it gives.
   */
  pack?: { id: string; title: Localized };
}

export interface CardData {
  topic: { id: string; kind: TopicKind; label: Localized; description: Localized; related: string[] };
  /** Events nearest the article's date (or the newest), oldest first. */
  events: CardEvent[];
  /** How many events the corpus has for this topic in all. */
  totalEvents: number;
}

/**
 * Requests to the background. Every field is checked there (lib/background/handlers.ts),
 * and the sender with them: the site a request acts on is the sending tab's,
 * never one the message names.
 */
export type Request =
  /**
   * `id`: the same for every attempt at one batch, so a retry joins the
   * attempt the background is already working on instead of adding to it.
   * `known`: topics the page already found unambiguously, for the context rules (DetectOptions.knownTopics).
   */
  | { type: 'detect'; id: string; text: string; known: string[] }
  | { type: 'card'; topic: string; articleDate: string | null; limit?: number }
  | { type: 'open-timeline'; topic?: string }
  | { type: 'mute-topic'; topic: string }
  /** Turns Siyaq off for the site of the tab that sends it. */
  | { type: 'disable-site' }
  /** From Siyaq's options page after an import, removal or reset: compile now, and say which imports were left out. */
  | { type: 'packs-changed' };

/** An import the background left unmarked because it took too long to prepare (lib/background/matcher-set.ts). */
export interface SkippedPack {
  id: string;
  title: Localized;
  ms: number;
}

export type Response<R extends Request> = R extends { type: 'detect' }
  ? FoundMention[]
  : R extends { type: 'card' }
    ? CardData | null
    : R extends { type: 'open-timeline' | 'mute-topic' | 'disable-site' }
      ? /** False when the background refused or set aside the action (too many in a short time). */ { ok: boolean }
      : R extends { type: 'packs-changed' }
        ? { skipped: SkippedPack[] }
        : never;

/**
 * Messages the popup sends to the content script of the active tab. Both
 * `step-mention` and `show-topic` are answered `{ ok: boolean }`: `show-topic`
 * takes the reader to the topic's first marked mention and opens its card with focus.
 */
export type TabRequest = { type: 'page-summary' } | { type: 'step-mention'; direction: 1 | -1 } | { type: 'show-topic'; topic: string };

export interface PageSummary {
  url: string;
  /** False when the reader turned Siyaq off for this site (or everywhere). */
  active: boolean;
  arabic: boolean;
  /** Whether the page is an article (not a home page or a section front); absent from older content scripts. */
  article?: boolean;
  /** The digits of the page's dateline (lib/digits.ts `pageDigits`), null when unclear; absent from older content scripts. */
  digits?: DigitSet | null;
  published: string | null;
  topics: { id: string; count: number }[];
}

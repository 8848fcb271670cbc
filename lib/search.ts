/**
 * Forgiving search over the timeline's events. Index and query both go through
 * the detector's Arabic fold (harakat, hamza forms, ya/alef maqsura, teh
 * marbuta, tatweel, digits, Latin case), so those spellings match exactly, and
 * Fuse's edit-distance scoring forgives the small differences that remain
 * (رومانوسكي for رومانوفسكي). Extension pages only: the content script never
 * imports this (Fuse would blow its bundle budget).
 */
import Fuse from 'fuse.js';
import type { CorpusEvent, Topic } from './corpus/types';
import { foldString } from './arabic/normalize';

interface Doc {
  id: string;
  title: string[];
  summary: string[];
  topics: string[];
}

/**
 * 0 demands an exact match, 1 matches anything. 0.3 lets a 9-letter name lose
 * a letter (one error in nine is ~0.11) while a short word still needs most of
 * its letters; ignoreLocation lets the match sit anywhere in a long summary.
 */
const THRESHOLD = 0.3;

export type EventSearch = (query: string) => Set<string> | null;

/**
 * Builds the index once; the returned function gives the ids of the matching
 * events, or null for a blank query (no filtering).
 */
export function createEventSearch(events: readonly CorpusEvent[], topics: readonly Topic[]): EventSearch {
  const topicTerms = new Map(topics.map((t) => [t.id, [t.label.ar, t.label.en, ...t.aliases].map(foldString)]));
  const docs: Doc[] = events.map((e) => ({
    id: e.id,
    title: [foldString(e.title.ar), foldString(e.title.en)],
    summary: [foldString(e.summary.ar), foldString(e.summary.en)],
    topics: e.topics.flatMap((id) => topicTerms.get(id) ?? []),
  }));
  const fuse = new Fuse(docs, {
    keys: [
      { name: 'title', weight: 2 },
      { name: 'topics', weight: 2 },
      { name: 'summary', weight: 1 },
    ],
    threshold: THRESHOLD,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  return (query) => {
    const q = foldString(query).trim();
    if (!q) return null;
    return new Set(fuse.search(q).map((r) => r.item.id));
  };
}

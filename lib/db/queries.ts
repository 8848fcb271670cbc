/**
 * What the content script (by message), the popup, the timeline and the
 * options pages read. Topic ids are shared across packs: an imported pack that
 * has "sudani" adds aliases and events to the same topic. Where packs disagree
 * the bundled corpus wins, then imports in the order they were installed
 * (docs/adr/0004-database.md).
 */
import type { CorpusEvent, Question, Source, Topic } from '../corpus/types';
import type { CardData, CardEvent, MatcherTopic } from '../messages';
import type { EventRow, PackMeta, SiyaqDb, Stored, TopicRow } from './db';
import { strip } from './store';

/** Bundled first, then imports oldest first: the order in which packs have their say. */
export function byPriority(a: PackMeta, b: PackMeta): number {
  if (a.origin !== b.origin) return a.origin === 'bundled' ? -1 : 1;
  return a.installedAt - b.installedAt || a.id.localeCompare(b.id);
}

async function packRanks(db: SiyaqDb): Promise<Map<string, number>> {
  const packs = (await db.packs.toArray()).sort(byPriority);
  return new Map(packs.map((p, i) => [p.id, i]));
}

/** Rows sorted by their pack's priority; rows of a pack that is not (or no longer) listed go last. */
function ranked<T extends Stored>(rows: T[], ranks: Map<string, number>): T[] {
  const rank = (r: T) => ranks.get(r.packId) ?? Number.MAX_SAFE_INTEGER;
  return rows.sort((a, b) => rank(a) - rank(b) || a.n - b.n);
}

/** One row per id, the highest-priority pack's. */
function firstById<T extends Stored & { id: string }>(rows: T[], ranks: Map<string, number>): T[] {
  const seen = new Map<string, T>();
  for (const row of ranked(rows, ranks)) if (!seen.has(row.id)) seen.set(row.id, row);
  return [...seen.values()];
}

/**
 * One topic from the rows several packs hold for it (highest priority first):
 * kind, label and description from the first; aliases and related topics
 * united; for each alias the first rule any pack gives it, so an alias one pack
 * guards stays guarded when another lists it plainly.
 */
function mergeTopic(rows: TopicRow[]): Topic {
  const first: Topic = strip(rows[0]!);
  if (rows.length === 1) return first;
  const aliases = [...new Set(rows.flatMap((r) => r.aliases))];
  const ruleFor = new Map<string, NonNullable<Topic['rules']>[number]>();
  for (const r of rows) for (const rule of r.rules ?? []) if (!ruleFor.has(rule.alias)) ruleFor.set(rule.alias, rule);
  const related = [...new Set(rows.flatMap((r) => r.related ?? []))];
  const merged: Topic = { ...first, aliases };
  const rules = aliases.flatMap((a) => ruleFor.get(a) ?? []);
  if (rules.length) merged.rules = rules;
  else delete merged.rules;
  if (related.length) merged.related = related;
  return merged;
}

function mergeTopics(rows: TopicRow[], ranks: Map<string, number>): Topic[] {
  const byId = new Map<string, TopicRow[]>();
  for (const row of ranked(rows, ranks)) {
    const list = byId.get(row.id);
    if (list) list.push(row);
    else byId.set(row.id, [row]);
  }
  return [...byId.values()].map(mergeTopic);
}

/** What the detector needs of every topic, across all packs. */
export async function matcherTopics(db: SiyaqDb): Promise<MatcherTopic[]> {
  return db.transaction('r', [db.packs, db.topics], async () => {
    const topics = mergeTopics(await db.topics.toArray(), await packRanks(db));
    return topics.map(({ id, aliases, rules }) => (rules ? { id, aliases, rules } : { id, aliases }));
  });
}

/** Chronological: by date, then id. A year-only "2024" sorts before "2024-01". */
function chronological(a: CorpusEvent, b: CorpusEvent): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The middle of the period a date names, in days since the epoch: a year-only
 * event is as far from any day of its year as it can honestly be claimed to be.
 */
function midDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number?, number?];
  if (d !== undefined) return Date.UTC(y, m! - 1, d) / 86_400_000;
  if (m !== undefined) return Date.UTC(y, m - 1, 15) / 86_400_000;
  return Date.UTC(y, 6, 1) / 86_400_000;
}

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const MAX_CARD_EVENTS = 50;

/** The `limit` events nearest `articleDate` (the earlier wins a tie), or the newest; oldest first. */
function pickEvents<T extends CorpusEvent>(events: T[], articleDate: string | null, limit: number): T[] {
  const sorted = [...events].sort(chronological);
  if (articleDate === null || !ISO_PREFIX.test(articleDate)) return sorted.slice(-limit);
  const at = midDay(articleDate);
  return sorted
    .map((event, i) => ({ event, i, distance: Math.abs(midDay(event.date) - at) }))
    .sort((a, b) => a.distance - b.distance || a.i - b.i)
    .slice(0, limit)
    .sort((a, b) => a.i - b.i)
    .map((x) => x.event);
}

/** Events with their evidence's sources (in evidence order), each looked up in the event's own pack. */
async function withSources(db: SiyaqDb, rows: EventRow[]): Promise<CardEvent[]> {
  const found = await db.sources.bulkGet(rows.flatMap((r) => r.evidence.map((e): [string, string] => [r.packId, e.source])));
  let k = 0;
  return rows.map((row) => {
    const sources: Source[] = [];
    // Validation made every evidence source exist in its pack, so the lists stay aligned.
    for (let i = 0; i < row.evidence.length; i++) {
      const source = found[k++];
      if (source) sources.push(strip(source));
    }
    return { ...strip(row), sources };
  });
}

function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_CARD_EVENTS, Math.max(1, Math.floor(limit))) : 5;
}

/**
 * The card for a topic: its merged description and the `limit` events nearest
 * the article's date (the newest when the date is unknown), oldest first, with
 * their sources. Null for a topic no pack has. Reads only the topic's rows,
 * through the `id` and `*topics` indexes.
 */
export async function cardFor(db: SiyaqDb, topicId: string, articleDate: string | null, limit = 5): Promise<CardData | null> {
  return db.transaction('r', [db.packs, db.topics, db.events, db.sources], async () => {
    const ranks = await packRanks(db);
    const topicRows = await db.topics.where('id').equals(topicId).toArray();
    if (topicRows.length === 0) return null;
    const topic = mergeTopic(ranked(topicRows, ranks));
    const events = firstById(await db.events.where('topics').equals(topicId).toArray(), ranks);
    const chosen = pickEvents(events, articleDate, clampLimit(limit));
    return {
      topic: { id: topic.id, kind: topic.kind, label: topic.label, description: topic.description, related: topic.related ?? [] },
      events: await withSources(db, chosen),
      totalEvents: events.length,
    };
  });
}

export interface TimelineData {
  /** Newest first, each with the sources of its evidence. */
  events: CardEvent[];
  topics: Topic[];
  sources: Source[];
  questions: Question[];
}

/**
 * Everything the popup and the timeline page show. Null while the database is
 * empty: the bundled corpus cannot be removed, so that only happens before the
 * first seeding has finished.
 */
export async function timeline(db: SiyaqDb): Promise<TimelineData | null> {
  return db.transaction('r', db.packTables, async () => {
    const ranks = await packRanks(db);
    if (ranks.size === 0) return null;
    const events = firstById(await db.events.toArray(), ranks).sort((a, b) => chronological(b, a));
    return {
      events: await withSources(db, events),
      topics: mergeTopics(await db.topics.toArray(), ranks),
      sources: firstById(await db.sources.toArray(), ranks).map(strip),
      questions: firstById(await db.questions.toArray(), ranks).map(strip),
    };
  });
}

/**
 * What the content script (by message), the popup, the timeline and the
 * options pages read. Topic ids are shared across packs: an imported pack that
 * has "sudani" adds aliases and events to the same topic. Where packs disagree
 * the bundled corpus wins, then imports in the order they were installed
 * (docs/adr/0004-database.md).
 */
import type { CorpusEvent, Question, Source, Topic } from '../corpus/types';
import type { CardData, CardEvent, MatcherTopic } from '../messages';
import { bucketOf, ofPack, type EventRef, type PackData, type PackMeta, type SiyaqDb, type TopicEntry } from './db';
import { packEvents } from './store';
import { relationTo } from '../dates/relation';
import { foldString } from '../arabic/normalize';

/** Bundled first, then imports oldest first: the order in which packs have their say. */
export function byPriority(a: PackMeta, b: PackMeta): number {
  if (a.origin !== b.origin) return a.origin === 'bundled' ? -1 : 1;
  return a.installedAt - b.installedAt || a.id.localeCompare(b.id);
}

async function packsByPriority(db: SiyaqDb): Promise<PackMeta[]> {
  return (await db.packs.toArray()).sort(byPriority);
}

/** One item per id, the first met: callers list packs in priority order. */
function firstById<T extends { id: string }>(items: Iterable<T>): T[] {
  const seen = new Map<string, T>();
  for (const item of items) if (!seen.has(item.id)) seen.set(item.id, item);
  return [...seen.values()];
}

type AliasRule = NonNullable<Topic['rules']>[number];

/**
 * The aliases of one topic as several packs give them (highest priority
 * first): united, and each alias guarded only by the rules of the pack that
 * lists it first. So a bundled alias keeps its own rules, and an import's rule
 * cannot silence a bundled alias (or one an earlier import gives): an
 * import's rules apply to its own aliases only. Aliases are compared folded,
 * as the matcher compares them.
 */
function mergeAliases(versions: { aliases: string[]; rules?: AliasRule[] }[]): { aliases: string[]; rules?: AliasRule[] } {
  const owner = new Map<string, number>();
  versions.forEach((t, v) => {
    for (const a of t.aliases) {
      const folded = foldString(a).trim();
      if (!owner.has(folded)) owner.set(folded, v);
    }
  });
  const aliases = [...new Set(versions.flatMap((t) => t.aliases))];
  const rules = versions.flatMap((t, v) => (t.rules ?? []).filter((rule) => owner.get(foldString(rule.alias).trim()) === v));
  return rules.length ? { aliases, rules } : { aliases };
}

/** One topic from what several packs say of it: kind, label and description from the first; aliases, rules and related topics merged. */
function mergeTopic(versions: Topic[]): Topic {
  const [first] = versions as [Topic, ...Topic[]];
  if (versions.length === 1) return first;
  const related = [...new Set(versions.flatMap((t) => t.related ?? []))];
  const { rules: _rules, related: _related, ...rest } = first;
  return { ...rest, ...mergeAliases(versions), ...(related.length ? { related } : {}) };
}

/** Items of several packs grouped by id, in pack priority and then pack order. */
function groupById<T extends { id: string }>(lists: T[][]): T[][] {
  const byId = new Map<string, T[]>();
  for (const list of lists) {
    for (const item of list) {
      const group = byId.get(item.id);
      if (group) group.push(item);
      else byId.set(item.id, [item]);
    }
  }
  return [...byId.values()];
}

/** Every topic of every pack, merged by id, in pack priority and then pack order. */
async function allTopics(db: SiyaqDb, packs: PackMeta[]): Promise<Topic[]> {
  const lists: Topic[][] = [];
  for (const pack of packs) {
    const entries = (await ofPack(db.topicBuckets, pack.id).toArray()).flatMap((b) => b.topics);
    lists.push(entries.sort((a, b) => a.n - b.n).map((e) => e.topic));
  }
  return groupById(lists).map(mergeTopic);
}

/** What the detector needs of every topic, across the packs `include` admits (all by default): one small record per pack. */
export async function matcherTopics(db: SiyaqDb, include: (pack: PackMeta) => boolean = () => true): Promise<MatcherTopic[]> {
  return db.transaction('r', [db.packs, db.matchers], async () => {
    const packs = (await packsByPriority(db)).filter(include);
    const matchers = await db.matchers.bulkGet(packs.map((p) => p.id));
    return groupById(matchers.map((m) => m?.topics ?? [])).map((versions) => ({ id: versions[0]!.id, ...mergeAliases(versions) }));
  });
}

/** Chronological: by date, then id. A year-only "2024" sorts before "2024-01". */
function chronological(a: { date: string; id: string }, b: { date: string; id: string }): number {
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

/**
 * The `limit` events nearest `articleDate`, or the newest; oldest first. Taken
 * outwards from the article's date, the earlier winning a tie. A card is read
 * for what came before the article and what came after it, so with room for
 * two or more the nearest event on each side (strictly before, strictly after,
 * planned ones included) is always among them when the topic has one there.
 */
function pickEvents<T extends { date: string; id: string }>(events: T[], articleDate: string | null, limit: number): T[] {
  const sorted = [...events].sort(chronological);
  if (articleDate === null || !ISO_PREFIX.test(articleDate)) return sorted.slice(-limit);
  const at = midDay(articleDate);
  // Stable: events of the same day keep their chronological order.
  const byDay = sorted.map((event) => ({ event, day: midDay(event.date) })).sort((a, b) => a.day - b.day);
  let hi = byDay.findIndex((x) => x.day > at);
  if (hi < 0) hi = byDay.length;
  let lo = hi - 1;
  const nearestFirst: T[] = [];
  while (lo >= 0 || hi < byDay.length) {
    const below = lo >= 0 ? at - byDay[lo]!.day : Infinity;
    const above = hi < byDay.length ? byDay[hi]!.day - at : Infinity;
    nearestFirst.push(below <= above ? byDay[lo--]!.event : byDay[hi++]!.event);
  }
  const chosen = new Set<T>();
  if (limit >= 2) {
    for (const side of ['before', 'after'] as const) {
      const nearest = nearestFirst.find((e) => relationTo(e.date, articleDate) === side);
      if (nearest) chosen.add(nearest);
    }
  }
  for (const event of nearestFirst) {
    if (chosen.size >= limit) break;
    chosen.add(event);
  }
  return sorted.filter((e) => chosen.has(e));
}

function clampLimit(limit: number): number {
  return Number.isFinite(limit) ? Math.min(MAX_CARD_EVENTS, Math.max(1, Math.floor(limit))) : 5;
}

/** An event with the sources of its evidence, in evidence order, from its own pack, and that pack when it is an import. */
function withSources(event: CorpusEvent, sources: Map<string, Source>, pack: PackMeta): CardEvent {
  // Validation made every evidence source exist in its pack.
  const card: CardEvent = { ...event, sources: event.evidence.flatMap((e) => sources.get(e.source) ?? []) };
  if (pack.origin === 'imported') card.pack = { id: pack.id, title: pack.title };
  return card;
}

function sourceMap(data: PackData | undefined): Map<string, Source> {
  return new Map((data?.sources ?? []).map((s) => [s.id, s]));
}

/**
 * The card for a topic: its merged description and the `limit` events nearest
 * the article's date (the newest when the date is unknown), oldest first, with
 * their sources. Null for a topic no pack has. Reads, per pack, the topic's
 * bucket, then only the chunks that hold the chosen events.
 */
export async function cardFor(db: SiyaqDb, topicId: string, articleDate: string | null, limit = 5): Promise<CardData | null> {
  return db.transaction('r', db.packTables, async () => {
    const packs = await packsByPriority(db);
    const buckets = await db.topicBuckets.bulkGet(packs.map((p) => [p.id, bucketOf(topicId, p.layout.buckets)]));
    const found: { pack: PackMeta; entry: TopicEntry }[] = [];
    packs.forEach((pack, i) => {
      const entry = buckets[i]?.topics.find((t) => t.topic.id === topicId);
      if (entry) found.push({ pack, entry });
    });
    if (found.length === 0) return null;

    const topic = mergeTopic(found.map((f) => f.entry.topic));
    const refs = firstById(
      found.flatMap(({ pack, entry }) => entry.events.map((ref): EventRef & { pack: PackMeta } => ({ ...ref, pack }))),
    );
    const chosen = pickEvents(refs, articleDate, clampLimit(limit));

    // Each chunk once, however many of the chosen events it holds (ids cannot contain "/").
    const chunkKeys = new Map<string, [string, number]>();
    const keyOf = (r: (typeof chosen)[number]) => {
      const chunk = Math.floor(r.n / r.pack.layout.eventsPerChunk);
      const key = `${r.pack.id}/${chunk}`;
      chunkKeys.set(key, [r.pack.id, chunk]);
      return key;
    };
    const wanted = chosen.map(keyOf);
    const read = await db.eventChunks.bulkGet([...chunkKeys.values()]);
    const chunks = new Map([...chunkKeys.keys()].map((key, i) => [key, read[i]]));
    const data = await db.packData.bulkGet(found.map((f) => f.pack.id));
    const sources = new Map(found.map((f, i) => [f.pack.id, sourceMap(data[i])]));
    const events = chosen.flatMap((r, i) => {
      const event = chunks.get(wanted[i]!)?.events[r.n % r.pack.layout.eventsPerChunk];
      return event ? [withSources(event, sources.get(r.pack.id)!, r.pack)] : [];
    });
    return {
      topic: { id: topic.id, kind: topic.kind, label: topic.label, description: topic.description, related: topic.related ?? [] },
      events,
      totalEvents: refs.length,
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
    const packs = await packsByPriority(db);
    if (packs.length === 0) return null;
    const data = await db.packData.bulkGet(packs.map((p) => p.id));
    const events: CardEvent[] = [];
    for (const [i, pack] of packs.entries()) {
      const sources = sourceMap(data[i]);
      for (const event of await packEvents(db, pack.id)) events.push(withSources(event, sources, pack));
    }
    return {
      events: firstById(events).sort((a, b) => chronological(b, a)),
      topics: await allTopics(db, packs),
      sources: firstById(data.flatMap((d) => d?.sources ?? [])),
      questions: firstById(data.flatMap((d) => d?.questions ?? [])),
    };
  });
}

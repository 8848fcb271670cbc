/**
 * The corpus database (docs/adr/0004-database.md): Dexie over IndexedDB in the
 * extension origin. A pack is stored in a few hundred records rather than one
 * per item, because IndexedDB's cost is per record: 50,000 event rows took
 * 8 s to write in Chromium here, the same bytes in 50 records under 1 s
 * (docs/adr/0004-database.md has the figures).
 *
 * - topicBuckets: a pack's topics, hashed by id into buckets of about 32
 *   (bucketOf), each topic with references (id, position, date) to the
 *   pack's events that name it. A card reads one bucket per pack.
 * - eventChunks: a pack's events in pack order, EVENTS_PER_CHUNK per record;
 *   event n of a pack is item n % size of chunk floor(n / size).
 * - packData: a pack's sources and questions, one record.
 * - matchers: what the detector needs of a pack's topics (aliases, rules), one
 *   record, so a page load does not read every topic's description and events.
 * Every key starts with the packId, so packs never overwrite each other and a
 * pack's records are one key range.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusEvent, Localized, Question, Source, Topic } from '../corpus/types';
import type { MatcherTopic } from '../messages';

export const DB_NAME = 'siyaq';

export type PackOrigin = 'bundled' | 'imported';

export interface PackMeta {
  id: string;
  title: Localized;
  version: number;
  origin: PackOrigin;
  counts: { topics: number; events: number; sources: number; questions: number };
  /** Milliseconds since the epoch. */
  installedAt: number;
  /** SHA-256 (hex) of the pack's JSON: seeding the same bundled pack twice is a no-op. */
  contentHash: string;
  /** Set on an import a bundled release took the id of: its id before it was kept under this one. */
  renamedFrom?: string;
  /** How this pack's records are laid out (see above); kept per pack so a later release may change them. */
  layout: { buckets: number; eventsPerChunk: number };
}

/** One of the pack's events that names a topic: enough to choose a card's events before reading them. */
export interface EventRef {
  id: string;
  /** Position in the pack's events. */
  n: number;
  date: string;
}

export interface TopicEntry {
  topic: Topic;
  /** Position in the pack's topics (export keeps the pack's order). */
  n: number;
  events: EventRef[];
}

export interface TopicBucket {
  packId: string;
  bucket: number;
  topics: TopicEntry[];
}

export interface EventChunk {
  packId: string;
  chunk: number;
  events: CorpusEvent[];
}

export interface PackData {
  packId: string;
  sources: Source[];
  questions: Question[];
}

export interface PackMatcher {
  packId: string;
  topics: MatcherTopic[];
}

type Key = [packId: string, index: number];

export class SiyaqDb extends Dexie {
  packs!: Table<PackMeta, string>;
  topicBuckets!: Table<TopicBucket, Key>;
  eventChunks!: Table<EventChunk, Key>;
  packData!: Table<PackData, string>;
  matchers!: Table<PackMatcher, string>;

  constructor(name: string) {
    super(name);
    // Reads go by primary key or key range; the one index is on the small packs
    // table (origin, to find the bundled corpus). Each index would cost every write.
    this.version(1).stores({
      packs: 'id, origin',
      topicBuckets: '[packId+bucket]',
      eventChunks: '[packId+chunk]',
      packData: 'packId',
      matchers: 'packId',
    });
  }

  /** The tables that hold a pack, for transactions that write or read one whole. */
  get packTables() {
    return [this.packs, this.topicBuckets, this.eventChunks, this.packData, this.matchers];
  }
}

export const TOPICS_PER_BUCKET = 32;
/** Small enough that a card's few chunks read in well under a millisecond each, large enough to keep writes few. */
export const EVENTS_PER_CHUNK = 64;

/** The bucket of a topic id among `buckets` (FNV-1a over UTF-16 units: stable across releases and browsers). */
export function bucketOf(topicId: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < topicId.length; i++) h = Math.imul(h ^ topicId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % buckets;
}

/** Every record of one pack in a table keyed [packId+index]: one range of the primary key. */
export function ofPack<T>(table: Table<T, Key>, packId: string) {
  return table.where(':id').between([packId, Dexie.minKey], [packId, Dexie.maxKey], true, true);
}

/**
 * Why the database could not be used, for a message that says what to do:
 * `unavailable` when the browser will not open IndexedDB here (Firefox's
 * private windows, a profile without storage), `blocked` when an old
 * connection holds up an upgrade, `not-ready` when the bundled corpus never
 * arrived (the background could not seed it).
 */
export type DbFailure = 'unavailable' | 'blocked' | 'not-ready';

export class DbError extends Error {
  constructor(
    readonly kind: DbFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DbError';
  }
}

/** How long an upgrade may wait for an older connection that does not close before openDb gives up. */
export const BLOCKED_TIMEOUT_MS = 10_000;

/**
 * Opens the database. A connection this code opened closes itself when a newer
 * version wants to upgrade (Dexie's default `versionchange` handler, relied on
 * and tested), so an upgrade is held up only by a connection that ignores the
 * request; then this gives up after `blockedTimeoutMs` with an error that says
 * so, instead of waiting for ever.
 */
export async function openDb(name = DB_NAME, { blockedTimeoutMs = BLOCKED_TIMEOUT_MS } = {}): Promise<SiyaqDb> {
  const db = new SiyaqDb(name);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onBlocked: (() => void) | undefined;
  const blocked = new Promise<never>((_, reject) => {
    onBlocked = () => {
      timer ??= setTimeout(
        () =>
          reject(
            new DbError(
              'blocked',
              `Siyaq's database "${name}" cannot be upgraded: another open copy of Siyaq (an old tab of its pages) is holding it. Close Siyaq's tabs and try again.`,
            ),
          ),
        blockedTimeoutMs,
      );
    };
    db.on('blocked', onBlocked);
  });
  try {
    await Promise.race([db.open(), blocked]);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof DbError) throw error;
    throw new DbError(
      'unavailable',
      `Siyaq's database "${name}" cannot be opened here: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    db.on('blocked').unsubscribe(onBlocked!);
  }
}

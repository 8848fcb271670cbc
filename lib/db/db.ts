/**
 * The corpus database (docs/adr/0004-database.md): Dexie over IndexedDB in the
 * extension origin. Every row keeps the id its pack gave it and the pack it came
 * from; the primary key is the pair [packId+id], so packs never overwrite each
 * other's rows and a pack is removed by its packId index alone.
 */
import { Dexie, type Table } from 'dexie';
import type { CorpusEvent, Localized, Question, Source, Topic } from '../corpus/types';

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
}

/** What every stored row adds to the pack's own item: its pack, and its place in the pack (for export). */
export interface Stored {
  packId: string;
  n: number;
}

export type TopicRow = Topic & Stored;
export type EventRow = CorpusEvent & Stored;
export type SourceRow = Source & Stored;
export type QuestionRow = Question & Stored;

type Key = [packId: string, id: string];

export class SiyaqDb extends Dexie {
  packs!: Table<PackMeta, string>;
  topics!: Table<TopicRow, Key>;
  events!: Table<EventRow, Key>;
  sources!: Table<SourceRow, Key>;
  questions!: Table<QuestionRow, Key>;

  constructor(name: string) {
    super(name);
    // Indexes are only what a query uses: `id` for lookups across packs (cards,
    // import collisions), `packId` to remove or export a pack, `*topics`
    // (multi-entry) for a topic's events and questions, `date` for the timeline.
    this.version(1).stores({
      packs: 'id, origin',
      topics: '[packId+id], id, packId',
      events: '[packId+id], id, packId, *topics, date',
      sources: '[packId+id], id, packId',
      questions: '[packId+id], id, packId, *topics',
    });
  }

  /** The tables that hold a pack, for transactions that write one. */
  get packTables() {
    return [this.packs, this.topics, this.events, this.sources, this.questions];
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
            new Error(
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
    throw error;
  } finally {
    clearTimeout(timer);
    db.on('blocked').unsubscribe(onBlocked!);
  }
}

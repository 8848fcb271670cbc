/**
 * Packs the reader imports, exports and removes, and what the options page
 * lists. Imported packs are the reader's own data: seeding never touches them.
 */
import type { CorpusPack, Source } from '../corpus/types';
import { validatePack } from '../corpus/validate';
import type { PackMeta, SiyaqDb } from './db';
import { byPriority } from './queries';
import { contentHash, deletePack, metaFor, packEvents, readPack, writePack } from './store';

export type ImportResult =
  | { ok: true; pack: PackMeta; /** The import it replaced (same id), if any. */ replaced: PackMeta | null }
  | {
      ok: false;
      errors: string[];
      /** Set when the only problem is an earlier import with the same id: import again with `replace` once the reader agrees. */
      replaces?: PackMeta;
    };

export interface ImportOptions {
  /** Replace an earlier import with the same id. Never by default: an import is the reader's own data. */
  replace?: boolean;
}

/** Ids listed per kind before "and N more". */
const MAX_LISTED = 10;

/**
 * Validates `input` (the pack's JSON text) and stores it. A pack with the id
 * of an earlier import replaces it (a newer edition of the reader's own pack)
 * only when `replace` says the reader agreed; one with the bundled corpus's id is refused. Event, source and question ids
 * must not be used by another pack: a view that shows several packs names them
 * by id (`data-event-id`, evidence → source). Nothing changes when it fails.
 */
export async function importPack(db: SiyaqDb, input: string, { replace = false }: ImportOptions = {}): Promise<ImportResult> {
  const checked = validatePack(input);
  if (!checked.ok) return checked;
  const pack = checked.pack;
  const meta = metaFor(pack, 'imported', await contentHash(pack));
  return db.transaction('rw', db.packTables, async (): Promise<ImportResult> => {
    const existing = (await db.packs.get(pack.id)) ?? null;
    if (existing?.origin === 'bundled') {
      return {
        ok: false,
        errors: [`The pack's id "${pack.id}" is the id of Siyaq's bundled corpus; give the pack an id of its own.`],
      };
    }
    const errors = await idCollisions(db, pack);
    if (errors.length) return { ok: false, errors };
    if (existing && !replace) {
      return {
        ok: false,
        replaces: existing,
        errors: [
          `The pack "${existing.title.en}" (${existing.id}, version ${existing.version}) is already imported with this id; replacing it deletes it.`,
        ],
      };
    }
    if (existing) await deletePack(db, pack.id);
    await writePack(db, pack, meta);
    return { ok: true, pack: meta, replaced: existing };
  });
}

async function idCollisions(db: SiyaqDb, pack: CorpusPack): Promise<string[]> {
  const others = (await db.packs.toArray()).filter((p) => p.id !== pack.id);
  const owner = { event: new Map<string, PackMeta>(), source: new Map<string, PackMeta>(), question: new Map<string, PackMeta>() };
  const data = await db.packData.bulkGet(others.map((p) => p.id));
  for (const [i, other] of others.entries()) {
    for (const e of await packEvents(db, other.id)) owner.event.set(e.id, other);
    for (const s of data[i]?.sources ?? []) owner.source.set(s.id, other);
    for (const q of data[i]?.questions ?? []) owner.question.set(q.id, other);
  }
  const errors: string[] = [];
  const kinds = [
    ['event', pack.events],
    ['source', pack.sources],
    ['question', pack.questions ?? []],
  ] as const;
  for (const [kind, items] of kinds) {
    const taken = items.flatMap((item) => {
      const other = owner[kind].get(item.id);
      return other ? [{ id: item.id, other }] : [];
    });
    for (const { id, other } of taken.slice(0, MAX_LISTED)) {
      errors.push(
        `The ${kind} id "${id}" is already used by the pack "${other.title.en}" (${other.id}); give this pack's ${kind}s ids of their own, for example "${pack.id}-${id}".`,
      );
    }
    if (taken.length > MAX_LISTED) errors.push(`… and ${taken.length - MAX_LISTED} more ${kind} ids already in use.`);
  }
  return errors;
}

/** Removes an imported pack. The bundled corpus cannot be removed (the options page's reset re-seeds it instead). */
export async function removePack(db: SiyaqDb, packId: string): Promise<void> {
  await db.transaction('rw', db.packTables, async () => {
    const meta = await db.packs.get(packId);
    if (!meta) throw new Error(`No pack has the id "${packId}".`);
    if (meta.origin === 'bundled') throw new Error(`"${packId}" is Siyaq's bundled corpus; it cannot be removed.`);
    await deletePack(db, packId);
  });
}

/** A stored pack in the pack format, items in their original order: what importPack accepts back. */
export async function exportPack(db: SiyaqDb, packId: string): Promise<CorpusPack> {
  const pack = await db.transaction('r', db.packTables, () => readPack(db, packId));
  if (!pack) throw new Error(`No pack has the id "${packId}".`);
  return pack;
}

/** Every pack, the bundled corpus first, then imports in the order they were installed. */
export async function listPacks(db: SiyaqDb): Promise<PackMeta[]> {
  return (await db.packs.toArray()).sort(byPriority);
}

export interface CorpusInfo {
  packs: (PackMeta & { sources: Source[] })[];
  /** Distinct topic ids across packs (a topic two packs share counts once). */
  topics: number;
  /** Events across packs. */
  events: number;
}

/** What the options page shows about the library: each pack with its sources, and totals. */
export async function corpusInfo(db: SiyaqDb): Promise<CorpusInfo> {
  return db.transaction('r', [db.packs, db.topicBuckets, db.packData], async () => {
    const packs = await listPacks(db);
    const data = await db.packData.bulkGet(packs.map((p) => p.id));
    const topicIds = new Set((await db.topicBuckets.toArray()).flatMap((b) => b.topics.map((t) => t.topic.id)));
    return {
      packs: packs.map((p, i) => ({ ...p, sources: data[i]?.sources ?? [] })),
      topics: topicIds.size,
      events: packs.reduce((sum, p) => sum + p.counts.events, 0),
    };
  });
}

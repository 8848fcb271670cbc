/**
 * Writing and deleting one pack's rows. Callers run these inside their own
 * read-write transaction over `db.packTables`, so a pack is always there whole
 * or not at all.
 */
import type { Table } from 'dexie';
import type { CorpusPack } from '../corpus/types';
import type { PackMeta, PackOrigin, SiyaqDb, Stored } from './db';

export class PackError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
    this.name = 'PackError';
  }
}

/** SHA-256 (hex) of the pack's JSON text. */
export async function contentHash(pack: CorpusPack): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(pack)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function metaFor(pack: CorpusPack, origin: PackOrigin, contentHash: string): PackMeta {
  return {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    origin,
    counts: {
      topics: pack.topics.length,
      events: pack.events.length,
      sources: pack.sources.length,
      questions: pack.questions?.length ?? 0,
    },
    installedAt: Date.now(),
    contentHash,
  };
}

function rows<T extends object>(items: readonly T[], packId: string): (T & Stored)[] {
  return items.map((item, n) => ({ ...item, packId, n }));
}

export async function writePack(db: SiyaqDb, pack: CorpusPack, meta: PackMeta): Promise<void> {
  await db.packs.put(meta);
  await db.topics.bulkAdd(rows(pack.topics, pack.id));
  await db.sources.bulkAdd(rows(pack.sources, pack.id));
  await db.events.bulkAdd(rows(pack.events, pack.id));
  if (pack.questions?.length) await db.questions.bulkAdd(rows(pack.questions, pack.id));
}

export async function deletePack(db: SiyaqDb, packId: string): Promise<void> {
  await db.packs.delete(packId);
  for (const table of [db.topics, db.events, db.sources, db.questions]) {
    await table.where('packId').equals(packId).delete();
  }
}

/** The pack's own item, without what storage added (packId, n). */
export function strip<T extends Stored>({ packId: _packId, n: _n, ...item }: T): Omit<T, keyof Stored> {
  return item;
}

/** One pack's items of one table, in the pack's order, as the pack had them. */
export async function packItems<T extends Stored, K>(table: Table<T, K>, packId: string): Promise<Omit<T, keyof Stored>[]> {
  const stored = await table.where('packId').equals(packId).toArray();
  return stored.sort((a, b) => a.n - b.n).map(strip);
}

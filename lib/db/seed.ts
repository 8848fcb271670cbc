/**
 * Seeding the bundled corpus (data/corpus.json) on install, update and start-up.
 */
import type { CorpusPack } from '../corpus/types';
import { validatePack } from '../corpus/validate';
import type { PackMeta, SiyaqDb } from './db';
import { ID_PATTERN } from '../corpus/schema';
import { PackError, contentHash, deletePack, metaFor, readPack, writePack } from './store';

export type SeedResult = 'seeded' | 'unchanged';

function isCurrent(installed: PackMeta[], pack: CorpusPack, hash: string): boolean {
  const [one, ...more] = installed;
  return more.length === 0 && one?.id === pack.id && one.version === pack.version && one.contentHash === hash;
}

/**
 * Makes `pack` the bundled corpus. A no-op when that version with that content
 * is already there (the background calls this on every start-up); otherwise one
 * read-write transaction removes the previous bundled corpus and writes this
 * one, so a failure part-way leaves the previous corpus as it was. Imported packs
 * are kept. The pack is validated before anything is written; an invalid one
 * rejects with a PackError.
 */
export async function seedBundled(db: SiyaqDb, pack: CorpusPack): Promise<SeedResult> {
  const hash = await contentHash(pack);
  // The cheap check first, so a start-up with nothing to do skips validation.
  if (isCurrent(await db.packs.where('origin').equals('bundled').toArray(), pack, hash)) return 'unchanged';
  const checked = validatePack(pack);
  if (!checked.ok) throw new PackError([`The bundled corpus is not valid:`, ...checked.errors]);
  return replaceAll(db, checked.pack, hash, 'bundled');
}

/** Removes every imported pack and seeds the bundled one afresh (the options page's reset). */
export async function resetToBundled(db: SiyaqDb, pack: CorpusPack): Promise<void> {
  const checked = validatePack(pack);
  if (!checked.ok) throw new PackError([`The bundled corpus is not valid:`, ...checked.errors]);
  await replaceAll(db, checked.pack, await contentHash(checked.pack), 'all');
}

async function replaceAll(db: SiyaqDb, pack: CorpusPack, hash: string, remove: 'bundled' | 'all'): Promise<SeedResult> {
  return db.transaction('rw', db.packTables, async () => {
    const bundled = await db.packs.where('origin').equals('bundled').toArray();
    // Two contexts may seed at once (install and start-up events, an open page):
    // transactions run one after the other, and the second finds the work done.
    if (remove === 'bundled' && isCurrent(bundled, pack, hash)) return 'unchanged';
    const old = remove === 'all' ? await db.packs.toArray() : bundled;
    // A release whose corpus takes an import's id keeps the import, under an id of its own.
    const holder = await db.packs.get(pack.id);
    if (remove === 'bundled' && holder?.origin === 'imported') await moveImport(db, holder);
    const ids = new Set([...old.map((p) => p.id), pack.id]);
    for (const id of ids) await deletePack(db, id);
    await writePack(db, pack, metaFor(pack, 'bundled', hash));
    return 'seeded';
  });
}

/** Stores an import under a new, free id (`<id>-imported`, then `-imported-2`, …), the rest of it as it was. */
async function moveImport(db: SiyaqDb, meta: PackMeta): Promise<void> {
  const pack = (await readPack(db, meta.id))!;
  const base = `${meta.id.slice(0, 110)}-imported`;
  let id = base;
  for (let n = 2; (await db.packs.get(id)) !== undefined; n++) id = `${base}-${n}`;
  if (!ID_PATTERN.test(id)) throw new PackError([`Cannot keep the imported pack "${meta.id}" under a new id.`]);
  const moved = { ...pack, id };
  await deletePack(db, meta.id);
  // The old hash stays: only the id changed, and hashing here (crypto.subtle) would let the transaction commit half-way.
  await writePack(db, moved, { ...metaFor(moved, 'imported', meta.contentHash), installedAt: meta.installedAt, renamedFrom: meta.id });
}

import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { corpusPackSchema } from '../../lib/corpus/schema';
import type { CorpusPack } from '../../lib/corpus/types';
import { PackError, cardFor, exportPack, importPack, listPacks, openDb, resetToBundled, seedBundled, type SiyaqDb } from '../../lib/db';
import { event, importedPack, pack } from './db-fixtures';

let n = 0;
const open: SiyaqDb[] = [];
async function freshDb(): Promise<SiyaqDb> {
  const db = await openDb(`seed-test-${n++}`);
  open.push(db);
  return db;
}
async function freshSeeded(): Promise<SiyaqDb> {
  const db = await freshDb();
  await seedBundled(db, pack());
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
});

/** Every record of every table (install times aside), to compare a database before and after. */
async function snapshot(db: SiyaqDb) {
  return Promise.all(db.tables.map(async (t) => (await t.toArray()).map(({ installedAt: _t, ...r }) => r)));
}

/** The fixture as a newer bundled release: one more event, a changed label, one topic fewer. */
function version2(): CorpusPack {
  const p = pack({ version: 2 });
  p.topics = p.topics.filter((t) => t.id !== 'ain-al-asad');
  p.topics[0]!.label.en = 'Mohammed Shia al-Sudani (PM)';
  p.events = p.events.filter((e) => !e.topics.includes('ain-al-asad'));
  p.events.push(event('e2026b', '2026-10', ['sudani']));
  return p;
}

describe('seedBundled', () => {
  it('writes the whole pack with its packId and lists it as bundled', async () => {
    const db = await freshDb();
    expect(await seedBundled(db, pack())).toBe('seeded');
    const [meta, ...more] = await listPacks(db);
    expect(more).toEqual([]);
    expect(meta).toMatchObject({
      id: 'iraq-coalition',
      version: 1,
      origin: 'bundled',
      counts: { topics: 3, events: 7, sources: 2, questions: 1 },
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await exportPack(db, 'iraq-coalition')).toEqual(pack());
  });

  it('writes in one read-write transaction', async () => {
    const db = await freshDb();
    const transaction = vi.spyOn(db, 'transaction');
    await seedBundled(db, pack());
    expect(transaction.mock.calls.filter(([mode]) => mode === 'rw')).toHaveLength(1);
  });

  it('is a no-op for the same version and content, even when two seedings race', async () => {
    const db = await freshDb();
    // Both seedings are held at a barrier as they open their transaction, after
    // both made the cheap check outside it: so both found nothing seeded, and
    // only the re-check inside the transaction keeps the second from seeding again.
    const original = db.transaction.bind(db) as (...args: unknown[]) => Promise<unknown>;
    let arrived = 0;
    let release!: () => void;
    const barrier = new Promise<void>((resolve) => (release = resolve));
    const held = vi.spyOn(db, 'transaction').mockImplementation((async (...args: unknown[]) => {
      if (++arrived === 2) release();
      await barrier;
      return original(...args);
    }) as never);
    const results = await Promise.all([seedBundled(db, pack()), seedBundled(db, pack())]);
    expect(arrived).toBe(2);
    held.mockRestore();
    expect(results.sort()).toEqual(['seeded', 'unchanged']);
    const before = await db.packs.toArray();
    const transaction = vi.spyOn(db, 'transaction');
    expect(await seedBundled(db, pack())).toBe('unchanged');
    expect(transaction).not.toHaveBeenCalled();
    expect(await db.packs.toArray()).toEqual(before);
  });

  it('re-seeds when the content changes under the same version', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    const edited = pack();
    edited.topics[1]!.aliases.push('الدولة الإسلامية');
    expect(await seedBundled(db, edited)).toBe('seeded');
    expect(await exportPack(db, 'iraq-coalition')).toEqual(edited);
  });

  it('replaces the previous bundled corpus on update and keeps imported packs', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    expect((await importPack(db, JSON.stringify(importedPack()))).ok).toBe(true);

    expect(await seedBundled(db, version2())).toBe('seeded');
    expect((await listPacks(db)).map((p) => [p.id, p.version, p.origin])).toEqual([
      ['iraq-coalition', 2, 'bundled'],
      ['reader-notes', 3, 'imported'],
    ]);
    expect(await exportPack(db, 'iraq-coalition')).toEqual(version2());
    expect(await cardFor(db, 'ain-al-asad', null)).toBeNull();
    expect(await exportPack(db, 'reader-notes')).toEqual(importedPack());
    expect((await cardFor(db, 'sudani', null))!.topic.label.en).toBe('Mohammed Shia al-Sudani (PM)');
  });

  it('removes the previous bundled corpus when a release renames it', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    await seedBundled(db, pack({ id: 'iraq-coalition-2026' }));
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['iraq-coalition-2026']);
    expect(await db.eventChunks.count()).toBe(1);
    expect(await db.topicBuckets.count()).toBe(1);
  });

  it('leaves the previous corpus whole when seeding fails part-way', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    await importPack(db, JSON.stringify(importedPack()));
    const before = await snapshot(db);

    // Fail on writing the events: after the old corpus is deleted and the new topics written.
    let reached = false;
    const failing = () => {
      reached = true;
      throw new Error('disk full');
    };
    db.eventChunks.hook('creating', failing);
    await expect(seedBundled(db, version2())).rejects.toThrow('disk full');
    db.eventChunks.hook('creating').unsubscribe(failing);

    expect(reached).toBe(true);
    expect(await snapshot(db)).toEqual(before);
    expect((await cardFor(db, 'ain-al-asad', null))!.events.map((e) => e.id)).toEqual(['e2024b', 'e2025']);
  });

  it('refuses an invalid bundled pack with the validator’s reasons and writes nothing', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    const before = await snapshot(db);
    const broken = version2();
    broken.events[0]!.topics = ['nobody'];
    const error = await seedBundled(db, broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).errors).toEqual([
      'The bundled corpus is not valid:',
      'events[0] (id "e2014") › topics[0]: topic "nobody" is not a topic of this pack',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('resetToBundled removes every import and seeds the bundled pack afresh', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    await importPack(db, JSON.stringify(importedPack()));
    await resetToBundled(db, pack());
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['iraq-coalition']);
    expect(await snapshot(db)).toEqual(await snapshot(await freshSeeded()));
  });

  it('seeds the real bundled corpus (data/corpus.json)', async () => {
    const db = await freshDb();
    const bundled = JSON.parse(readFileSync(new URL('../../data/corpus.json', import.meta.url), 'utf8')) as CorpusPack;
    expect(await seedBundled(db, bundled)).toBe('seeded');
    // The pack as the format has it: fields it does not know (language, licence, contentHash from npm run pack) are not kept.
    expect(await exportPack(db, bundled.id)).toEqual(corpusPackSchema.parse(bundled));
    const card = await cardFor(db, 'sudani', '2024-09-24');
    expect(card!.topic.label.ar).toBeTruthy();
    expect(card!.events.length).toBeGreaterThan(0);
  });
});

describe('a bundled release never deletes an import', () => {
  it('keeps an import whose id a new bundled corpus takes, whole, under an id of its own', async () => {
    const db = await freshDb();
    await seedBundled(db, pack());
    const mine = importedPack({ id: 'iraq-coalition-2026' });
    expect((await importPack(db, JSON.stringify(mine))).ok).toBe(true);

    expect(await seedBundled(db, pack({ id: 'iraq-coalition-2026', version: 2 }))).toBe('seeded');
    const packs = await listPacks(db);
    expect(packs.map((p) => [p.id, p.origin, p.renamedFrom])).toEqual([
      ['iraq-coalition-2026', 'bundled', undefined],
      ['iraq-coalition-2026-imported', 'imported', 'iraq-coalition-2026'],
    ]);
    expect(await exportPack(db, 'iraq-coalition-2026-imported')).toEqual({ ...mine, id: 'iraq-coalition-2026-imported' });
    expect(await exportPack(db, 'iraq-coalition-2026')).toEqual(pack({ id: 'iraq-coalition-2026', version: 2 }));
    // Its events still reach the cards.
    expect((await cardFor(db, 'harir', null))!.events.map((e) => e.id)).toEqual(['r-2025']);
  });
});

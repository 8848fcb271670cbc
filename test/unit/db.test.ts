import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cardFor, corpusInfo, importPack, matcherTopics, openDb, seedBundled, timeline, type SiyaqDb } from '../../lib/db';
import { event, importedPack, pack } from './db-fixtures';

let n = 0;
const open: { close(): void }[] = [];
function track<T extends { close(): void }>(c: T): T {
  open.push(c);
  return c;
}
const freshName = () => `db-test-${n++}`;
async function seeded(withImport = false): Promise<SiyaqDb> {
  const db = track(await openDb(freshName()));
  await seedBundled(db, pack());
  if (withImport) expect((await importPack(db, JSON.stringify(importedPack()))).ok).toBe(true);
  return db;
}

beforeEach(() => {
  // Dexie says on the console when it closes for an upgrade; the tests check it happens.
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const c of open.splice(0)) c.close();
  vi.restoreAllMocks();
});

describe('openDb and upgrades', () => {
  it('closes its connection when a newer version upgrades, so the upgrade is not blocked', async () => {
    const name = freshName();
    const old = track(await openDb(name));
    await seedBundled(old, pack());
    const newer = track(new Dexie(name));
    newer.version(1).stores({ packs: 'id, origin' });
    newer.version(2).stores({ packs: 'id, origin, version' });
    await newer.open(); // would hang if the old connection stayed open
    expect(old.isOpen()).toBe(false);
    expect(newer.verno).toBe(2);
    expect(await newer.table('packs').where('version').equals(1).count()).toBe(1);
  });

  it('gives up with a clear error when a connection that ignores versionchange blocks the upgrade', async () => {
    const name = freshName();
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name, 1);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error ?? new Error('open failed'));
    });
    await expect(openDb(name, { blockedTimeoutMs: 100 })).rejects.toThrow(/cannot be upgraded: another open copy of Siyaq/);
    raw.close();
    const db = track(await openDb(name, { blockedTimeoutMs: 100 }));
    expect(db.isOpen()).toBe(true);
  });
});

describe('cardFor', () => {
  it('gives the events nearest the article date, oldest first, up to the limit', async () => {
    const db = await seeded();
    const ids = async (date: string | null, limit?: number) => (await cardFor(db, 'sudani', date, limit))!.events.map((e) => e.id);
    // sudani: e2022 2022-10-27, e2024a 2024-01-05, e2024b 2024-09-23, e2025 2025-09, e2026 2026-09-01
    expect(await ids('2024-09-24', 3)).toEqual(['e2024a', 'e2024b', 'e2025']);
    // Two or more: the nearest on each side, though e2024a is nearer than e2025.
    expect(await ids('2024-09-24', 2)).toEqual(['e2024b', 'e2025']);
    expect(await ids('2022-12', 1)).toEqual(['e2022']);
    // A year-only article date stands for mid-year: 2023-07-01 is nearer 2024-01-05 than 2022-10-27.
    expect(await ids('2023', 1)).toEqual(['e2024a']);
    expect(await ids('2030-01-01', 2)).toEqual(['e2025', 'e2026']);
    expect(await ids(null, 3)).toEqual(['e2024b', 'e2025', 'e2026']);
    expect(await ids(null)).toEqual(['e2022', 'e2024a', 'e2024b', 'e2025', 'e2026']);
    expect(await ids('not a date', 1)).toEqual(['e2026']);
  });

  it('keeps the nearest event after the article, planned ones included, however many come before it', async () => {
    const db = track(await openDb(freshName()));
    const events = [
      event('hmc-2023', '2023-08', ['sudani']),
      event('hmc-2024-01', '2024-01-27', ['sudani']),
      event('hmc-2024-02', '2024-02', ['sudani']),
      event('hmc-2024-03a', '2024-03', ['sudani']),
      event('hmc-2024-03b', '2024-03', ['sudani']),
      // Year-only in the article's year: neither before nor after it, so it cannot stand for "after".
      event('hmc-2024', '2024', ['sudani']),
      { ...event('hmc-2026', '2026', ['sudani']), status: 'planned' as const },
    ];
    await seedBundled(db, pack({ events }));
    const ids = async (date: string, limit: number) => (await cardFor(db, 'sudani', date, limit))!.events.map((e) => e.id);
    // Five earlier events are nearer than the 2026 plan; the fifth place goes to the plan.
    expect(await ids('2024-04-09', 5)).toEqual(['hmc-2024-01', 'hmc-2024-02', 'hmc-2024-03a', 'hmc-2024-03b', 'hmc-2026']);
    expect(await ids('2024-04-09', 2)).toEqual(['hmc-2024-03b', 'hmc-2026']);
    // One only: the nearest, whatever its side.
    expect(await ids('2024-04-09', 1)).toEqual(['hmc-2024-03b']);
    // Nothing after the last event: no side to keep.
    expect(await ids('2027-01-01', 2)).toEqual(['hmc-2024', 'hmc-2026']);
  });

  it('gives the earlier of two events equally far from the article', async () => {
    const db = await seeded();
    // 2024-05-15 is 131 days after e2024a (2024-01-05) and 131 days before e2024b (2024-09-23).
    expect((await cardFor(db, 'sudani', '2024-05-15', 1))!.events.map((e) => e.id)).toEqual(['e2024a']);
  });

  it('gives the topic, the total, and each event with the sources of its evidence', async () => {
    const db = await seeded();
    const card = await cardFor(db, 'ain-al-asad', null);
    expect(card!.topic).toEqual({
      id: 'ain-al-asad',
      kind: 'place',
      label: { ar: 'عين الأسد', en: 'Ain al-Asad' },
      description: { ar: 'قاعدة جوية', en: 'An air base' },
      related: [],
    });
    expect(card!.totalEvents).toBe(2);
    const [first, second] = card!.events;
    expect(first).toEqual({ ...pack().events[4], sources: [pack().sources[0]] });
    expect(second!.sources.map((s) => s.outlet)).toEqual(['الحرة']);
    expect(first).not.toHaveProperty('packId');
    expect(await cardFor(db, 'nobody', null)).toBeNull();
  });

  it('brings in the events of imported packs that share the topic; the bundled description wins', async () => {
    const db = await seeded(true);
    const card = await cardFor(db, 'sudani', '2025-01-01', 3);
    expect(card!.topic.label.en).toBe('Mohammed Shia al-Sudani');
    expect(card!.topic.related).toEqual(['isis', 'harir']);
    expect(card!.totalEvents).toBe(6);
    expect(card!.events.map((e) => e.id)).toEqual(['e2024b', 'r-2025', 'e2025']);
    expect(card!.events[1]!.sources.map((s) => s.id)).toEqual(['r-src']);
  });

  it('reads records by key only: the topic’s bucket and the chosen events’ chunks', async () => {
    const db = await seeded(true);
    const tables = [db.topicBuckets, db.eventChunks, db.packData];
    const matcherReads = vi.spyOn(db.matchers, 'bulkGet');
    const scans = tables.flatMap((t) => (['toArray', 'where', 'toCollection', 'orderBy'] as const).map((m) => vi.spyOn(t, m)));
    const reads = tables.map((t) => vi.spyOn(t, 'bulkGet'));
    await cardFor(db, 'sudani', null, 2);
    for (const scan of scans) expect(scan).not.toHaveBeenCalled();
    expect(matcherReads).not.toHaveBeenCalled();
    expect(reads.map((r) => r.mock.calls[0]![0])).toEqual([
      [
        ['iraq-coalition', 0],
        ['reader-notes', 0],
      ],
      [['iraq-coalition', 0]],
      ['iraq-coalition', 'reader-notes'],
    ]);
  });
});

describe('matcherTopics', () => {
  it('lists every topic with its aliases and rules', async () => {
    const db = await seeded();
    expect(await matcherTopics(db)).toEqual([
      { id: 'sudani', aliases: ['محمد شياع السوداني', 'السوداني'], rules: [{ alias: 'السوداني', notAfter: ['الجيش'] }] },
      { id: 'isis', aliases: ['داعش', 'تنظيم الدولة'] },
      { id: 'ain-al-asad', aliases: ['عين الأسد'] },
    ]);
  });

  it('merges a topic two packs share: aliases united, the bundled rule first', async () => {
    const db = await seeded(true);
    const topics = await matcherTopics(db);
    expect(topics.map((t) => t.id)).toEqual(['sudani', 'isis', 'ain-al-asad', 'harir']);
    expect(topics[0]).toEqual({
      id: 'sudani',
      aliases: ['محمد شياع السوداني', 'السوداني', 'شياع السوداني'],
      rules: [{ alias: 'السوداني', notAfter: ['الجيش'] }],
    });
  });
});

describe('timeline and corpusInfo', () => {
  it('is null before anything is seeded', async () => {
    expect(await timeline(track(await openDb(freshName())))).toBeNull();
  });

  it('gives every event newest first with its sources, and the topics, sources and questions', async () => {
    const db = await seeded(true);
    const data = (await timeline(db))!;
    expect(data.events.map((e) => e.id)).toEqual(['e2026', 'e2025', 'r-2025', 'e2024b', 'e2024a', 'e2022', 'e2019', 'e2014']);
    expect(data.events[1]!.sources.map((s) => s.id)).toEqual(['s2']);
    expect(data.topics.map((t) => t.id)).toEqual(['sudani', 'isis', 'ain-al-asad', 'harir']);
    expect(data.topics[0]!.aliases).toContain('شياع السوداني');
    expect(data.sources.map((s) => s.id)).toEqual(['s1', 's2', 'r-src']);
    expect(data.questions).toEqual(pack().questions);
  });

  it('gives each pack with its sources, and totals that count a shared topic once', async () => {
    const db = await seeded(true);
    const info = await corpusInfo(db);
    expect(info.packs.map((p) => [p.id, p.origin, p.sources.map((s) => s.id)])).toEqual([
      ['iraq-coalition', 'bundled', ['s1', 's2']],
      ['reader-notes', 'imported', ['r-src']],
    ]);
    expect(info.topics).toBe(4);
    expect(info.events).toBe(8);
  });
});

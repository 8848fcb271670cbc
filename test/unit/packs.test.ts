import { afterEach, describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../lib/corpus/types';
import { validatePack } from '../../lib/corpus/validate';
import { exportPack, importPack, listPacks, openDb, removePack, seedBundled, type ImportResult, type SiyaqDb } from '../../lib/db';
import { event, importedPack, pack } from './db-fixtures';

let n = 0;
const open: SiyaqDb[] = [];
async function seeded(): Promise<SiyaqDb> {
  const db = await openDb(`packs-test-${n++}`);
  open.push(db);
  await seedBundled(db, pack());
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function snapshot(db: SiyaqDb) {
  return Promise.all(db.tables.map((t) => t.toArray()));
}

function errorsOf(result: ImportResult): string[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.errors;
}

describe('importPack, exportPack, removePack', () => {
  it('round-trips: what is imported exports as the same pack, which validates again', async () => {
    const db = await seeded();
    const original = importedPack();
    const result = await importPack(db, JSON.stringify(original));
    expect(result).toMatchObject({ ok: true, replaced: null, pack: { id: 'reader-notes', origin: 'imported', version: 3 } });
    const exported = await exportPack(db, 'reader-notes');
    expect(exported).toEqual(original);
    expect(validatePack(JSON.stringify(exported))).toEqual({ ok: true, pack: original });
    expect(await exportPack(db, 'iraq-coalition')).toEqual(pack());
    expect((await listPacks(db)).map((p) => [p.id, p.origin])).toEqual([
      ['iraq-coalition', 'bundled'],
      ['reader-notes', 'imported'],
    ]);
  });

  it('keeps the order of the pack’s items, not the order of their ids', async () => {
    const db = await seeded();
    const p = importedPack();
    p.topics.reverse();
    await importPack(db, JSON.stringify(p));
    expect((await exportPack(db, 'reader-notes')).topics.map((t) => t.id)).toEqual(['harir', 'sudani']);
  });

  const bad: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"format": "siyaq-corpus",', /^The pack is not valid JSON/],
    ['the wrong schema', () => JSON.stringify({ ...importedPack(), topics: 'none' }), /^topics: should be a list, not the text "none"$/],
    ['50 MB of text', () => `{"format":"siyaq-corpus","x":"${'ا'.repeat(25 * 1024 * 1024)}"}`, /larger than 20 MB/],
    [
      'duplicate ids',
      () => JSON.stringify({ ...importedPack(), events: [...importedPack().events, ...importedPack().events] }),
      /event id "r-2025" is used twice/,
    ],
    [
      'a missing topic',
      () => JSON.stringify({ ...importedPack(), events: [event('r-1', '2025', ['nobody'], 'r-src')] }),
      /topic "nobody" is not a topic of this pack/,
    ],
    ['HTML in a text field', () => JSON.stringify(withTitle('<img src=x onerror=alert(1)>')), /^title › ar: contains markup or script/],
  ];
  for (const [what, input, message] of bad) {
    it(`refuses ${what} with a clear error and changes nothing`, async () => {
      const db = await seeded();
      const before = await snapshot(db);
      expect(errorsOf(await importPack(db, input()))).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
      expect(await snapshot(db)).toEqual(before);
    });
  }

  it('refuses a pack with the bundled corpus’s id', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    expect(errorsOf(await importPack(db, JSON.stringify(importedPack({ id: 'iraq-coalition' }))))).toEqual([
      `The pack's id "iraq-coalition" is the id of Siyaq's bundled corpus; give the pack an id of its own.`,
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses event, source and question ids another pack uses', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    const clash: CorpusPack = {
      ...importedPack(),
      sources: [...importedPack().sources, { ...pack().sources[1]! }],
      events: [...importedPack().events, event('e2014', '2014', ['harir'], 's2')],
      questions: pack().questions!.map((q) => ({
        ...q,
        topics: ['harir'],
        answers: q.answers.map((a) => ({ ...a, saidBy: { label: a.saidBy.label }, evidence: [{ source: 's2', quote: 'اقتباس' }] })),
      })),
    };
    expect(errorsOf(await importPack(db, JSON.stringify(clash)))).toEqual([
      'The event id "e2014" is already used by the pack "The end of the coalition mission" (iraq-coalition); give this pack\'s events ids of their own, for example "reader-notes-e2014".',
      'The source id "s2" is already used by the pack "The end of the coalition mission" (iraq-coalition); give this pack\'s sources ids of their own, for example "reader-notes-s2".',
      'The question id "q-end" is already used by the pack "The end of the coalition mission" (iraq-coalition); give this pack\'s questions ids of their own, for example "reader-notes-q-end".',
    ]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('never replaces an earlier import with the same id unasked; with the reader’s word, replaces it and says which', async () => {
    const db = await seeded();
    await importPack(db, JSON.stringify(importedPack()));
    const before = await snapshot(db);
    const newer = importedPack({ version: 4, events: [event('r-2026', '2026-02', ['harir'], 'r-src')] });
    const asked = await importPack(db, JSON.stringify(newer));
    expect(asked).toMatchObject({ ok: false, replaces: { id: 'reader-notes', version: 3 } });
    expect(errorsOf(asked)).toEqual([
      'The pack "Reader notes" (reader-notes, version 3) is already imported with this id; replacing it deletes it.',
    ]);
    expect(await snapshot(db)).toEqual(before);
    const result = await importPack(db, JSON.stringify(newer), { replace: true });
    expect(result).toMatchObject({ ok: true, pack: { version: 4 }, replaced: { id: 'reader-notes', version: 3 } });
    expect(await exportPack(db, 'reader-notes')).toEqual(newer);
  });

  it('removes an imported pack whole, but never the bundled corpus', async () => {
    const db = await seeded();
    const before = await snapshot(db);
    await importPack(db, JSON.stringify(importedPack()));
    await removePack(db, 'reader-notes');
    expect(await snapshot(db)).toEqual(before);
    await expect(removePack(db, 'iraq-coalition')).rejects.toThrow(`"iraq-coalition" is Siyaq's bundled corpus; it cannot be removed.`);
    await expect(removePack(db, 'nothing')).rejects.toThrow('No pack has the id "nothing".');
    await expect(exportPack(db, 'nothing')).rejects.toThrow('No pack has the id "nothing".');
    expect(await snapshot(db)).toEqual(before);
  });
});

function withTitle(ar: string): CorpusPack {
  const p = importedPack();
  p.title.ar = ar;
  return p;
}

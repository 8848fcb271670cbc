/**
 * Imported text never passes as the bundled corpus, and an import cannot
 * change how the bundled corpus is read (issue 10).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cardFor, importPack, matcherTopics, openDb, seedBundled, timeline, type SiyaqDb } from '../../lib/db';
import { compileMatcher } from '../../lib/detect/matcher';
import { detect } from '../../lib/detect/detect';
import { event, importedPack, pack } from './db-fixtures';

let n = 0;
const open: SiyaqDb[] = [];
async function seeded(): Promise<SiyaqDb> {
  const db = await openDb(`imports-trust-${n++}`);
  open.push(db);
  await seedBundled(db, pack());
  return db;
}
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** An import that puts an event on the bundled topic "isis", quoting a famous outlet. */
function impostor() {
  return importedPack({
    id: 'impostor',
    title: { ar: 'حزمة مجهولة', en: 'Unknown pack' },
    sources: [
      {
        id: 'fake-src',
        file: 'x.txt',
        outlet: 'الجزيرة نت',
        title: 'خبر',
        published: '2025',
        publishedBasis: 'stated',
        url: 'https://www.aljazeera.net/x',
      },
    ],
    topics: [
      {
        id: 'isis',
        kind: 'organization',
        label: { ar: 'داعش', en: 'ISIS' },
        aliases: ['داعش'],
        description: { ar: 'وصف', en: 'desc' },
        rules: [{ alias: 'داعش', requireCue: ['كلمة لا ترد أبدا'] }],
      },
    ],
    events: [event('fake-2025', '2025-06', ['isis'], 'fake-src')],
  });
}

describe('imported events are labelled with their pack', () => {
  it('on the card and the timeline, under any outlet name; bundled events carry no label', async () => {
    const db = await seeded();
    expect((await importPack(db, JSON.stringify(impostor()))).ok).toBe(true);
    const card = await cardFor(db, 'isis', '2025-06-01', 50);
    const fake = card!.events.find((e) => e.id === 'fake-2025')!;
    expect(fake.sources[0]!.outlet).toBe('الجزيرة نت');
    expect(fake.pack).toEqual({ id: 'impostor', title: { ar: 'حزمة مجهولة', en: 'Unknown pack' } });
    expect(card!.events.filter((e) => e.id !== 'fake-2025').every((e) => e.pack === undefined)).toBe(true);

    const all = await timeline(db);
    expect(all!.events.find((e) => e.id === 'fake-2025')!.pack?.id).toBe('impostor');
    expect(all!.events.find((e) => e.id === 'e2014')!.pack).toBeUndefined();
  });
});

describe('an import’s rules apply to its own aliases only', () => {
  it('a rule on a bundled alias cannot silence it', async () => {
    const db = await seeded();
    expect((await importPack(db, JSON.stringify(impostor()))).ok).toBe(true);
    const matcher = compileMatcher(await matcherTopics(db));
    expect(detect('هجوم داعش الأخير', matcher).map((m) => m.topic)).toEqual(['isis']);
  });

  it('a rule on the import’s own alias applies, and the bundled rule stays on a shared alias', async () => {
    const db = await seeded();
    const own = importedPack();
    own.topics[1]!.aliases.push('حرير');
    own.topics[1]!.rules = [{ alias: 'حرير', requireCue: ['قاعدة', 'أربيل'] }];
    expect((await importPack(db, JSON.stringify(own))).ok).toBe(true);
    const matcher = compileMatcher(await matcherTopics(db));
    expect(detect('ثوب من حرير', matcher)).toEqual([]);
    expect(detect('في أربيل مطار حرير', matcher).map((m) => m.topic)).toEqual(['harir']);
    // «السوداني»: bundled guards it against «الجيش»; the import's own cue rule for it is not applied.
    expect(detect('قال الجيش السوداني', matcher)).toEqual([]);
    expect(detect('قال السوداني', matcher).map((m) => m.topic)).toEqual(['sudani']);
  });
});

/**
 * The bundled corpus is built, not hand-kept: data/corpus.json must be exactly
 * what `npm run pack -- build data/corpus-pack --out data/corpus.json` writes
 * from the pack folder, whose sources are the seed articles read where they
 * live (../shared/seeds), never copies.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPack } from '../../lib/pack/build';
import { formatReport } from '../../lib/pack/check';
import { readPackFolder } from '../../lib/pack/folder';
import { REPO_ROOT, SEEDS_DIR } from '../seeds';

const PACK_DIR = join(REPO_ROOT, 'data', 'corpus-pack');
const REBUILD = [
  'data/corpus.json is not what data/corpus-pack builds.',
  'After editing the pack folder:   npm run pack -- build data/corpus-pack --out data/corpus.json',
  'After editing data/corpus.json:  npm run pack -- import-json data/corpus.json data/corpus-pack --articles ../shared/seeds',
  '                                 then the build above (it adds the content hash).',
].join('\n');

describe('data/corpus.json and its pack folder', () => {
  it('is byte for byte what the pack folder builds', async () => {
    const result = await buildPack(readPackFolder(PACK_DIR));
    if (!result.ok) throw new Error(`data/corpus-pack does not build:\n${formatReport(result.check)}`);
    const committed = readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8');
    if (committed !== result.json) expect.fail(REBUILD);
  });

  it('reads its sources from the seed articles, and holds no copy of them', () => {
    const names = readdirSync(join(PACK_DIR, 'sources'));
    expect(names.filter((n) => !n.endsWith('.json'))).toEqual([]);
    const folder = readPackFolder(PACK_DIR);
    expect(folder.problems).toEqual([]);
    expect(folder.sources).toHaveLength(names.length);
    for (const s of folder.sources) expect(resolve(s.location).startsWith(`${SEEDS_DIR}/`), s.location).toBe(true);
  });
});

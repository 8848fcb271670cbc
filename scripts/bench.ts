/**
 * `npm run bench`: runs every module in test/bench/*.ts that exports
 * `async function run(): Promise<void>`, in file-name order. Benchmarks print
 * figures; budgets are read by people, never asserted.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT } from '../test/seeds';

const dir = join(REPO_ROOT, 'test', 'bench');
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.ts'))
  .sort()) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { run?: () => Promise<void> };
  if (typeof mod.run !== 'function') continue;
  console.log(`\n== ${file}`);
  await mod.run();
}

/**
 * The builds the other e2e tests drive, read as files: the content script
 * within its size budget, and nothing of the database or the schema in the
 * content-script world, in both browsers' builds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_WORLD_FILES, checkContentWorldFile } from '../../scripts/release/content-script';
import { CHROME_BUILD, FIREFOX_BUILD } from './helpers/paths';

describe.each([
  ['chrome', CHROME_BUILD],
  ['firefox', FIREFOX_BUILD],
])('%s build', (_browser, dir) => {
  it.each(CONTENT_WORLD_FILES)('%s is within budget and holds no background-only code', (name) => {
    const report = checkContentWorldFile(name, readFileSync(join(dir, name)));
    console.log(report.summary);
    expect(report.problems).toEqual([]);
  });
});

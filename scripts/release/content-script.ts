/**
 * What the built content script may weigh and hold. It runs in every news page
 * the reader opens, so it stays small, and the database and the schema stay in
 * the background (docs/adr/0006). Checked by `npm run release` and by
 * test/e2e/bundle.test.ts on the builds the e2e tests drive.
 */
import { gzipSync } from 'node:zlib';

/** DESIGN.md's budget for the content-script bundle. */
export const CONTENT_SCRIPT_GZIP_MAX = 50 * 1024;

/** Files that run in the page's content-script world: the script, and the reader UI it imports on first hover. */
export const CONTENT_WORLD_FILES = ['content-scripts/content.js', 'reader-ui.js'] as const;

/** Names that survive minification, one per library that must stay out: Dexie's error class, zod's. */
const BACKGROUND_ONLY_MARKERS = [
  { marker: 'DatabaseClosedError', what: 'Dexie (lib/db)' },
  { marker: 'ZodError', what: 'zod (the pack schema)' },
];

export interface BundleReport {
  /** One line: raw and gzipped size. */
  summary: string;
  problems: string[];
}

export function checkContentWorldFile(name: (typeof CONTENT_WORLD_FILES)[number], js: Buffer): BundleReport {
  const gzipped = gzipSync(js, { level: 9 }).length;
  const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
  const problems: string[] = [];
  if (name === 'content-scripts/content.js' && gzipped > CONTENT_SCRIPT_GZIP_MAX) {
    problems.push(`${name} is ${kb(gzipped)} gzipped, over the ${kb(CONTENT_SCRIPT_GZIP_MAX)} budget`);
  }
  for (const { marker, what } of BACKGROUND_ONLY_MARKERS) {
    if (js.includes(marker)) problems.push(`${name} contains ${marker}: ${what} reached the content script`);
  }
  return { summary: `${name}: ${kb(js.length)}, ${kb(gzipped)} gzipped`, problems };
}

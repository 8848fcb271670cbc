/**
 * `npm run screenshots`: the README's pictures, taken from the real production
 * extension in Chromium with an Arabic UI (headless, no display needed):
 *   docs/screenshots/card.png      a context card on the demo article
 *   docs/screenshots/popup.png     the toolbar popup's timeline
 *   docs/screenshots/timeline.png  the full timeline page
 * Builds the Chrome extension first unless given --no-build.
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChrome, focusTimeline, openDemo, openExtensionPage, showSudaniCard } from '../test/e2e/helpers/showcase';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'docs', 'screenshots');

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    buildChrome();
  }
  mkdirSync(OUT, { recursive: true });
  const { session, page } = await openDemo(true);
  const written: string[] = [];
  const file = (name: string) => {
    const path = join(OUT, name);
    written.push(path);
    return path;
  };
  try {
    await showSudaniCard(page);
    await page.screenshot({ path: file('card.png') });
    const popup = await openExtensionPage(session, 'popup.html', { width: 420, height: 600 });
    await focusTimeline(popup, 'sudani');
    await popup.screenshot({ path: file('popup.png') });
    const timeline = await openExtensionPage(session, 'timeline.html', { width: 1280, height: 800 });
    await timeline.screenshot({ path: file('timeline.png') });
  } finally {
    await session.close();
  }
  for (const path of written) console.log(`wrote ${relative(process.cwd(), path)}`);
}

main().catch((e: unknown) => {
  console.error(`screenshots failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

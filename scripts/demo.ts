/**
 * `npm run demo`: builds the Chrome extension and shows it working on a bundled
 * Arabic article (test/fixtures/demo-article.html) served at a listed outlet's
 * URL, in Debian's Chromium (`sudo apt-get install -y chromium`).
 *
 * With a display: opens Chromium with the extension and waits until you close
 * the window. Hover a marked name to see its context card; the extension's
 * toolbar button opens the timeline.
 * Without one (a server, CI): runs headless, hovers «السوداني», and writes
 * screenshots of the marked page, the open card and the popup to artifacts/demo/.
 *
 *   npm run demo                 build, then show
 *   npm run demo -- --no-build   reuse .output/chrome-mv3
 *   npm run demo -- --headless   screenshots even with a display
 */
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChrome, focusTimeline, openDemo, openExtensionPage, showSudaniCard, DEMO_URL } from '../test/e2e/helpers/showcase';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || !process.env.DISPLAY;

async function main(): Promise<void> {
  if (!args.has('--no-build')) {
    console.log('Building the Chrome extension (npm run build)…');
    buildChrome();
    console.log('Built .output/chrome-mv3');
  }
  const { session, page } = await openDemo(headless);
  const marked = await page.evaluate(() => CSS.highlights.size);
  console.log(`Chromium opened ${DEMO_URL} (served locally) with Siyaq; ${marked} highlight group(s) registered.`);

  if (!headless) {
    console.log('Hover a marked name (e.g. «السوداني») to see its card; Esc closes it.');
    console.log("The toolbar's puzzle-piece menu → Siyaq opens the popup. Close the window to finish.");
    // Done when the browser goes away, or when its last tab is closed (Chromium
    // may stay running with no window).
    const closed = new Promise<void>((done) => {
      session.context.on('close', () => done());
      const watch = (p: typeof page) => p.on('close', () => session.context.pages().length === 0 && done());
      session.context.pages().forEach(watch);
      session.context.on('page', watch);
    });
    process.once('SIGINT', () => void session.close());
    await closed;
    await session.close();
    console.log('Window closed: demo finished.');
    return;
  }

  const outDir = join(ROOT, 'artifacts', 'demo');
  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  try {
    const file = (name: string) => {
      const path = join(outDir, name);
      shots.push(path);
      return path;
    };
    await page.screenshot({ path: file('1-marked-page.png') });
    await showSudaniCard(page);
    await page.screenshot({ path: file('2-card.png') });
    const popup = await openExtensionPage(session, 'popup.html', { width: 420, height: 600 });
    await focusTimeline(popup, 'sudani');
    await popup.screenshot({ path: file('3-popup.png') });
  } finally {
    await session.close();
  }
  console.log('No display, so the demo ran headless and hovered «السوداني». Screenshots:');
  for (const shot of shots) console.log(`  ${relative(process.cwd(), shot)}`);
}

main().catch((e: unknown) => {
  console.error(`demo failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

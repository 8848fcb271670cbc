/**
 * `npm run screenshots`: the README's pictures and the Chrome Web Store images,
 * taken from the real production extensions on the demo article
 * (test/fixtures/demo-article.html), headless, no display needed:
 *   docs/screenshots/card.png                   Chromium (Arabic UI): a context card on the article
 *   docs/screenshots/popup.png                  Chromium: the toolbar popup's timeline
 *   docs/screenshots/timeline.png               Chromium: the full timeline page
 *   docs/screenshots/firefox-marks.png          Firefox ESR: the article with its marks
 *   docs/store/images/card-1280x800.png    store screenshot: the card on the article
 *   docs/store/images/popup-1280x800.png   store screenshot: the popup over the article
 *   docs/store/images/promo-440x280.png    store small promo tile, its sample mark in the build's own style
 * Builds both extensions first unless given --no-build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { tabShowing, wordCentre, type WordQuery } from '../test/e2e/helpers/dom';
import { launchFirefox } from '../test/e2e/helpers/firefox';
import { CHROME_BUILD } from '../test/e2e/helpers/paths';
import { puppeteerDriver, waitForMarks } from '../test/e2e/helpers/scenario';
import {
  buildChrome,
  buildFirefox,
  DEMO_URL,
  demoArticleHtml,
  focusTimeline,
  openDemo,
  openExtensionPage,
  showSudaniCard,
} from '../test/e2e/helpers/showcase';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const OUT = join(ROOT, 'docs', 'screenshots');
// Where the release check (scripts/release.ts) and docs/store/README.md look for them.
const STORE = join(ROOT, 'docs', 'store', 'images');

/** The lead paragraph at the top of the view: the most marks in one screen. */
const LEAD: WordQuery = { within: 'article .body', phrase: 'محمد شياع السوداني', word: 'السوداني', scroll: 'start' };

const written: string[] = [];
function write(path: string, png: Uint8Array): void {
  writeFileSync(path, png);
  written.push(path);
}

const dataUrl = (png: Uint8Array, type = 'image/png') => `data:${type};base64,${Buffer.from(png).toString('base64')}`;

/** A picture laid out in an HTML page of its own, rendered at exactly width × height. */
async function render(page: Page, html: string, width: number, height: number): Promise<Buffer> {
  await page.setViewportSize({ width, height });
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return page.screenshot();
}

/** The toolbar popup as it drops down over the page (top left: the Arabic UI mirrors the toolbar). */
function popupOverPage(article: Uint8Array, popup: Uint8Array): string {
  return `<!doctype html><html><body style="margin:0">
<img src="${dataUrl(article)}" style="position:absolute;inset:0" alt="">
<img src="${dataUrl(popup)}" alt="" style="position:absolute;top:10px;left:24px;border-radius:10px;
  box-shadow:0 14px 44px rgb(0 0 0 / 0.3),0 0 0 1px rgb(0 0 0 / 0.1)">
</body></html>`;
}

/** The small promo tile: the icon, the name, what it answers, and one name marked as the build marks it. */
function promoTile(icon: string, marksCss: string): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><style>
  body { margin: 0; width: 440px; height: 280px; overflow: hidden; display: flex; flex-direction: column;
    justify-content: center; gap: 14px; padding: 0 32px; box-sizing: border-box;
    background: linear-gradient(160deg, #ffffff 0%, #f0fdfa 55%, #ccfbf1 100%); color: #134e4a;
    font-family: "Noto Kufi Arabic", "Noto Sans Arabic", sans-serif; }
  .head { display: flex; align-items: center; gap: 16px; }
  .head img { width: 76px; height: 76px; }
  h1 { margin: 0; font-size: 44px; line-height: 1.1; font-weight: 700; }
  .latin { font-family: "DejaVu Sans", sans-serif; font-size: 15px; color: #0f766e; letter-spacing: 0.04em; }
  .tag { margin: 0; font-size: 19px; font-weight: 600; }
  .sample { margin: 0; font-family: "Noto Naskh Arabic", serif; font-size: 18px; color: #1f2937;
    background: #ffffff; border-radius: 8px; padding: 6px 12px; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  ${marksCss}
</style></head><body>
  <div class="head"><img src="${icon}" alt=""><div><h1>سياق</h1><div class="latin" dir="ltr">Siyaq · context for Arabic news</div></div></div>
  <p class="tag">من هذا؟ وماذا جرى قبل الخبر وبعده؟</p>
  <p class="sample">قال رئيس الوزراء <span id="mark">محمد شياع السوداني</span> إن…</p>
</body></html>`;
}

async function chromiumPictures(): Promise<void> {
  const { session, page } = await openDemo(true);
  try {
    await showSudaniCard(page);
    const card = await page.screenshot();
    write(join(OUT, 'card.png'), card);
    write(join(STORE, 'card-1280x800.png'), card);

    // The article with its marks and no card, for the popup to drop down over.
    await page.keyboard.press('Escape');
    await page.mouse.move(2, 2);
    await page.evaluate(wordCentre, LEAD);
    await page.waitForTimeout(400);
    const article = await page.screenshot();

    const ext = await session.open(session.extensionUrl('options.html'));
    const tab = await ext.evaluate(tabShowing, DEMO_URL);
    if (tab === null) throw new Error(`no tab answered as ${DEMO_URL}`);
    await ext.close();
    const popup = await openExtensionPage(session, `popup.html?tab=${tab}`, { width: 420, height: 600 });
    const scratch = await session.context.newPage();
    write(join(STORE, 'popup-1280x800.png'), await render(scratch, popupOverPage(article, await popup.screenshot()), 1280, 800));
    await focusTimeline(popup, 'sudani');
    write(join(OUT, 'popup.png'), await popup.screenshot());

    const timeline = await openExtensionPage(session, 'timeline.html', { width: 1280, height: 800 });
    write(join(OUT, 'timeline.png'), await timeline.screenshot());

    const icon = dataUrl(readFileSync(join(ROOT, 'assets', 'siyaq.svg')), 'image/svg+xml');
    const marksCss = readFileSync(join(CHROME_BUILD, 'content-scripts', 'content.css'), 'utf8');
    // A fresh page: Chromium paints no highlight registered after a second setContent in one tab.
    const tile = await session.context.newPage();
    await tile.setViewportSize({ width: 440, height: 280 });
    await tile.setContent(promoTile(icon, marksCss), { waitUntil: 'load' });
    await tile.evaluate(() => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById('mark')!);
      CSS.highlights.set('siyaq-mention-tint', new Highlight(range));
      return document.fonts.ready.then(() => undefined);
    });
    await tile.waitForTimeout(200);
    write(join(STORE, 'promo-440x280.png'), await tile.screenshot());
  } finally {
    await session.close();
  }
}

async function firefoxPictures(): Promise<void> {
  const url = new URL(DEMO_URL);
  const session = await launchFirefox({ pages: { [url.pathname]: demoArticleHtml() } });
  try {
    const page = await session.open(session.urlFor(url.host, url.pathname));
    await page.setViewport({ width: 1280, height: 800 });
    await waitForMarks(puppeteerDriver(page));
    await page.evaluate(wordCentre, LEAD);
    await page.mouse.move(2, 2);
    await new Promise((r) => setTimeout(r, 400));
    write(join(OUT, 'firefox-marks.png'), await page.screenshot());
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  if (!process.argv.includes('--no-build')) {
    buildChrome();
    buildFirefox();
  }
  mkdirSync(STORE, { recursive: true });
  await chromiumPictures();
  await firefoxPictures();
  for (const path of written) console.log(`wrote ${relative(process.cwd(), path)}`);
}

main().catch((e: unknown) => {
  console.error(`screenshots failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});

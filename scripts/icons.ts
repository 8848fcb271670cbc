/**
 * `npx tsx scripts/icons.ts`: renders Siyaq's icon (assets/siyaq.svg, kept out
 * of public/ so that it does not ship) to the PNG sizes the manifest uses,
 * public/icons/{16,32,48,128}.png, with headless Chromium (WXT finds
 * icons/<size>.png and lists them in the manifest). The PNGs are committed; run
 * this again after changing the SVG. `npm run release` checks the results.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, requireBrowser } from '../test/e2e/helpers/paths';
import { ICON_SIZES } from './release/store-limits';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const ICONS = join(ROOT, 'public', 'icons');

async function main(): Promise<void> {
  requireBrowser('Chromium', CHROMIUM_PATH, 'SIYAQ_CHROMIUM');
  const svg = readFileSync(join(ROOT, 'assets', 'siyaq.svg'));
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const { size, padding } of ICON_SIZES) {
      const art = size - 2 * padding;
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${art}" height="${art}" style="display:block;margin:${padding}px"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = join(ICONS, `${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      await page.close();
      console.log(`wrote ${file} (${art} px artwork, ${padding} px transparent padding)`);
    }
  } finally {
    await browser.close();
  }
}

await main();

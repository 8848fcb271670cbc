/**
 * `npx tsx scripts/icons.ts`: renders Siyaq's icon (public/icons/siyaq.svg) to
 * the PNG sizes the manifest uses, public/icons/{16,32,48,128}.png, with
 * headless Chromium (WXT finds icons/<size>.png and lists them in the
 * manifest). The PNGs are committed; run this again after changing the SVG.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_PATH, requireBrowser } from '../test/e2e/helpers/paths';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const ICONS = join(ROOT, 'public', 'icons');
const SIZES = [16, 32, 48, 128];

async function main(): Promise<void> {
  requireBrowser('Chromium', CHROMIUM_PATH, 'SIYAQ_CHROMIUM');
  const svg = readFileSync(join(ICONS, 'siyaq.svg'));
  const src = `data:image/svg+xml;base64,${svg.toString('base64')}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:transparent"><img src="${src}" width="${size}" height="${size}" style="display:block"></body></html>`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      const file = join(ICONS, `${size}.png`);
      await page.screenshot({ path: file, omitBackground: true });
      await page.close();
      console.log(`wrote ${file}`);
    }
  } finally {
    await browser.close();
  }
}

await main();

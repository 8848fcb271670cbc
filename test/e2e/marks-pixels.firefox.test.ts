/**
 * Marks are visible in Firefox ESR (contract 6, issue 9): Firefox paints only
 * some properties inside ::highlight() (before 149, no text decoration at
 * all), so the production build's default mark style, and the underline a
 * reader may choose where it paints, must change every marked name's pixels
 * across most of its width — short names with letters below the baseline and a
 * bold headline included, on a light and a dark page — and no other word's.
 * See helpers/mark-pixels.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { HIGHLIGHT_NAMES } from '../../lib/page/marks';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import {
  describeCoverage,
  marksPageHtml,
  measureMarks,
  MARKS_HOST,
  MARKS_PATH,
  MIN_COVERAGE,
  type PixelBrowser,
} from './helpers/mark-pixels';

interface StorageApi {
  browser: { storage: { local: { set(items: object): Promise<void> } } };
}

describe('Firefox ESR: marks show in pixels (production build)', () => {
  let session: FirefoxSession;
  let ext: Page;
  let page: Page | undefined;
  let b: PixelBrowser;

  beforeAll(async () => {
    session = await launchFirefox({ pages: { [MARKS_PATH.light]: marksPageHtml('light'), [MARKS_PATH.dark]: marksPageHtml('dark') } });
    // An extension page, to store settings the way the options page does.
    ext = await session.openExtensionPage('options.html');
    b = {
      async open(theme) {
        await page?.close();
        page = await session.open(session.urlFor(MARKS_HOST, MARKS_PATH[theme]));
        await page.setViewport({ width: 1280, height: 800 });
        await page.bringToFront();
        await page.mouse.move(2, 2);
      },
      evaluate: (fn, arg) => page!.evaluate(fn as never, arg) as never,
      screenshot: () => page!.screenshot(),
    };
  });

  afterAll(async () => {
    await session?.close();
  });

  const styles = [
    ['the default style', {}, HIGHLIGHT_NAMES[DEFAULT_SETTINGS.markStyle]],
    ['the underline style', { markStyle: 'underline' }, HIGHLIGHT_NAMES.underline],
  ] as const;

  for (const [label, change, entry] of styles) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${label}, ${theme} page: every marked name changes across ≥ ${MIN_COVERAGE * 100}% of its width, no other word changes`, async () => {
        // Every mention, so that the names are marked in the headline and in the body.
        const settings = { ...DEFAULT_SETTINGS, ...change, markAll: true };
        await ext.evaluate((s) => (globalThis as unknown as StorageApi).browser.storage.local.set({ settings: s }), settings);
        const report = await measureMarks(b, theme, entry);
        console.log(describeCoverage(`Firefox ESR, ${label}, ${theme}`, report));
        for (const c of report.marked) {
          expect(c.changed / c.columns, `«${c.text}»: ${c.changed} of ${c.columns} columns changed`).toBeGreaterThanOrEqual(MIN_COVERAGE);
        }
        expect(report.touched, 'unmarked words whose pixels changed').toEqual([]);
        expect(report.unmarkedChecked).toBeGreaterThan(40);
        expect(session.pageErrors).toEqual([]);
      });
    }
  }
});

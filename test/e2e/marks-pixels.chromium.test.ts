/**
 * Marks are visible in Chromium (contract 6, issue 9): the production build's
 * default mark style, and the underline a reader may choose instead, change
 * every marked name's pixels across most of its width — short names with
 * letters below the baseline and a bold headline included, on a light and a
 * dark page — and no other word's. See helpers/mark-pixels.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { HIGHLIGHT_NAMES } from '../../lib/page/marks';
import { launchChromium, type ChromiumSession } from './helpers/chromium';
import {
  describeCoverage,
  marksPageHtml,
  measureMarks,
  MARKS_HOST,
  MARKS_PATH,
  MIN_COVERAGE,
  type PixelBrowser,
  type Theme,
} from './helpers/mark-pixels';

interface StorageApi {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
}

const url = (theme: Theme) => `https://${MARKS_HOST}${MARKS_PATH[theme]}`;

describe('Chromium: marks show in pixels (production build)', () => {
  let session: ChromiumSession;
  let page: Page | undefined;
  let ext: Page | undefined;
  let b: PixelBrowser;

  beforeAll(async () => {
    session = await launchChromium({ pages: { [url('light')]: marksPageHtml('light'), [url('dark')]: marksPageHtml('dark') } });
    b = {
      async open(theme) {
        await page?.close();
        page = await session.open(url(theme));
        await page.mouse.move(2, 2);
      },
      evaluate: (fn, arg) => page!.evaluate(fn as never, arg),
      screenshot: () => page!.screenshot(),
    };
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Stores settings from an extension page, as the options page does; new tabs follow them. */
  async function settings(change: object): Promise<void> {
    ext ??= await session.open(session.extensionUrl('options.html'));
    await ext.evaluate((s) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ settings: s }), { ...DEFAULT_SETTINGS, ...change });
  }

  const styles = [
    ['the default style', {}, HIGHLIGHT_NAMES[DEFAULT_SETTINGS.markStyle]],
    ['the underline style', { markStyle: 'underline' }, HIGHLIGHT_NAMES.underline],
  ] as const;

  for (const [label, change, entry] of styles) {
    for (const theme of ['light', 'dark'] as const) {
      it(`${label}, ${theme} page: every marked name changes across ≥ ${MIN_COVERAGE * 100}% of its width, no other word changes`, async () => {
        // Every mention, so that the names are marked in the headline and in the body.
        await settings({ ...change, markAll: true });
        const report = await measureMarks(b, theme, entry);
        console.log(describeCoverage(`Chromium, ${label}, ${theme}`, report));
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

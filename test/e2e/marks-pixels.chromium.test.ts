/**
 * Marks are visible in Chromium (contract 6, issue 9): the production build's
 * default mark style, and the underline a reader may choose instead, change
 * every marked name's pixels across most of its width — short names with
 * letters below the baseline and a bold headline included, on a light and a
 * dark page — and no other word's. See helpers/mark-pixels.ts.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from './helpers/chromium';
import { markPixelSuite, marksPageHtml, MARKS_HOST, MARKS_PATH, type Theme } from './helpers/mark-pixels';

interface StorageApi {
  chrome: { storage: { local: { set(items: object): Promise<void> } } };
}

const url = (theme: Theme) => `https://${MARKS_HOST}${MARKS_PATH[theme]}`;

markPixelSuite('Chromium', async () => {
  const session = await launchChromium({ pages: { [url('light')]: marksPageHtml('light'), [url('dark')]: marksPageHtml('dark') } });
  let page: Page | undefined;
  let ext: Page | undefined;
  return {
    browser: {
      async settings(s) {
        ext ??= await session.open(session.extensionUrl('options.html'));
        await ext.evaluate((v) => (globalThis as unknown as StorageApi).chrome.storage.local.set({ settings: v }), s);
      },
      async open(theme) {
        await page?.close();
        page = await session.open(url(theme));
        await page.mouse.move(2, 2);
      },
      evaluate: (fn, arg) => page!.evaluate(fn as never, arg),
      screenshot: () => page!.screenshot(),
    },
    pageErrors: session.pageErrors,
    close: session.close,
  };
});

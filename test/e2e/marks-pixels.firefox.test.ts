/**
 * Marks are visible in Firefox ESR (contract 6, issue 9): Firefox paints only
 * some properties inside ::highlight() (before 149, no text decoration at
 * all), so the production build's default mark style, and the underline a
 * reader may choose where it paints, must change every marked name's pixels
 * across most of its width — short names with letters below the baseline and a
 * bold headline included, on a light and a dark page — and no other word's.
 * See helpers/mark-pixels.ts.
 */
import type { Page } from 'puppeteer-core';
import { launchFirefox } from './helpers/firefox';
import { markPixelSuite, marksPageHtml, MARKS_HOST, MARKS_PATH } from './helpers/mark-pixels';

interface StorageApi {
  browser: { storage: { local: { set(items: object): Promise<void> } } };
}

markPixelSuite('Firefox ESR', async () => {
  const session = await launchFirefox({ pages: { [MARKS_PATH.light]: marksPageHtml('light'), [MARKS_PATH.dark]: marksPageHtml('dark') } });
  let page: Page | undefined;
  let ext: Page | undefined;
  return {
    browser: {
      async settings(s) {
        ext ??= await session.openExtensionPage('options.html');
        await ext.evaluate((v) => (globalThis as unknown as StorageApi).browser.storage.local.set({ settings: v }), s);
      },
      async open(theme) {
        await page?.close();
        page = await session.open(session.urlFor(MARKS_HOST, MARKS_PATH[theme]));
        await page.setViewport({ width: 1280, height: 800 });
        await page.bringToFront();
        await page.mouse.move(2, 2);
      },
      evaluate: (fn, arg) => page!.evaluate(fn as never, arg),
      screenshot: () => page!.screenshot(),
    },
    pageErrors: session.pageErrors,
    close: session.close,
  };
});

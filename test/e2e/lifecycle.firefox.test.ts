/**
 * The extension's life in Firefox ESR, on the production Firefox build: its
 * background is an event page, which Firefox suspends once it has been idle
 * for `extensions.background.idle.timeout` (30 s by default; 1.5 s here, so the
 * test need not wait). A page opened, or a hover made, while it is suspended
 * must still get its marks and its card: the message wakes it.
 *
 * Whether the event page is running is read from an extension page with
 * extension.getViews(), which lists it among the extension's pages without waking it:
 * each suspension is confirmed before the reader acts, and the wake after.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import { articleHtml, ARTICLE_HOST, ARTICLE_PATH, SUDANI_PHRASE } from './helpers/pages';
import { hoverForCard, pointerAway, puppeteerDriver, until, waitForMarks, waitForNoCard } from './helpers/scenario';

const IDLE_MS = 1_500;
const SUDANI = { within: 'body', phrase: SUDANI_PHRASE, word: 'السوداني' };

let session: FirefoxSession;
/** An extension page kept open to look at the background without waking it. */
let watcher: Page;

/** Firefox lists the event page (its generated background page) among the extension's views while it runs. */
const backgroundRunning = (): Promise<boolean> =>
  watcher.evaluate(() =>
    (globalThis as unknown as { browser: { extension: { getViews(): Window[] } } }).browser.extension
      .getViews()
      .some((view) => view.location.pathname.includes('background')),
  );

async function waitForSuspended(): Promise<void> {
  await until(async () => !(await backgroundRunning()), IDLE_MS * 6, 'Firefox did not suspend the idle event page');
}

beforeAll(async () => {
  session = await launchFirefox({
    pages: { [ARTICLE_PATH]: articleHtml() },
    prefs: { 'extensions.background.idle.timeout': IDLE_MS },
  });
  watcher = await session.openExtensionPage('options.html');
});

afterAll(async () => {
  await session?.close();
});

describe('Firefox ESR: the event page is suspended when idle', () => {
  it('a page opened while it is suspended is marked, and a hover after a second suspension gets its card', async () => {
    await waitForSuspended();
    const page = await session.open(session.urlFor(ARTICLE_HOST, ARTICLE_PATH));
    try {
      const d = puppeteerDriver(page);
      // The content script's request for the matcher woke the event page.
      expect(await waitForMarks(d)).toBeGreaterThan(0);

      await waitForSuspended();
      const { card } = await hoverForCard(d, SUDANI);
      expect(card.text).toContain(SUDANI_PHRASE);
      expect(await backgroundRunning()).toBe(true);

      await pointerAway(d);
      await waitForNoCard(d, 3_000);
      expect(session.pageErrors).toEqual([]);
      expect(session.backgroundErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

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
 *
 * Last, the extension is removed and installed again (an update) under an open
 * tab: Firefox drops the old content script without a word, so the tab must
 * stay silent while Siyaq is gone, and the new version, which Firefox runs in
 * the open tab, must take over from what the old one left.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geckoId, launchFirefox, type FirefoxSession } from './helpers/firefox';
import { FIREFOX_BUILD } from './helpers/paths';
import { articleHtml, ARTICLE_HOST, ARTICLE_PATH, SUDANI_PHRASE } from './helpers/pages';
import { cards, hoverForCard, pointerAway, puppeteerDriver, until, waitForMarks, waitForNoCard } from './helpers/scenario';

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
      // The content script's request to read its text woke the event page.
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

describe('Firefox ESR: the extension is removed and installed again under an open tab', () => {
  const BLINKEN = 'أنتوني بلينكن';
  const marked = (page: Page): Promise<string[]> =>
    page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h].map((r) => (r as Range).toString())));
  const addBlinken = (page: Page): Promise<void> =>
    page.evaluate((name) => {
      const p = document.createElement('p');
      p.textContent = `وقال وزير الخارجية الأمريكي ${name} إن المحادثات مستمرة مع الحكومة العراقية في بغداد.`;
      (document.querySelector('article') ?? document.body).append(p);
    }, BLINKEN);

  it('the tab stays silent while Siyaq is gone; the new version takes over its marks and card', async () => {
    const page = await session.open(session.urlFor(ARTICLE_HOST, ARTICLE_PATH));
    try {
      const d = puppeteerDriver(page);
      expect(await waitForMarks(d)).toBeGreaterThan(0);
      // A card is open when the extension goes away.
      await hoverForCard(d, SUDANI);

      await session.browser.uninstallExtension(geckoId(FIREFOX_BUILD));
      // The page changes, and nothing reads it: no new mark, no error.
      await addBlinken(page);
      await new Promise((r) => setTimeout(r, 2_000));
      expect(await marked(page)).not.toContain(BLINKEN);
      expect(session.pageErrors).toEqual([]);

      await session.browser.installExtension(FIREFOX_BUILD);
      // The new version reads the tab, the paragraph added meanwhile included, and the old card is gone.
      await until(async () => (await marked(page)).includes(BLINKEN), 10_000, 'the new version did not mark the open tab');
      expect(await cards(d)).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('[data-siyaq-ui]').length), 'the old card host is still in the page').toBe(
        0,
      );
      expect(await page.evaluate(() => CSS.highlights.has('siyaq-mention-active')), 'the old card’s highlight is still painted').toBe(
        false,
      );
      // The pointer still rests where the old card was opened: the reader moves away and back.
      await pointerAway(d);
      const { card } = await hoverForCard(d, SUDANI);
      expect(card.text).toContain(SUDANI_PHRASE);
      expect(session.pageErrors).toEqual([]);
      expect(session.backgroundErrors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

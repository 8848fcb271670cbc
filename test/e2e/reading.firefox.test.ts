/**
 * "The reading experience" in Firefox ESR, with the production Firefox build
 * (one browser for the file): hover and dwell (item 1) and options applied live
 * to an open article (item 5), over the same steps as Chromium
 * (helpers/reading-steps.ts).
 *
 * Keyboard stepping, the popup and the timeline deep link run here too. Over
 * WebDriver BiDi Puppeteer has no handle on the extension's background, so an
 * extension page (which has browser.tabs) sends the step-mention message the
 * background relays on the keyboard command, and finds the article's tab id
 * for popup.html?tab=<id>. Firefox's UI language here may be English, so the
 * popup is read by its data attributes, not its words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import { FIREFOX_BUILD } from './helpers/paths';
import { UNDO_MS } from '../../lib/page/undo';
import { corpus, puppeteerDriver, until, waitForMarks, type Driver } from './helpers/scenario';
import { listedEvents } from './helpers/reading-dom';
import { tabShowing, wordCentre } from './helpers/dom';
import { windowMarked, markWindow } from './helpers/reading-dom';
import {
  AUSTIN,
  COALITION,
  EXPECTED_COUNTS,
  NESTED,
  READING_HOST,
  READING_PATH,
  SUDANI,
  readingArticleHtml,
} from './helpers/reading-pages';
import {
  followScenario,
  hoverScenario,
  nestedHoverScenario,
  muteFromCard,
  rangesNaming,
  syntheticEventsScenario,
  waitForCard,
  waitForClosed,
  waitForMarksLike,
} from './helpers/reading-steps';

const c = corpus();
const labelOf = (id: string): string => c.topics.find((tp) => tp.id === id)!.label.ar;
const eventsOf = (id: string): string[] => c.events.filter((e) => e.topics.includes(id)).map((e) => e.id);

interface TabsApi {
  browser: { tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };
}

async function listed(page: Page): Promise<Set<string>> {
  return new Set(await page.evaluate(listedEvents));
}

describe('Firefox ESR: the reading experience (production build)', () => {
  let session: FirefoxSession;
  let article: Page;
  let d: Driver;

  beforeAll(async () => {
    session = await launchFirefox({ pages: { [READING_PATH]: readingArticleHtml() }, extensionDir: FIREFOX_BUILD });
    article = await session.open(session.urlFor(READING_HOST, READING_PATH));
    d = puppeteerDriver(article);
    await waitForMarks(d);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** The article's tab id, found from an extension page: the tab whose content script says it is the article. */
  async function articleTabId(ext: Page): Promise<number> {
    const url = session.urlFor(READING_HOST, READING_PATH);
    const id = await ext.evaluate(tabShowing, url);
    if (id === null) throw new Error('no tab answered as the article');
    return id;
  }

  it('opens the card after the dwell, keeps it open over the card, closes it after the grace period and on Escape, never taking focus', async () => {
    await article.bringToFront();
    await hoverScenario(d, AUSTIN, labelOf(AUSTIN.topic));
  });

  it('closes a card whose mark scrolls out of view, instead of following it off-screen', async () => {
    await article.bringToFront();
    await followScenario(d, COALITION, labelOf(COALITION.topic));
  });

  it("opens ISIS's card from «داعش» inside the coalition's name «التحالف الدولي لدحر داعش», the coalition's from the rest of it", async () => {
    await article.bringToFront();
    await nestedHoverScenario(d, { ...NESTED, label: labelOf(NESTED.topic) }, { word: COALITION.word, label: labelOf(COALITION.topic) });
  });

  it("ignores a page's synthetic pointer and key events: only the reader opens and closes cards", async () => {
    await article.bringToFront();
    await syntheticEventsScenario(d, AUSTIN, labelOf(AUSTIN.topic));
  });

  it('options apply live to the open article: all mentions, mark style, muting and unmuting a topic', async () => {
    await article.evaluate(markWindow);
    await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 4, 'the default marks');
    const options = await session.openExtensionPage('options.html');
    try {
      await options.waitForSelector('input[name="markAll"]');
      const nth = async (name: string, i: number) => {
        const inputs = await options.$$(`input[name="${name}"]`);
        await inputs[i]!.click();
      };
      await nth('markAll', 1);
      await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 8, '"all mentions" did not reach the open tab');
      await nth('markStyle', 1);
      await waitForMarksLike(
        d,
        (m) => m['siyaq-mention-underline'] === 8 && !('siyaq-mention-tint' in m),
        'the mark style did not change in the open tab',
      );

      // Muting from the card's button; unmuting from the options page.
      await article.bringToFront();
      expect(await rangesNaming(d, 'siyaq-mention-underline', ['أوستن'])).toBe(2);
      const p = await d.evaluate(wordCentre, { within: 'article', phrase: AUSTIN.phrase, word: AUSTIN.word });
      await d.move(p!.x, p!.y);
      await waitForCard(d, 'no card on hovering Austin', 5_000, labelOf(AUSTIN.topic));
      // Firefox's UI language here may be English, and the card follows it: muteFromCard knows both.
      await muteFromCard(d);
      await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 6, "muting did not remove the topic's ranges", UNDO_MS + 5_000);
      expect(await rangesNaming(d, 'siyaq-mention-underline', ['أوستن'])).toBe(0);
      await waitForClosed(d, "the muted topic's card stayed open");

      await options.bringToFront();
      const unmute = await until(
        () => options.$('section[aria-labelledby="opt-muted"] li button'),
        5_000,
        'the options page did not list the muted topic',
      );
      await unmute.click();
      await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 8, 'unmuting did not bring the ranges back');
      expect(await article.evaluate(windowMarked), 'the article was reloaded').toBe(true);
    } finally {
      // Back to the defaults for whatever runs next in this profile.
      await options.evaluate(() =>
        (globalThis as unknown as { browser: { storage: { local: { remove(k: string): Promise<void> } } } }).browser.storage.local.remove(
          'settings',
        ),
      );
      await options.close();
    }
  });

  it('steps through the marked mentions the way the keyboard commands do, and shows a topic the popup asks for, opening each card with focus', async () => {
    const ext = await session.openExtensionPage('options.html');
    try {
      const tabId = await articleTabId(ext);
      const step = (direction: 1 | -1) =>
        ext.evaluate(
          (id, dir) => (globalThis as unknown as TabsApi).browser.tabs.sendMessage(id, { type: 'step-mention', direction: dir }),
          tabId,
          direction,
        );
      await article.bringToFront();
      expect(await step(1)).toEqual({ ok: true });
      const first = await waitForCard(d, 'no card after the first step', 5_000, labelOf(SUDANI.topic));
      expect(first.cardFocus).toBe('section[role=dialog]');
      expect(await step(1)).toEqual({ ok: true });
      await waitForCard(d, 'the second step did not move to the coalition', 5_000, labelOf(COALITION.topic));
      expect(await step(-1)).toEqual({ ok: true });
      await waitForCard(d, 'stepping back did not return to al-Sudani', 5_000, labelOf(SUDANI.topic));

      // Enter on a topic of the popup's "on this page" list sends show-topic: its first mark, its card, focused.
      const show = (topic: string) =>
        ext.evaluate(
          (id, t) => (globalThis as unknown as TabsApi).browser.tabs.sendMessage(id, { type: 'show-topic', topic: t }),
          tabId,
          topic,
        );
      expect(await show(AUSTIN.topic)).toEqual({ ok: true });
      const shown = await waitForCard(d, 'no card after show-topic', 5_000, labelOf(AUSTIN.topic));
      expect(shown.cardFocus).toBe('section[role=dialog]');
      expect(await show('not-a-topic-on-this-page')).toEqual({ ok: false });
      await article.keyboard.press('Escape');
      await waitForClosed(d, 'Escape did not close a card opened from the keyboard');
    } finally {
      await ext.close();
    }
  });

  it('popup opened for the article tab (?tab=): its topics, search that forgives spelling, and the site switch', async () => {
    const ext = await session.openExtensionPage('options.html');
    const tabId = await articleTabId(ext);
    await ext.close();
    const popup = await session.openExtensionPage(`popup.html?tab=${tabId}`);
    try {
      await popup.waitForSelector('.page-topic', { timeout: 10_000 });
      const topics = await popup.$$eval('.page-topic', (els) => els.map((el) => el.getAttribute('data-topic')));
      expect(new Set(topics)).toEqual(new Set(Object.keys(EXPECTED_COUNTS)));

      await popup.waitForSelector('[data-event-id]');
      const scoped = await listed(popup);
      await popup.type('.tl-search', 'رومانوسكي');
      const found = await until(
        async () => {
          const ids = await listed(popup);
          return ids.size < scoped.size ? ids : null;
        },
        5_000,
        'search did not filter the list',
      );
      for (const id of eventsOf('alina-romanowski')) expect(found.has(id), id).toBe(true);

      // The switch turns Siyaq off for the site and on again, live in the open article.
      await article.evaluate(markWindow);
      await popup.bringToFront();
      await popup.click('button[role="switch"]');
      await until(
        async () => (await popup.$eval('button[role="switch"]', (b) => b.getAttribute('aria-checked'))) === 'false',
        5_000,
        'the switch did not turn off',
      );
      await waitForMarksLike(d, (m) => Object.keys(m).length === 0, 'the marks stayed after turning the site off', 5_000);
      await popup.click('button[role="switch"]');
      await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 4, 'the marks did not come back after turning the site on', 10_000);
      expect(await article.evaluate(windowMarked), 'the article was reloaded').toBe(true);
      expect(session.pageErrors).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it("timeline.html#topic=sudani lists al-Sudani's events", async () => {
    const page = await session.openExtensionPage('timeline.html#topic=sudani');
    try {
      await page.waitForSelector('[data-event-id]', { timeout: 10_000 });
      await until(
        async () => {
          const ids = await listed(page);
          const want = eventsOf('sudani');
          return ids.size === want.length && want.every((id) => ids.has(id));
        },
        5_000,
        "the deep link did not list exactly al-Sudani's events",
      );
    } finally {
      await page.close();
    }
  });
});

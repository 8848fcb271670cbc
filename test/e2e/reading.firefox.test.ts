/**
 * "The reading experience" in Firefox ESR, with the production Firefox build
 * (one browser for the file): hover and dwell (item 1) and options applied live
 * to an open article (item 5), over the same steps as Chromium
 * (helpers/reading-steps.ts).
 *
 * The other items (keyboard stepping, popup, site switch, timeline deep link)
 * run in Chromium only for now (reading.chromium.test.ts). Over WebDriver BiDi
 * Puppeteer has no handle on the extension's background, so the keyboard
 * command's path cannot be driven from the background as in Chromium; an
 * extension page (which has browser.tabs) could send the same step-mention
 * message and open popup.html?tab=<id>, which is the next thing to add here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import { FIREFOX_BUILD } from './helpers/paths';
import { corpus, puppeteerDriver, until, waitForMarks, type Driver } from './helpers/scenario';
import { wordCentre } from './helpers/dom';
import { windowMarked, markWindow } from './helpers/reading-dom';
import { AUSTIN, READING_HOST, READING_PATH, readingArticleHtml } from './helpers/reading-pages';
import { hoverScenario, rangesNaming, waitForCard, waitForClosed, waitForMarksLike } from './helpers/reading-steps';

const c = corpus();
const labelOf = (id: string): string => c.topics.find((tp) => tp.id === id)!.label.ar;

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

  it('opens the card after the dwell, keeps it open over the card, closes it after the grace period and on Escape, never taking focus', async () => {
    await article.bringToFront();
    await hoverScenario(d, AUSTIN, labelOf(AUSTIN.topic));
  });

  it('options apply live to the open article: all mentions, mark style, muting and unmuting a topic', async () => {
    await article.evaluate(markWindow);
    await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 4, 'the default marks');
    const options = await session.openExtensionPage('options.html');
    try {
      await options.waitForSelector('input[name="markAll"]');
      const nth = async (name: string, i: number) => {
        const inputs = await options.$$(`input[name="${name}"]`);
        await inputs[i]!.click();
      };
      await nth('markAll', 1);
      await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 8, '"all mentions" did not reach the open tab');
      await nth('markStyle', 1);
      await waitForMarksLike(
        d,
        (m) => m['siyaq-mention-tint'] === 8 && !('siyaq-mention-underline' in m),
        'the mark style did not change in the open tab',
      );

      // Muting from the card's button; unmuting from the options page.
      await article.bringToFront();
      expect(await rangesNaming(d, 'siyaq-mention-tint', ['أوستن'])).toBe(2);
      const p = await d.evaluate(wordCentre, { within: 'article', phrase: AUSTIN.phrase, word: AUSTIN.word });
      await d.move(p!.x, p!.y);
      await waitForCard(d, 'no card on hovering Austin', 5_000, labelOf(AUSTIN.topic));
      // By place, not text: Firefox's UI language here may be English, and the card follows it.
      const mute = await article.waitForSelector('siyaq-card >>> .sq-card-secondary button', { timeout: 5_000 });
      await mute!.click();
      await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 6, "muting did not remove the topic's ranges");
      expect(await rangesNaming(d, 'siyaq-mention-tint', ['أوستن'])).toBe(0);
      await waitForClosed(d, "the muted topic's card stayed open");

      await options.bringToFront();
      const unmute = await until(
        () => options.$('section[aria-labelledby="opt-muted"] li button'),
        5_000,
        'the options page did not list the muted topic',
      );
      await unmute.click();
      await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 8, 'unmuting did not bring the ranges back');
      expect(await article.evaluate(windowMarked), 'the article was reloaded').toBe(true);
    } finally {
      // Back to the defaults for whatever runs next in this profile.
      await options.evaluate(() => (globalThis as unknown as { browser: { storage: { local: { remove(k: string): Promise<void> } } } }).browser.storage.local.remove('settings'));
      await options.close();
    }
  });
});

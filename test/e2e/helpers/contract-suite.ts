/**
 * Contract 6 (DESIGN.md) as one suite that runs in each browser: hover opens a
 * sourced card (in a closed shadow root on a host marked data-siyaq-card, read
 * through the automation protocol), Escape and pointer-out close
 * it, the Sudanese army is not the Iraqi prime minister, the page's text is
 * untouched, the popup and the timeline page list the events, and nothing
 * logs an error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyHtml, bodyText } from './dom';
import { SUDAN_ARMY_PHRASE, SUDANI_PHRASE } from './pages';
import {
  cardProblems,
  cards,
  corpus,
  hoverForCard,
  hoverWord,
  listedEventIdsScript,
  pointerAway,
  until,
  waitForMarks,
  waitForNoCard,
  type Driver,
} from './scenario';

export interface OpenedPage {
  driver: Driver;
  close(): Promise<void>;
}

/** One browser with the extension installed, its own way. */
export interface BrowserUnderTest {
  /** The test article (helpers/pages.ts) at a listed outlet's URL. */
  openArticle(): Promise<OpenedPage>;
  /** The same article at a host Siyaq does not read. */
  openUnlisted(): Promise<OpenedPage>;
  /** One of the extension's pages (popup.html, timeline.html), opened in a tab. */
  openExtensionPage(path: string): Promise<OpenedPage>;
  /** Errors logged by any page opened so far (console.error, uncaught exceptions). */
  pageErrors: string[];
  /** Errors logged by the extension's background, where the browser lets a test read them. */
  backgroundErrors: string[];
  close(): Promise<void>;
}

// Each phrase occurs once in the page.
const SUDANI = { within: 'body', phrase: SUDANI_PHRASE, word: 'السوداني' };
const SUDAN_ARMY = { within: 'body', phrase: SUDAN_ARMY_PHRASE, word: 'السوداني' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function contractSuite(title: string, launch: () => Promise<BrowserUnderTest>): void {
  describe(title, () => {
    let browser: BrowserUnderTest;
    let article: OpenedPage;
    let d: Driver;

    beforeAll(async () => {
      browser = await launch();
      article = await browser.openArticle();
      d = article.driver;
      try {
        await waitForMarks(d);
      } catch (e) {
        // Say why the content script did nothing, when the extension said so.
        const logs = [...browser.backgroundErrors, ...browser.pageErrors];
        throw new Error(
          `${e instanceof Error ? e.message : String(e)}${logs.length > 0 ? `\nThe extension logged:\n${logs.join('\n')}` : ''}`,
        );
      }
    });

    afterAll(async () => {
      await browser?.close();
    });

    // How soon is the bench's to measure (npm run bench:browser); here, only that it opens (issue 11).
    it('opens a card with the label and a dated event on hovering «السوداني» in «محمد شياع السوداني»', async () => {
      const { card } = await hoverForCard(d, SUDANI);
      expect(cardProblems(card.text, 'sudani'), card.text).toEqual([]);
    });

    it('closes the card on Escape', async () => {
      if ((await cards(d)).length === 0) await hoverForCard(d, SUDANI);
      await d.press('Escape');
      await waitForNoCard(d, 3_000);
    });

    it('closes the card after a grace period when the pointer leaves', async () => {
      await pointerAway(d);
      await hoverForCard(d, SUDANI);
      await pointerAway(d);
      // The grace period lets the pointer cross the gap to the card: still open right after leaving.
      expect((await cards(d)).length, 'the card closed at once, with no grace period').toBe(1);
      await waitForNoCard(d, 3_000);
    });

    it('opens nothing on «السوداني» in «الجيش السوداني» (the Sudanese army)', async () => {
      await pointerAway(d);
      await waitForNoCard(d, 3_000);
      await hoverWord(d, SUDAN_ARMY);
      // Well past the dwell delay.
      await sleep(1_500);
      expect(await cards(d)).toEqual([]);
    });

    it("leaves the page's text and markup exactly as they were", async () => {
      await pointerAway(d);
      const markedText = await d.evaluate(bodyText, null);
      const markedHtml = await d.evaluate(bodyHtml, null);
      const plain = await browser.openUnlisted();
      try {
        const ran = await plain.driver.evaluate(() => CSS.highlights.size, null);
        expect(ran, 'Siyaq marked a page on a host it does not list').toBe(0);
        expect(markedText).toBe(await plain.driver.evaluate(bodyText, null));
        expect(markedHtml, "the page's DOM changed").toBe(await plain.driver.evaluate(bodyHtml, null));
      } finally {
        await plain.close();
      }
    });

    for (const path of ['popup.html', 'timeline.html']) {
      it(`lists the timeline in ${path}, each event an element with data-event-id`, async () => {
        const page = await browser.openExtensionPage(path);
        try {
          const known = new Set(corpus().events.map((e) => e.id));
          const ids = await until(
            async () => {
              const listed = await page.driver.evaluate(listedEventIdsScript, null);
              return listed.length > 0 ? listed : null;
            },
            10_000,
            `${path} listed no element with data-event-id`,
          );
          expect(
            ids.filter((id) => !known.has(id)),
            'ids that are not corpus events',
          ).toEqual([]);
        } finally {
          await page.close();
        }
      });
    }

    it("logs no error in the page, the extension's pages or the background", () => {
      expect(browser.pageErrors).toEqual([]);
      expect(browser.backgroundErrors).toEqual([]);
    });
  });
}

/**
 * The card in Firefox ESR, on the production build, at 1280×800 on the card
 * tests' article of 9 April 2024: its size as a preview, and the page as an
 * attacker that tries to read or drive it (as in card.chromium.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import { visibleCardText } from './helpers/card-access';
import {
  CARD_HOST_NAME,
  CARD_PATH,
  HMC,
  PAGE_SEES_NOTHING,
  SUDANI,
  cardArticleHtml,
  openCard as openCardOf,
  pageViewOfCard,
  previewScenario,
  scriptedClicksOnCard,
  syntheticHover,
} from './helpers/card-pages';
import type { WordQuery } from './helpers/dom';
import { cards, corpus, pointerAway, puppeteerDriver, waitForMarks, waitForNoCard, type Driver } from './helpers/scenario';
import { siyaqMarks } from './helpers/reading-steps';
import { UNDO_MS } from '../../lib/page/undo';
import { t } from '../../lib/i18n';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const label = (id: string) => corpus().topics.find((x) => x.id === id)!.label.ar;

describe('Firefox ESR: the card', () => {
  let session: FirefoxSession;
  let page: Page;
  let d: Driver;

  beforeAll(async () => {
    session = await launchFirefox({ pages: { [CARD_PATH]: cardArticleHtml() } });
    page = await session.open(session.urlFor(CARD_HOST_NAME, CARD_PATH));
    await page.setViewport({ width: 1280, height: 800 });
    d = puppeteerDriver(page);
    await waitForMarks(d);
  });

  afterAll(async () => {
    await session?.close();
  });

  const openCard = (q: WordQuery): Promise<string> => openCardOf(d, q);

  for (const [name, q, topic] of [
    ['al-Sudani', SUDANI, 'sudani'],
    ['the Higher Military Commission', HMC, 'higher-military-commission'],
  ] as const) {
    it(`shows ${name} as a preview at 1280×800: nothing scrolls inside, no taller than the view, at most 400 px wide`, async () => {
      await previewScenario(d, q, label(topic), `${name} (Firefox)`);
    });
  }

  describe('the page as the attacker', () => {
    it('cannot find the card or its text through DOM APIs', async () => {
      await openCard(HMC);
      // The card's first event title, in whichever language Firefox's UI gave it.
      const secret = await d.card((root) => root!.querySelector('.sq-event-title')!.textContent, null);
      expect(secret.length).toBeGreaterThan(5);
      const seen = await pageViewOfCard(d, secret);
      expect(seen, JSON.stringify(seen)).toEqual(PAGE_SEES_NOTHING);
    });

    it('cannot drive the card: scripted clicks and keys where its buttons are do nothing', async () => {
      await openCard(SUDANI);
      const tabs = (await session.browser.pages()).length;
      const marks = await siyaqMarks(d);
      expect(await scriptedClicksOnCard(d)).toBeGreaterThan(1);
      await sleep(UNDO_MS + 1_000);
      const text = await d.card(visibleCardText, null);
      expect(text, 'the card closed or changed').toContain(label('sudani'));
      expect(text).not.toContain(t('cardLess', 'ar'));
      expect(text).not.toContain(t('cardLess', 'en'));
      expect((await session.browser.pages()).length, 'a timeline tab opened').toBe(tabs);
      expect(await siyaqMarks(d)).toEqual(marks);
    });

    it('cannot open a card with synthetic pointer events on a mark', async () => {
      await pointerAway(d);
      await waitForNoCard(d, 3_000);
      await syntheticHover(d, SUDANI);
      await sleep(1_500);
      expect(await cards(d)).toEqual([]);
    });
  });
});

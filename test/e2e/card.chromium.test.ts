/**
 * The card in Chromium, on the production build, at 1280×800 on an article of
 * 9 April 2024 (written for this test): its geometry as a preview, what
 * happens when its mark scrolls away, Undo after muting or turning the site
 * off, and the page as an attacker that tries to read or drive the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './helpers/chromium';
import { cardGeometry, cardButtonCentre, visibleCardText } from './helpers/card-access';
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
import { cards, corpus, playwrightDriver, pointerAway, until, waitForMarks, waitForNoCard, type Driver } from './helpers/scenario';
import { clickCardButton, siyaqMarks } from './helpers/reading-steps';
import { UNDO_MS } from '../../lib/page/undo';
import { t } from '../../lib/i18n';

const URL = `https://${CARD_HOST_NAME}${CARD_PATH}`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const eventTitle = (id: string) => corpus().events.find((e) => e.id === id)!.title.ar;

describe('Chromium: the card', () => {
  let session: ChromiumSession;
  let page: Page;
  let d: Driver;

  beforeAll(async () => {
    session = await launchChromium({ pages: { [URL]: cardArticleHtml() }, viewport: { width: 1280, height: 800 } });
    page = await session.open(URL);
    d = playwrightDriver(page);
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
      await previewScenario(d, q, corpus().topics.find((x) => x.id === topic)!.label.ar, name);
    });
  }

  it('lists an event after the article on the HMC card: the 2026 plan, beside the earlier ones', async () => {
    const text = await openCard(HMC);
    expect(text).toContain(eventTitle('transition-may-run-to-2026'));
    expect(text).toContain(t('thisArticle', 'ar'));
  });

  it('never lets the header leave the view: scrolled with the pointer on the card, it moves with its mark or closes', async () => {
    await openCard(SUDANI);
    const g = (await d.card(cardGeometry, null))!;
    await d.move(g.left + g.width / 2, g.top + 30);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 350);
      await sleep(300);
      const now = await d.card(cardGeometry, null);
      if (!now) break;
      expect(now.headTop, 'the card header left the top of the view').toBeGreaterThanOrEqual(0);
      expect(now.headBottom).toBeLessThanOrEqual(now.viewport.height);
      expect(now.height).toBeLessThanOrEqual(now.viewport.height);
    }
    // Three screens down, the mark is gone from view, and the card with it.
    await waitForNoCard(d, 3_000);
  });

  it('offers Undo where the card was after muting, and Undo keeps the topic marked', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await openCard(SUDANI);
    const before = await siyaqMarks(d);
    await clickCardButton(d, [t('cardMore', 'ar')]);
    await sleep(200);
    const box = (await d.card(cardGeometry, null))!;
    await clickCardButton(d, [t('muteTopic', 'ar')]);
    const said = t('mutedNotice', 'ar', { label: corpus().topics.find((x) => x.id === 'sudani')!.label.ar });
    await until(async () => (await d.card(visibleCardText, null))?.includes(said), 3_000, `no notice «${said}» after muting`);
    // Where the reader was looking: Undo is inside the box the card had.
    const at = (await d.card(cardButtonCentre, t('undo', 'ar')))!;
    expect(at.y).toBeGreaterThanOrEqual(box.top);
    expect(at.y).toBeLessThanOrEqual(box.bottom);
    await d.click(at.x, at.y);
    await sleep(UNDO_MS + 1_000);
    const marked = (m: Record<string, number>) => m['siyaq-mention-underline'];
    expect(marked(await siyaqMarks(d)), 'Undo did not keep the marks').toBe(marked(before));
    expect(await cards(d)).toEqual([]);
  });

  it('offers Undo after turning the site off, and Undo keeps Siyaq on', async () => {
    await openCard(SUDANI);
    const before = await siyaqMarks(d);
    await clickCardButton(d, [t('cardMore', 'ar')]);
    await clickCardButton(d, [t('disableSite', 'ar')]);
    const said = t('siteOffNotice', 'ar');
    await until(async () => (await d.card(visibleCardText, null))?.includes(said), 3_000, `no notice «${said}» after turning the site off`);
    await clickCardButton(d, [t('undo', 'ar')]);
    await sleep(UNDO_MS + 1_000);
    expect((await siyaqMarks(d))['siyaq-mention-underline'], 'Undo did not keep Siyaq on').toBe(before['siyaq-mention-underline']);
  });

  describe('the page as the attacker', () => {
    it('cannot find the card or its text through DOM APIs', async () => {
      const text = await openCard(HMC);
      const secret = eventTitle('transition-may-run-to-2026');
      expect(text).toContain(secret);
      const seen = await pageViewOfCard(d, secret);
      expect(seen, JSON.stringify(seen)).toEqual(PAGE_SEES_NOTHING);
    });

    it('cannot drive the card: scripted clicks and keys where its buttons are do nothing', async () => {
      await openCard(SUDANI);
      const tabs = session.context.pages().length;
      const marks = await siyaqMarks(d);
      expect(await scriptedClicksOnCard(d)).toBeGreaterThan(1);
      await sleep(UNDO_MS + 1_000);
      const text = await d.card(visibleCardText, null);
      expect(text, 'the card closed or changed').toContain(corpus().topics.find((x) => x.id === 'sudani')!.label.ar);
      expect(text).not.toContain(t('cardLess', 'ar'));
      expect(session.context.pages().length, 'a timeline tab opened').toBe(tabs);
      expect(await siyaqMarks(d)).toEqual(marks);
    });

    it('cannot open a card with synthetic pointer events on a mark', async () => {
      await pointerAway(d);
      await waitForNoCard(d, 3_000);
      await syntheticHover(d, SUDANI);
      // Well past the dwell delay.
      await sleep(1_500);
      expect(await cards(d)).toEqual([]);
    });
  });
});

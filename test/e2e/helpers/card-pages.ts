/**
 * The card tests' article (written for them, dated 9 April 2024, long enough to
 * scroll) and the page-as-attacker steps both browsers run: each step is what a
 * hostile page's own script could do, sent through the Driver's evaluate, which
 * runs in the page's world.
 */
import { expect } from 'vitest';
import { buildNewsPage } from '../../fixtures/news-page';
import { CARD_HOST, cardGeometry } from './card-access';
import { wordCentre, type WordQuery } from './dom';
import { hoverForCard, pointerAway, until, waitForNoCard, type Driver } from './scenario';

export const CARD_HOST_NAME = 'www.aljazeera.net';
export const CARD_PATH = '/news/2024/4/9/siyaq-card-e2e';

export const SUDANI: WordQuery = { within: 'article', phrase: 'محمد شياع السوداني', word: 'السوداني' };
export const HMC: WordQuery = { within: 'article', phrase: 'اللجنة العسكرية العليا', word: 'العسكرية' };

const FILLER =
  'ويقول محللون إن المشهد الأمني في المنطقة ما زال معقدا، وإن أي ترتيبات جديدة ستحتاج إلى وقت طويل قبل أن تتضح ملامحها على الأرض، في ظل تداخل المصالح الإقليمية والدولية.';

export function cardArticleHtml(): string {
  return buildNewsPage({
    article: {
      headline: 'بغداد وواشنطن تواصلان محادثات مستقبل التحالف',
      paragraphs: [
        FILLER,
        FILLER,
        `وقال رئيس الوزراء ${SUDANI.phrase} إن بلاده تريد علاقة ثنائية مع الولايات المتحدة، بعد أن تنهي المحادثات عملها.`,
        FILLER,
        `وتواصل ${HMC.phrase} اجتماعاتها لتقييم قدرات القوات العراقية وخطر التنظيم.`,
        ...Array.from({ length: 14 }, () => FILLER),
      ],
    },
    host: CARD_HOST_NAME,
    outlet: 'الموقع الإخباري',
    published: '2024-04-09T09:00:00+03:00',
    datePlace: 'meta',
  }).html;
}

export interface PageView {
  shadowRoot: 'readable' | null;
  innerText: boolean;
  textContent: boolean;
  selection: boolean;
  outerHTML: boolean;
  /** What elementFromPoint gives over the card: the host, retargeted, never an element inside. */
  elementAtCard: string | null;
}

/** What the page's script can find of the open card's text (`secret`) through DOM APIs. */
export async function pageViewOfCard(d: Driver, secret: string): Promise<PageView> {
  const box = (await d.card(cardGeometry, null))!;
  const point = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  return d.evaluate(
    ({ selector, secret, point }) => {
      const host = document.querySelector(selector)!;
      const selection = getSelection()!;
      selection.selectAllChildren(document.documentElement);
      const selected = selection.toString();
      selection.removeAllRanges();
      const atCard = document.elementFromPoint(point.x, point.y);
      return {
        shadowRoot: host.shadowRoot === null ? null : ('readable' as const),
        innerText: document.documentElement.innerText.includes(secret),
        textContent: document.documentElement.textContent.includes(secret),
        selection: selected.includes(secret),
        outerHTML: document.documentElement.outerHTML.includes(secret),
        elementAtCard: atCard === host ? 'host' : (atCard?.localName ?? null),
      };
    },
    { selector: CARD_HOST, secret, point },
  );
}

export const PAGE_SEES_NOTHING: PageView = {
  shadowRoot: null,
  innerText: false,
  textContent: false,
  selection: false,
  outerHTML: false,
  elementAtCard: 'host',
};

/** The page clicks, every way it can, at the points where the card's buttons are, and presses Enter there. */
export async function scriptedClicksOnCard(d: Driver): Promise<number> {
  const points = await d.card(
    (root) =>
      Array.from(root!.querySelectorAll('button')).map((b) => {
        const r = b.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }),
    null,
  );
  await d.evaluate((points) => {
    for (const { x, y } of points) {
      const el = document.elementFromPoint(x, y)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'])
        el.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: x, clientY: y }));
      (el as HTMLElement).click();
      el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    }
  }, points);
  return points.length;
}

/** The page dispatches pointer and mouse moves on a mark, as a hover would make them. */
export async function syntheticHover(d: Driver, q: WordQuery): Promise<void> {
  const p = (await d.evaluate(wordCentre, q))!;
  await d.evaluate(({ x, y }) => {
    const el = document.elementFromPoint(x, y)!;
    for (let i = 0; i < 5; i++) {
      for (const type of ['pointerover', 'pointermove', 'mousemove']) {
        const init = { bubbles: true, composed: true, clientX: x + i, clientY: y, pointerType: 'mouse' };
        el.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
      }
    }
  }, p);
}

/** Opens the card of `q` from a pointer at rest elsewhere; its text once its entrance animation has finished. */
export async function openCard(d: Driver, q: WordQuery): Promise<string> {
  await pointerAway(d);
  await waitForNoCard(d, 3_000);
  const { card } = await hoverForCard(d, q);
  await until(
    () => d.card((root) => root !== null && root.getAnimations().every((a) => a.playState === 'finished'), null),
    3_000,
    'the card kept moving after it opened',
  );
  return card.text;
}

/**
 * The card of `q` as a preview at the page's 1280×800: nothing scrolls inside,
 * at most 400 px wide, whole in the view. Prints its size, named `name`.
 */
export async function previewScenario(d: Driver, q: WordQuery, label: string, name: string): Promise<void> {
  expect(await openCard(d, q)).toContain(label);
  const g = (await d.card(cardGeometry, null))!;
  console.log(`card ${name}: ${Math.round(g.width)}×${Math.round(g.height)} px at ${g.viewport.width}×${g.viewport.height}`);
  expect(g.hiddenContent, 'the preview scrolls inside').toBeLessThanOrEqual(1);
  expect(g.width).toBeLessThanOrEqual(400);
  expect(g.height).toBeLessThanOrEqual(g.viewport.height);
  expect(g.top).toBeGreaterThanOrEqual(0);
  expect(g.bottom).toBeLessThanOrEqual(g.viewport.height);
}

/**
 * Steps of the reading-experience tests that both browsers run the same way,
 * over the Driver of helpers/scenario.ts (Playwright in Chromium, Puppeteer in
 * Firefox). Timing checks read the card's state from the page, with the times
 * measured here, in the test process: each evaluate is a round trip of a few
 * milliseconds, so the margins below are wide on purpose.
 */
import { expect } from 'vitest';
import { wordCentre, type Point } from './dom';
import { cardState, highlightTexts, type CardState } from './reading-dom';
import { pointerAway, until, type Driver } from './scenario';
import { cardButtonCentre, visibleCardText } from './card-access';
import { t } from '../../../lib/i18n';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** lib/settings.ts DEFAULT_SETTINGS.dwellMs: the tests run with the default settings. */
export const DWELL_MS = 300;
/** lib/page/hover.ts CLOSE_GRACE_MS. */
export const GRACE_MS = 300;

export const card = (d: Driver): Promise<CardState> => d.card(cardState, null);
export const highlights = (d: Driver): Promise<Record<string, string[]>> => d.evaluate(highlightTexts, null);

/** The names of Siyaq's entries in the page's highlight registry, and their range counts. */
export async function siyaqMarks(d: Driver): Promise<Record<string, number>> {
  const all = await highlights(d);
  return Object.fromEntries(
    Object.entries(all)
      .filter(([name]) => name.startsWith('siyaq-'))
      .map(([n, r]) => [n, r.length]),
  );
}

export async function waitForCard(d: Driver, what: string, timeoutMs = 5_000, title?: string): Promise<CardState> {
  return until(
    async () => {
      const s = await card(d);
      return s.open && (title === undefined || s.title === title) ? s : null;
    },
    timeoutMs,
    what,
  );
}

export async function waitForClosed(d: Driver, what: string, timeoutMs = 3_000): Promise<void> {
  await until(async () => !(await card(d)).open, timeoutMs, what);
}

async function pointAt(d: Driver, q: { phrase: string; word: string }): Promise<Point> {
  const p = await d.evaluate(wordCentre, { within: 'article', phrase: q.phrase, word: q.word });
  if (!p) throw new Error(`«${q.phrase}» not found in the article`);
  return p;
}

/**
 * Item 1 of "The reading experience": dwell, staying open over the card,
 * closing after the grace period, Escape, and no focus taken on hover.
 * Leaves the pointer away and the card closed.
 */
export async function hoverScenario(d: Driver, mention: { phrase: string; word: string }, label: string): Promise<void> {
  await pointerAway(d);
  await waitForClosed(d, 'a card was open before the test hovered anything');
  const focusBefore = (await card(d)).pageFocus;

  // Not before the dwell: half-way through it, nothing is open.
  const at = await pointAt(d, mention);
  await d.move(at.x, at.y);
  const moved = Date.now();
  await sleep(DWELL_MS / 2);
  const early = await card(d);
  const earlyMs = Date.now() - moved;
  expect(early.open, `a card was open ${earlyMs} ms into a ${DWELL_MS} ms dwell`).toBe(false);
  const opened = await waitForCard(d, `no card after resting on «${mention.word}» past the dwell`, 5_000, label);
  expect(Date.now() - moved).toBeGreaterThanOrEqual(DWELL_MS - 20);
  // Hover never takes focus: the page's focus is where it was, and nothing in the card has it.
  expect(opened.pageFocus).toBe(focusBefore);
  expect(opened.cardFocus).toBeNull();

  // From the mention onto the card, in a few steps, then rest there for longer than the grace period.
  const r = opened.rect!;
  const target = { x: r.left + r.width / 2, y: r.top + Math.min(r.height / 2, 60) };
  for (let i = 1; i <= 4; i++) {
    await d.move(at.x + ((target.x - at.x) * i) / 4, at.y + ((target.y - at.y) * i) / 4);
  }
  await sleep(GRACE_MS * 3);
  const resting = await card(d);
  expect(resting.open, 'the card closed while the pointer rested on it').toBe(true);
  expect(resting.title).toBe(label);
  expect(resting.pageFocus).toBe(focusBefore);

  // Pointer out: still open inside the grace period, closed after it.
  await pointerAway(d);
  const left = Date.now();
  await sleep(GRACE_MS / 3);
  const during = await card(d);
  if (Date.now() - left < GRACE_MS - 50) {
    expect(during.open, 'the card closed at once on pointer-out, without its grace period').toBe(true);
  }
  await waitForClosed(d, 'the card stayed open after the pointer left it');

  // Escape closes it.
  await d.move(at.x, at.y);
  await waitForCard(d, 'no card on hovering the mention again', 5_000, label);
  await d.press('Escape');
  await waitForClosed(d, 'Escape did not close the card', 3_000);
  expect((await card(d)).pageFocus).toBe(focusBefore);
  await pointerAway(d);
}

/** Clicks, as a reader does (trusted input), the card's button named by any of `names`. */
export async function clickCardButton(d: Driver, names: readonly string[], timeoutMs = 5_000): Promise<void> {
  const at = await until(
    async () => {
      for (const name of names) {
        const p = await d.card(cardButtonCentre, name);
        if (p) return p;
      }
      return null;
    },
    timeoutMs,
    `the card has no button «${names.join('» or «')}»`,
  );
  await d.click(at.x, at.y);
}

/**
 * Mutes the open card's topic from the card, as a reader does: "more", then the
 * mute button; the card gives way to a notice with Undo, and the mute is
 * committed when the offer ends (UNDO_MS later).
 */
export async function muteFromCard(d: Driver): Promise<void> {
  await clickCardButton(d, [t('cardMore', 'ar'), t('cardMore', 'en')]);
  await clickCardButton(d, [t('muteTopic', 'ar'), t('muteTopic', 'en')]);
  await until(
    async () => (await d.card(visibleCardText, null))?.match(new RegExp(`${t('undo', 'ar')}|${t('undo', 'en')}`)) ?? null,
    5_000,
    'no notice with Undo after muting',
  );
}

/** Waits until the page stops scrolling (a smooth scroll an earlier step started may still run). */
export async function scrollSettled(d: Driver): Promise<void> {
  let last = Number.NaN;
  await until(
    async () => {
      const y = await d.evaluate(() => window.scrollY, null);
      const still = y === last;
      last = y;
      if (still) await sleep(100);
      return still && (await d.evaluate(() => window.scrollY, null)) === y;
    },
    5_000,
    'the page kept scrolling',
  );
}

/**
 * Issue 9: a card never follows its mark off-screen. With the pointer resting on
 * the card, the page scrolls a viewport (as PageDown does): the mark leaves the
 * view and the card closes. Leaves the page where it was, the pointer away.
 */
export async function followScenario(d: Driver, mention: { phrase: string; word: string }, label: string): Promise<void> {
  await pointerAway(d);
  await waitForClosed(d, 'a card was open before the test hovered anything');
  await scrollSettled(d);
  const at = await pointAt(d, mention);
  await d.move(at.x, at.y);
  const opened = await waitForCard(d, `no card after resting on «${mention.word}»`, 5_000, label);
  const r = opened.rect!;
  await d.move(r.left + r.width / 2, r.top + Math.min(r.height / 2, 60));
  const scrolled = await d.evaluate(() => {
    // Away from the mark by a whole viewport, whichever way the page has room for.
    const by = window.scrollY >= window.innerHeight ? -window.innerHeight : window.innerHeight;
    window.scrollBy({ top: by, behavior: 'instant' });
    return by;
  }, null);
  await waitForClosed(d, 'the card stayed open after its mark scrolled out of view');
  await d.evaluate((by) => window.scrollBy({ top: -by, behavior: 'instant' }), scrolled);
  await pointerAway(d);
}

/**
 * Issue 10: the page cannot drive the card. Its synthetic pointer events at a
 * mark open nothing; with a card open, its synthetic Escape and pointerleave
 * close nothing. The reader's own input still does. Leaves the card closed.
 */
export async function syntheticEventsScenario(d: Driver, mention: { phrase: string; word: string }, label: string): Promise<void> {
  await pointerAway(d);
  await waitForClosed(d, 'a card was open before the test began');
  await scrollSettled(d);
  const at = await pointAt(d, mention);
  const forge = (kind: 'move' | 'leave' | 'escape', p: Point): Promise<void> =>
    d.evaluate(
      ({ kind, x, y }) => {
        if (kind === 'escape') {
          for (const target of [document.activeElement ?? document.body, document, window]) {
            target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
          }
        } else if (kind === 'leave') {
          document.documentElement.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
        } else {
          const target = document.elementFromPoint(x, y) ?? document.body;
          for (let i = 0; i < 5; i++) {
            target.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y + i / 10, bubbles: true, pointerType: 'mouse' }));
          }
        }
      },
      { kind, x: p.x, y: p.y },
    );

  await forge('move', at);
  await sleep(DWELL_MS * 4);
  expect((await card(d)).open, "a page's synthetic pointer events opened a card").toBe(false);

  await d.move(at.x, at.y);
  await waitForCard(d, `no card after the reader rested on «${mention.word}»`, 5_000, label);
  await forge('escape', at);
  await forge('leave', at);
  await sleep(GRACE_MS * 3);
  expect((await card(d)).open, "a page's synthetic Escape or pointerleave closed the card").toBe(true);
  await d.press('Escape');
  await waitForClosed(d, "the reader's Escape did not close the card");
  await pointerAway(d);
}

/** Waits until Siyaq's marks satisfy `ok`; returns them. */
export async function waitForMarksLike(
  d: Driver,
  ok: (marks: Record<string, number>) => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<Record<string, number>> {
  let last: Record<string, number> = {};
  try {
    return await until(
      async () => {
        last = await siyaqMarks(d);
        return ok(last) ? last : null;
      },
      timeoutMs,
      what,
    );
  } catch (e) {
    throw new Error(`${(e as Error).message}; marks were ${JSON.stringify(last)}`);
  }
}

/** Ranges of one highlight whose text is one of `names`. */
export async function rangesNaming(d: Driver, highlight: string, names: readonly string[]): Promise<number> {
  const all = await highlights(d);
  return (all[highlight] ?? []).filter((text) => names.some((n) => text.includes(n))).length;
}

/**
 * A name nested in a longer one: the pointer resting on the inner word opens
 * the inner topic's card, with the active mark on that word alone; resting on
 * another word of the longer name opens the longer name's card. Leaves the
 * pointer away and the card closed.
 */
export async function nestedHoverScenario(
  d: Driver,
  inner: { phrase: string; word: string; label: string },
  outer: { word: string; label: string },
): Promise<void> {
  await pointerAway(d);
  await waitForClosed(d, 'a card was open before the test hovered anything');
  const onInner = await pointAt(d, inner);
  await d.move(onInner.x, onInner.y);
  await waitForCard(d, `no «${inner.label}» card on resting on «${inner.word}» inside «${inner.phrase}»`, 5_000, inner.label);
  expect((await highlights(d))['siyaq-mention-active']).toEqual([inner.word]);
  const onOuter = await pointAt(d, { phrase: inner.phrase, word: outer.word });
  await d.move(onOuter.x, onOuter.y);
  await waitForCard(d, `no «${outer.label}» card on resting on «${outer.word}» of «${inner.phrase}»`, 5_000, outer.label);
  expect((await highlights(d))['siyaq-mention-active']).toEqual([inner.phrase]);
  await pointerAway(d);
  await waitForClosed(d, 'the card stayed open after the pointer left the name');
}

/**
 * The black-box steps of contract 6, written once for both browsers: Playwright
 * (Chromium) and Puppeteer (Firefox) pages are wrapped in the small Driver below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { REPO_ROOT } from '../../seeds';
import { chromiumCard, firefoxCard, visibleCardText, type CardFn } from './card-access';
import { wordCentre, type ShadowCard, type WordQuery } from './dom';

export interface Driver {
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** Runs fn in the page with the card's closed shadow root (null when there is no card host). */
  card<A, R>(fn: CardFn<A, R>, arg: A): Promise<R>;
  move(x: number, y: number): Promise<void>;
  /** A real click (trusted input), as a reader's. */
  click(x: number, y: number): Promise<void>;
  press(key: string): Promise<void>;
}

export function playwrightDriver(page: PlaywrightPage): Driver {
  return {
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg) as Promise<R>,
    card: (fn, arg) => chromiumCard(page, fn, arg),
    move: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key),
  };
}

export function puppeteerDriver(page: PuppeteerPage): Driver {
  return {
    evaluate: <A, R>(fn: (arg: A) => R, arg: A) => page.evaluate(fn as never, arg),
    card: (fn, arg) => firefoxCard(page, fn, arg),
    move: (x, y) => page.mouse.move(x, y, { steps: 3 }),
    click: (x, y) => page.mouse.click(x, y),
    press: (key) => page.keyboard.press(key as never),
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value, or throws `what` after timeoutMs. */
export async function until<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${what}`);
    await sleep(40);
  }
}

/**
 * Waits until the extension has registered its marks (CSS Custom Highlight API;
 * the registry is the page's, and the test page registers none of its own).
 */
export async function waitForMarks(d: Driver, timeoutMs = 10_000): Promise<number> {
  return until(
    () => d.evaluate(() => (typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights.size : 0), null),
    timeoutMs,
    'the extension registered no highlight in CSS.highlights (content script not running, or found no mention)',
  );
}

/** The card showing, if any, read through the automation protocol: the page itself cannot. */
export async function cards(d: Driver): Promise<ShadowCard[]> {
  const text = await d.card(visibleCardText, null);
  return text === null ? [] : [{ host: 'siyaq-card', text }];
}

/** Moves the pointer onto the centre of a word; returns when the move is done. */
export async function hoverWord(d: Driver, q: WordQuery): Promise<void> {
  const point = await d.evaluate(wordCentre, q);
  if (!point) throw new Error(`"${q.phrase}" not found in ${q.within}`);
  await d.move(point.x, point.y);
}

/** Hovers a word and returns the card that opens and how long it took from the move. */
export async function hoverForCard(d: Driver, q: WordQuery, timeoutMs = 5_000): Promise<{ card: ShadowCard; ms: number }> {
  const point = await d.evaluate(wordCentre, q);
  if (!point) throw new Error(`"${q.phrase}" not found in ${q.within}`);
  const started = Date.now();
  await d.move(point.x, point.y);
  const [card] = await until(
    async () => {
      const found = await cards(d);
      return found.length > 0 ? found : null;
    },
    timeoutMs,
    `no card after hovering «${q.word}» in «${q.phrase}»`,
  );
  return { card: card!, ms: Date.now() - started };
}

export async function waitForNoCard(d: Driver, timeoutMs: number): Promise<number> {
  const started = Date.now();
  await until(async () => (await cards(d)).length === 0, timeoutMs, 'the card stayed open');
  return Date.now() - started;
}

/** Moves the pointer to a point with no text (the page's top corner, in the site header). */
export async function pointerAway(d: Driver): Promise<void> {
  await d.move(4, 4);
}

interface CorpusLike {
  topics: { id: string; label: { ar: string } }[];
  events: { id: string; date: string; title: { ar: string; en?: string }; topics: string[] }[];
}

export function corpus(): CorpusLike {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusLike;
}

const toArabicIndic = (s: string) => s.replace(/[0-9]/g, (c) => String.fromCharCode(0x0660 + Number(c)));

/**
 * What contract 6 asks of a card's text: the topic's Arabic label and at least
 * one dated event (an event of the topic by its title, in the UI's language,
 * Arabic or English, and its year in either digit set). Returns the problems,
 * empty when the card is right.
 */
export function cardProblems(text: string, topicId: string): string[] {
  const c = corpus();
  const topic = c.topics.find((t) => t.id === topicId);
  if (!topic) return [`the corpus has no topic ${topicId}`];
  const problems: string[] = [];
  if (!text.includes(topic.label.ar)) problems.push(`no Arabic label «${topic.label.ar}»`);
  const dated = c.events.filter((e) => {
    if (!e.topics.includes(topicId)) return false;
    if (!text.includes(e.title.ar) && !(e.title.en && text.includes(e.title.en))) return false;
    const year = e.date.slice(0, 4);
    return text.includes(year) || text.includes(toArabicIndic(year));
  });
  if (dated.length === 0) problems.push(`no event of ${topicId} with its title and year`);
  return problems;
}

/** The event ids listed on an extension page (popup or timeline). */
export function listedEventIdsScript(): string[] {
  return Array.from(document.querySelectorAll('[data-event-id]')).map((el) => el.getAttribute('data-event-id') ?? '');
}

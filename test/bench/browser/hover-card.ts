/**
 * Hover → card in both browsers, for `npm run bench:browser` (`-- card`): the
 * production builds loaded in Chromium (playwright-core) and in Firefox ESR
 * (puppeteer-core over WebDriver BiDi), on the card tests' article of 9 April
 * 2024 at 1280×800, through the e2e helpers. On every page load the pointer
 * comes to rest on one name as soon as the marks are registered (the first
 * card: the reader UI is loaded only if idle time came first, ADR 0010), then
 * on the other name (a later card); names alternate between loads. Prints
 * figures and the cards' sizes; asserts no time.
 */
import type { Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { launchChromium } from '../../e2e/helpers/chromium';
import { launchFirefox } from '../../e2e/helpers/firefox';
import { cardGeometry, visibleCardText } from '../../e2e/helpers/card-access';
import { CARD_HOST_NAME, CARD_PATH, HMC, SUDANI, cardArticleHtml } from '../../e2e/helpers/card-pages';
import { wordCentre, type WordQuery } from '../../e2e/helpers/dom';
import {
  corpus,
  playwrightDriver,
  pointerAway,
  puppeteerDriver,
  until,
  waitForMarks,
  waitForNoCard,
  type Driver,
} from '../../e2e/helpers/scenario';

/** Page loads measured per browser, after one that warms the browser up (printed apart). */
const LOADS = 10;
const VIEWPORT = { width: 1280, height: 800 };
const DWELL_MS = DEFAULT_SETTINGS.dwellMs;

interface Name {
  name: string;
  q: WordQuery;
  topic: string;
}
const NAMES: readonly [Name, Name] = [
  { name: 'al-Sudani', q: SUDANI, topic: 'sudani' },
  { name: 'the Higher Military Commission', q: HMC, topic: 'higher-military-commission' },
];

/** A tab showing the article, loaded afresh. */
interface Tab {
  d: Driver;
  close(): Promise<void>;
}

interface Session {
  version: string;
  open(): Promise<Tab>;
  close(): Promise<void>;
}

interface Recorded {
  /** When the pointer last moved (the event's timeStamp), on the page's clock. */
  rest: number;
  /** When the card's dialog was first in the page and visible, on the same clock; 0 until then. */
  shown: number;
}
/** What the page recorded, kept on its window. */
type BenchGlobal = { siyaqHoverBench?: Recorded & { stop: AbortController } };

/**
 * Runs in the page with the card's shadow root, which is null until the first
 * card creates its host: notes every pointer move, and the moment a card
 * shows. The host is appended, and the card rendered into it, in one task, so
 * before the first card the host's arrival is the card's.
 */
function arm(root: ShadowRoot | null): void {
  const w = window as unknown as BenchGlobal;
  w.siyaqHoverBench?.stop.abort();
  const rec = { rest: 0, shown: 0, stop: new AbortController() };
  w.siyaqHoverBench = rec;
  addEventListener('pointermove', (e) => (rec.rest = e.timeStamp), { capture: true, passive: true, signal: rec.stop.signal });
  // No named inner functions: tsx would wrap them in a helper the page does not have.
  const observer = new MutationObserver(() => {
    const frame = root?.querySelector<HTMLElement>('.siyaq-frame');
    const dialog = root?.querySelector('[role="dialog"]');
    const shows = root ? !!frame && !frame.hidden && !!dialog && dialog.checkVisibility() : !!document.querySelector('[data-siyaq-card]');
    if (!shows) return;
    rec.shown = performance.now();
    observer.disconnect();
  });
  observer.observe(root ?? document.documentElement, root ? { subtree: true, childList: true, attributes: true } : { childList: true });
  rec.stop.signal.addEventListener('abort', () => observer.disconnect());
}

function recorded(): Recorded | null {
  const rec = (window as unknown as BenchGlobal).siyaqHoverBench;
  return rec && rec.shown > 0 ? { rest: rec.rest, shown: rec.shown } : null;
}

/** Ms from the pointer's rest on the name to its card showing; checks it is that name's card. */
async function hoverToCard(d: Driver, n: Name): Promise<number> {
  await pointerAway(d);
  await waitForNoCard(d, 3_000);
  const at = await d.evaluate(wordCentre, n.q);
  if (!at) throw new Error(`«${n.q.phrase}» not found in the article`);
  await d.card(arm, null);
  await d.move(at.x, at.y);
  const { rest, shown } = await until(() => d.evaluate(recorded, null), 5_000, `no card after resting on «${n.q.word}»`);
  const label = corpus().topics.find((t) => t.id === n.topic)!.label.ar;
  const text = await d.card(visibleCardText, null);
  if (!text?.includes(label)) throw new Error(`resting on «${n.q.word}» showed another card: ${text ?? 'none'}`);
  if (rest <= 0) throw new Error('no pointer move reached the page');
  return shown - rest;
}

/** The open card's size in CSS px, and the language its UI speaks. */
async function cardSize(d: Driver): Promise<string> {
  const g = await d.card(cardGeometry, null);
  const lang = await d.card((root) => root?.querySelector('[role="dialog"]')?.getAttribute('lang') ?? '?', null);
  if (!g) throw new Error('the card closed before its size was read');
  return `${Math.round(g.width)}×${Math.round(g.height)} px (${lang} UI)`;
}

/** Nearest-rank quantile. */
function quantile(xs: readonly number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
const ms = (x: number): string => `${Math.round(x)} ms`;

function line(what: string, times: readonly number[]): string {
  const fig = (off: number) => `median ${ms(quantile(times, 0.5) - off)}, p90 ${ms(quantile(times, 0.9) - off)}`;
  return `${what.padEnd(28)} ${fig(0)}; minus the dwell ${fig(DWELL_MS)}   runs: ${times.map(ms).join(', ')}`;
}

async function measure(browser: string, session: Session): Promise<void> {
  console.log(
    `\n== Hover → card, ${browser} ${session.version} headless, production build, ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `the card tests' article; ${LOADS} page loads after one that warms up`,
  );
  const first: number[] = [];
  const later: number[] = [];
  const sizes = new Map<string, Set<string>>(NAMES.map((n) => [n.name, new Set()]));
  let cold = 0;
  for (let i = 0; i <= LOADS; i++) {
    const [a, b] = i % 2 === 0 ? NAMES : ([NAMES[1], NAMES[0]] as const);
    const tab = await session.open();
    try {
      await waitForMarks(tab.d);
      const firstMs = await hoverToCard(tab.d, a);
      sizes.get(a.name)!.add(await cardSize(tab.d));
      const laterMs = await hoverToCard(tab.d, b);
      sizes.get(b.name)!.add(await cardSize(tab.d));
      if (i === 0) cold = firstMs;
      else {
        first.push(firstMs);
        later.push(laterMs);
      }
    } finally {
      await tab.close();
    }
  }
  console.log(`from the pointer's rest on a marked name to the card's dialog visible; includes the ${DWELL_MS} ms dwell`);
  console.log(line('first card of a page load', first));
  console.log(line('later card, the other name', later));
  console.log(`first card of the warm-up load (the browser's first page): ${ms(cold)}`);
  for (const [name, seen] of sizes) console.log(`card size at ${VIEWPORT.width}×${VIEWPORT.height}, ${name}: ${[...seen].join(' / ')}`);
}

const versionOf = (userAgent: string): string => /(?:chrome|firefox)\/([\d.]+)/i.exec(userAgent)?.[1] ?? userAgent;

async function chromiumSession(extensionDir: string): Promise<Session> {
  const url = `https://${CARD_HOST_NAME}${CARD_PATH}`;
  const s = await launchChromium({ pages: { [url]: cardArticleHtml() }, viewport: VIEWPORT, extensionDir });
  const tab = (page: PlaywrightPage): Tab => ({ d: playwrightDriver(page), close: () => page.close() });
  // The user agent says 156.0.0.0; the browser itself tells its build.
  const probe = await s.open('about:blank');
  const cdp = await s.context.newCDPSession(probe);
  const version = versionOf((await cdp.send('Browser.getVersion')).product);
  await probe.close();
  return { version, open: async () => tab(await s.open(url)), close: () => s.close() };
}

async function firefoxSession(extensionDir: string): Promise<Session> {
  const s = await launchFirefox({ pages: { [CARD_PATH]: cardArticleHtml() }, extensionDir });
  const url = s.urlFor(CARD_HOST_NAME, CARD_PATH);
  const tab = (page: PuppeteerPage): Tab => ({ d: puppeteerDriver(page), close: () => page.close() });
  return {
    version: versionOf(await s.browser.version()),
    async open() {
      // Sized before it loads, so the first card is placed in the page as a reader's would be.
      const page = await s.browser.newPage();
      await page.setViewport(VIEWPORT);
      await page.goto(url, { waitUntil: 'load' });
      return tab(page);
    },
    close: () => s.close(),
  };
}

/** Measures one browser, then the other: one runs at a time. */
export async function hoverCardFigures(builds: { chrome: string; firefox: string }): Promise<void> {
  for (const [browser, start] of [
    ['Chromium', () => chromiumSession(builds.chrome)],
    ['Firefox ESR', () => firefoxSession(builds.firefox)],
  ] as const) {
    const session = await start();
    try {
      await measure(browser, session);
    } finally {
      await session.close();
    }
  }
}

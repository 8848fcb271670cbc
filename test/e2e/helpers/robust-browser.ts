/**
 * Chromium plumbing for the robustness, lifecycle and privacy tests, on top of
 * the shared launcher (helpers/chromium.ts): pages opened with probes that run
 * in the page's main world before any page script, per-page error logs, the
 * highlight registry read from the page, JavaScript assets served with a
 * JavaScript type, and the service worker stopped or the extension reloaded
 * through the DevTools protocol.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './chromium';
import { chromiumCard, visibleCardText } from './card-access';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface RobustChromium extends ChromiumSession {
  /** URL → HTML the session serves; add to it at any time. */
  pages: Record<string, string>;
  /** Serves `body` at every URL ending in `path`, with a JavaScript MIME type (module scripts need one). */
  serveScript(path: string, body: string): Promise<void>;
  /** Opens url in a new tab with the main-world probes installed before the page's own scripts. */
  openProbed(url: string, opts?: { probes?: ProbeOptions | false }): Promise<ProbedPage>;
  /** The extension's current service worker (a new one after a stop or a reload). */
  worker(): Promise<Worker>;
}

export interface ProbedPage {
  page: Page;
  /** console.error messages and uncaught exceptions of this page, from any world. */
  errors: string[];
}

export async function launchRobustChromium(pages: Record<string, string> = {}): Promise<RobustChromium> {
  // The shared launcher looks pages up in this very object on every request, so later additions are served.
  // The build is helpers/paths.ts CHROME_BUILD (SIYAQ_E2E_CHROME_BUILD may name a copy of it).
  const session = await launchChromium({ pages });
  const { context } = session;
  return {
    ...session,
    pages,
    async serveScript(path, body) {
      // Registered after the launcher's catch-all route, so it is asked first.
      await context.route(`**${path}`, (route) => route.fulfill({ status: 200, body, contentType: 'text/javascript; charset=utf-8' }));
    },
    async openProbed(url, opts = {}) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
      if (opts.probes !== false) await page.addInitScript(installPageProbes, opts.probes ?? { text: true, mutations: true });
      await page.goto(url, { waitUntil: 'load' });
      return { page, errors };
    },
    async worker() {
      const id = session.extensionId;
      for (let i = 0; i < 200; i++) {
        const live = context.serviceWorkers().filter((w) => w.url().startsWith(`chrome-extension://${id}/`));
        const last = live[live.length - 1];
        if (last) return last;
        await sleep(50);
      }
      return context.waitForEvent('serviceworker', { timeout: 10_000 });
    },
  };
}

/* ------------------------------------------------------------------------- */
/* Probes that run in the page's main world before its own scripts.          */
/* ------------------------------------------------------------------------- */

export interface PageProbes {
  /** Long tasks (PerformanceObserver 'longtask', buffered), ms since navigation start. */
  longTasks: { start: number; duration: number }[];
  /** Scripts that ran inside long animation frames, with their source URL (Long Animation Frames API). */
  loafScripts: { start: number; duration: number; sourceURL: string; invoker: string }[];
  /** When the page's DOMContentLoaded listeners ran. */
  domReadyAt: number;
  /** document.body.innerText at DOMContentLoaded, before any content script at document_idle. */
  textAtDomReady: string | null;
  /** Mutations of the page's DOM after DOMContentLoaded, except those inside or of <siyaq-card>. */
  foreignMutations: string[];
  /** Every mutation record after DOMContentLoaded (the page's own changes included). */
  mutationCount: number;
}

export interface ProbeOptions {
  /** Read document.body.innerText at DOMContentLoaded (a long task of its own on a 2 MB page). */
  text: boolean;
  /** Record the DOM's mutations from DOMContentLoaded on. */
  mutations: boolean;
}

declare global {
  interface Window {
    __probes?: PageProbes;
  }
}

/**
 * Runs in the main world before the page's scripts (page.addInitScript). It
 * must be self-contained: Playwright serialises it.
 */
export function installPageProbes(opts: ProbeOptions): void {
  const probes: PageProbes = {
    longTasks: [],
    loafScripts: [],
    domReadyAt: -1,
    textAtDomReady: null,
    foreignMutations: [],
    mutationCount: 0,
  };
  window.__probes = probes;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probes.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: longTasks stays empty and the test that needs it says so.
  }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const frame = e as PerformanceEntry & {
          scripts?: { startTime: number; duration: number; sourceURL: string; invoker: string }[];
        };
        for (const s of frame.scripts ?? []) {
          probes.loafScripts.push({ start: s.startTime, duration: s.duration, sourceURL: s.sourceURL, invoker: s.invoker });
        }
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // No Long Animation Frames API (Firefox): loafScripts stays empty.
  }
  const isOurs = (node: Node | null): boolean => {
    for (let n: Node | null = node; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null)) {
      if (n instanceof Element && n.localName === 'siyaq-card') return true;
    }
    return false;
  };
  const describe = (n: Node): string =>
    n instanceof Element ? `<${n.localName}${n.id ? `#${n.id}` : ''}>` : `${n.nodeName}(${(n.textContent ?? '').slice(0, 30)})`;
  document.addEventListener('DOMContentLoaded', () => {
    probes.domReadyAt = performance.now();
    if (opts.text) probes.textAtDomReady = document.body?.innerText ?? null;
    if (!opts.mutations) return;
    new MutationObserver((records) => {
      for (const r of records) {
        probes.mutationCount++;
        const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
        const ours =
          isOurs(r.target) || (nodes.length > 0 && nodes.every((n) => isOurs(n) || (n instanceof Element && n.localName === 'siyaq-card')));
        if (!ours && probes.foreignMutations.length < 50) {
          probes.foreignMutations.push(
            `${r.type} on ${describe(r.target)}${r.attributeName ? ` [${r.attributeName}]` : ''}${nodes.length ? `: ${nodes.map(describe).join(', ')}` : ''}`,
          );
        }
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function readProbes(page: Page): Promise<PageProbes> {
  return page.evaluate(() => {
    const p = window.__probes;
    if (!p) throw new Error('page probes not installed');
    return JSON.parse(JSON.stringify(p)) as PageProbes;
  });
}

/**
 * Marks the page's own mutations as expected from here on: the test is about
 * to call a page function that changes the DOM itself.
 */
export function resetMutations(page: Page): Promise<void> {
  return page.evaluate(() => {
    if (window.__probes) window.__probes.foreignMutations = [];
  });
}

/* ------------------------------------------------------------------------- */
/* Reading the marks.                                                        */
/* ------------------------------------------------------------------------- */

export interface MarkInfo {
  /** Highlight name → the text of each range, in registry order. */
  byName: Record<string, string[]>;
  /** Texts of ranges that start or end inside contenteditable, a form field or an SVG. */
  inForbidden: string[];
}

/**
 * The page's highlight registry, read in the main world. Chromium keeps one
 * registry per document, shared by the page and every isolated world, so the
 * main world sees the content script's highlights (checked: this read returns
 * Siyaq's ranges with their text).
 */
export function readMarks(page: Page): Promise<MarkInfo> {
  return page.evaluate(collectMarks);
}

/** The page-side half of readMarks, self-contained so either driver (Playwright, Puppeteer) can send it. */
export function collectMarks(): MarkInfo {
  const byName: Record<string, string[]> = {};
  const inForbidden: string[] = [];
  const forbidden = (n: Node): boolean => {
    const el = n instanceof Element ? n : n.parentElement;
    return !!el?.closest('[contenteditable]:not([contenteditable=false]), input, textarea, select, svg');
  };
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return { byName, inForbidden };
  CSS.highlights.forEach((highlight, name) => {
    const texts: string[] = [];
    highlight.forEach((r) => {
      const range = r as Range;
      texts.push(range.toString());
      if (forbidden(range.startContainer) || forbidden(range.endContainer)) inForbidden.push(range.toString());
    });
    byName[name] = texts;
  });
  return { byName, inForbidden };
}

export const MARK_NAME = 'siyaq-mention-tint';

/** The texts under Siyaq's default (tint) marks. */
export async function markedTexts(page: Page): Promise<string[]> {
  return (await readMarks(page)).byName[MARK_NAME] ?? [];
}

/** Polls until `check` holds for the marked texts; returns them. Throws with the last seen texts. */
export async function waitForMarked(
  page: Page,
  check: (texts: string[]) => boolean,
  what: string,
  timeoutMs = 5_000,
): Promise<{ texts: string[]; ms: number }> {
  const started = Date.now();
  let texts: string[] = [];
  for (;;) {
    texts = await markedTexts(page);
    if (check(texts)) return { texts, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) {
      throw new Error(`Timed out after ${timeoutMs} ms waiting for marks: ${what}. Marked now: ${JSON.stringify(texts)}`);
    }
    await sleep(25);
  }
}

/* ------------------------------------------------------------------------- */
/* Hovering and the card.                                                    */
/* ------------------------------------------------------------------------- */

/** The centre of `word` inside `phrase` under `within`, scrolled into view; null when absent. */
export function wordPoint(page: Page, q: { within: string; phrase: string; word: string }): Promise<{ x: number; y: number } | null> {
  return page.evaluate((q) => {
    const root = document.querySelector(q.within);
    if (!root) return null;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.nodeValue ?? '').indexOf(q.phrase);
      if (at < 0) continue;
      const start = at + q.phrase.indexOf(q.word);
      const range = document.createRange();
      range.setStart(node, start);
      range.setEnd(node, start + q.word.length);
      (node.parentElement ?? root).scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }
    return null;
  }, q);
}

/** The text of Siyaq's card when one is showing (its closed shadow root, reached over CDP), else null. */
export function cardText(page: Page): Promise<string | null> {
  return chromiumCard(page, visibleCardText, null);
}

/**
 * Moves the pointer off any text (closing an open card), then onto the word, and waits for a card
 * holding `expect` (the topic's Arabic label). Returns its text and the time
 * from the move.
 */
export async function hoverForCard(
  page: Page,
  q: { within: string; phrase: string; word: string },
  expect: string,
  timeoutMs = 5_000,
): Promise<{ text: string; ms: number }> {
  await page.mouse.move(2, 2);
  // A card still open (it may cover the next word) is closed first, as a reader would with Escape.
  if ((await cardText(page)) !== null) {
    await page.keyboard.press('Escape');
    for (let i = 0; i < 40 && (await cardText(page)) !== null; i++) await sleep(50);
  }
  const point = await wordPoint(page, q);
  if (!point) throw new Error(`«${q.phrase}» not found in ${q.within}`);
  const started = Date.now();
  await page.mouse.move(point.x, point.y, { steps: 3 });
  let last: string | null = null;
  for (;;) {
    last = await cardText(page);
    if (last?.includes(expect)) return { text: last, ms: Date.now() - started };
    if (Date.now() - started > timeoutMs) {
      throw new Error(`No card with «${expect}» within ${timeoutMs} ms of hovering «${q.word}» (card: ${JSON.stringify(last)})`);
    }
    await sleep(25);
  }
}

/* ------------------------------------------------------------------------- */
/* The service worker.                                                       */
/* ------------------------------------------------------------------------- */

/**
 * A DevTools session on a page with the ServiceWorker domain on. Chromium's
 * browser-level session has no ServiceWorker domain ('ServiceWorker.enable'
 * wasn't found, Chromium 156); a page's session has, and its stopAllWorkers
 * stops every worker of the profile's storage partition, the extension's
 * included (checked: its state goes running → stopping → stopped).
 */
export async function serviceWorkerControl(page: Page): Promise<{
  session: CDPSession;
  /** Stops every service worker now and resolves once the extension's is stopped. */
  stopAll(): Promise<void>;
  /** The extension worker's running status as last reported ('running', 'stopped', …). */
  status(): string;
  /** Resolves when the extension's worker next reports `status`. */
  next(status: string, timeoutMs?: number): Promise<void>;
}> {
  const session = await page.context().newCDPSession(page);
  let current = 'unknown';
  const waiters: { status: string; resolve: () => void }[] = [];
  session.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) {
      if (!v.scriptURL.startsWith('chrome-extension://')) continue;
      current = v.runningStatus;
      for (const w of waiters.splice(0)) {
        if (w.status === current) w.resolve();
        else waiters.push(w);
      }
    }
  });
  await session.send('ServiceWorker.enable');
  const next = (status: string, timeoutMs = 10_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the service worker did not reach "${status}" (last: ${current})`)), timeoutMs);
      waiters.push({
        status,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  return {
    session,
    async stopAll() {
      const stopped = current === 'stopped' ? Promise.resolve() : next('stopped');
      await session.send('ServiceWorker.stopAllWorkers');
      await stopped;
    },
    status: () => current,
    next,
  };
}

/**
 * Turns on developer mode in chrome://extensions.
 * Chromium 156 disables an unpacked extension that reloads itself
 * (chrome.runtime.reload()) when developer mode is off: it is then "not listed
 * in the Chrome Web Store and may have been added without your knowledge", and
 * its pages fail with ERR_BLOCKED_BY_CLIENT. With developer mode on, the reload
 * installs the same build again, as an update would.
 */
export async function enableDeveloperMode(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  try {
    await page.goto('chrome://extensions/');
    const toggle = page.locator('#devMode');
    if (!(await toggle.evaluate((el) => el.hasAttribute('checked')))) await toggle.click();
    await expectAttribute(() => toggle.evaluate((el) => el.hasAttribute('checked')), 'developer mode did not turn on');
  } finally {
    await page.close();
  }
}

async function expectAttribute(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(what);
}

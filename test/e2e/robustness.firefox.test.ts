/**
 * The part of the robustness suite Firefox ESR can be driven through here
 * (Puppeteer over WebDriver BiDi, production Firefox build, pages served
 * locally under a listed outlet's host name; helpers/firefox.ts): pages that
 * change after load, and the odd page of 50,000 nodes with frames, shadow
 * DOM, editable regions, form fields, SVG and mixed scripts.
 *
 * Not here: the 2 MB page's long tasks (Firefox has neither the Long Tasks API
 * nor a trace Puppeteer can read over BiDi), and the service-worker lifecycle
 * (BiDi has no handle on the extension's background).
 *
 * Marks are read from the page's main world: Firefox's highlight registry is
 * the document's, and the content script's ranges (made in its sandbox) are
 * seen there with their text; the first test fails if that ever stops.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from './helpers/firefox';
import { collectMarks, installPageProbes, MARK_NAME, type MarkInfo, type PageProbes } from './helpers/robust-browser';
import {
  DYNAMIC,
  dynamicPageHtml,
  ODD_FRAME_PATH,
  oddFrameHtml,
  oddPageHtml,
  oddPageInner,
  oddTextAfterEdit,
  TYPED_NAMES,
} from './helpers/robust-pages';

const LISTED_HOST = 'www.aljazeera.net';
const UNLISTED_HOST = 'example.org';
const PATHS = { dynamic: '/news/2024/9/24/live-coverage', odd: '/news/2024/9/24/odd-page' } as const;
const ODD_NODES = 50_000;
/** Firefox reads changes on a 200 ms idle timer where Chromium has requestIdleCallback: still well within this. */
const CHANGE_MS = 1_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasAll = (texts: string[], names: readonly string[]) => names.every((n) => texts.includes(n));

let session: FirefoxSession;

interface Opened {
  page: Page;
  errors: string[];
}

async function open(host: string, path: string): Promise<Opened> {
  const page = await session.browser.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${String(err)}`));
  await page.evaluateOnNewDocument(installPageProbes, { text: true, mutations: true });
  await page.goto(session.urlFor(host, path), { waitUntil: 'load' });
  return { page, errors };
}

const marks = (page: Page): Promise<MarkInfo> => page.evaluate(collectMarks);
const probes = (page: Page): Promise<PageProbes> =>
  page.evaluate(() => JSON.parse(JSON.stringify((window as unknown as { __probes: PageProbes }).__probes)) as PageProbes);

async function waitForMarked(page: Page, check: (t: string[]) => boolean, what: string, timeoutMs = 8_000): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const texts = (await marks(page)).byName[MARK_NAME] ?? [];
    if (check(texts)) return texts;
    if (Date.now() - started > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for marks: ${what}. Marked now: ${JSON.stringify(texts)}`);
    await sleep(40);
  }
}

function callPage(page: Page, fn: 'navigate' | 'loadMore' | 'livePost' | 'liveEdit'): Promise<void> {
  return page.evaluate((name) => {
    (window as unknown as { page: Record<string, () => void> }).page[name]!();
  }, fn);
}

beforeAll(async () => {
  session = await launchFirefox({
    pages: {
      [PATHS.dynamic]: dynamicPageHtml(),
      [PATHS.odd]: oddPageHtml(ODD_NODES),
      [ODD_FRAME_PATH]: oddFrameHtml(),
    },
  });
});

afterAll(async () => {
  await session?.close();
});

describe('Firefox ESR: pages that change after load', () => {
  it('marks the article pushState swaps in, the one infinite scroll appends, and a live blog’s new and rewritten entries', async () => {
    const { page, errors } = await open(LISTED_HOST, PATHS.dynamic);
    try {
      const first = await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article (read from the main world)');
      expect(first.sort()).toEqual([...DYNAMIC.first.names].sort());

      await callPage(page, 'navigate');
      await waitForMarked(
        page,
        (t) => hasAll(t, DYNAMIC.navigated.names) && !DYNAMIC.first.names.some((n) => t.includes(n)),
        'the article swapped in by pushState, and none of the replaced one’s names',
        CHANGE_MS,
      );
      await callPage(page, 'loadMore');
      await waitForMarked(
        page,
        (t) => hasAll(t, [...DYNAMIC.navigated.names, ...DYNAMIC.appended.names]),
        'the appended article',
        CHANGE_MS,
      );
      await callPage(page, 'livePost');
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.livePost.names), 'the live post', CHANGE_MS);
      await callPage(page, 'liveEdit');
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.liveEdit.names), 'the entry rewritten in place', CHANGE_MS);
      const texts = (await marks(page)).byName[MARK_NAME] ?? [];
      expect(
        texts.every((s) => s.trim() !== ''),
        `an empty (collapsed) range is still painted: ${JSON.stringify(texts)}`,
      ).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Firefox ESR: an odd page', () => {
  it(`${ODD_NODES.toLocaleString('en')} nodes, frames, shadow DOM, editable regions, fields, SVG, mixed scripts: no error, no change, no mark where the reader types`, async () => {
    const listed = await open(LISTED_HOST, PATHS.odd);
    const plain = await open(UNLISTED_HOST, PATHS.odd);
    try {
      const { page, errors } = listed;
      // The control page opened last is the one in front; Firefox throttles the
      // timers of a tab behind it to one a second, and Siyaq yields between
      // slices of the page with timers: read the article in front, as a reader would.
      await page.bringToFront();
      await waitForMarked(page, (t) => t.includes('محمد شياع السوداني'), 'a mark in the article’s prose', 15_000);
      expect((await probes(page)).foreignMutations, 'mutations of the page’s DOM while Siyaq read it').toEqual([]);

      // Values set the way a page's autofill would (BiDi key input of Arabic is not reliable), then an edit by keyboard.
      for (const p of [page, plain.page]) {
        await p.evaluate((typed) => {
          const set = (sel: string, value: string) => {
            const el = document.querySelector(sel) as HTMLInputElement | HTMLTextAreaElement;
            el.value = value;
            el.dispatchEvent(new Event('input', { bubbles: true }));
          };
          set('#name-input', typed.input);
          set('#name-textarea', typed.textarea);
          (document.querySelector('#editable p')!.firstChild as Text).appendData(' أنتوني بلينكن');
        }, TYPED_NAMES);
      }
      await page.evaluate(() => {
        (window as unknown as { __probes: PageProbes }).__probes.foreignMutations = [];
      });
      // Pointer over the prose, so Siyaq's hover path runs too.
      const point = await page.evaluate(() => {
        const el = document.getElementById('mixed')!;
        el.scrollIntoView({ block: 'center' });
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + 10 };
      });
      await page.mouse.move(point.x, point.y, { steps: 3 });
      await sleep(1_000);

      const found = await marks(page);
      expect(found.inForbidden, 'marks inside contenteditable, a form field or SVG').toEqual([]);
      const values = (p: Page) =>
        p.evaluate(() => [
          (document.querySelector('#name-input') as HTMLInputElement).value,
          (document.querySelector('#name-textarea') as HTMLTextAreaElement).value,
        ]);
      expect(await values(page)).toEqual([TYPED_NAMES.input, TYPED_NAMES.textarea]);
      expect((await probes(page)).foreignMutations, 'mutations of the page’s DOM by Siyaq after the edits').toEqual([]);

      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toBe(await plain.page.evaluate(() => document.body.innerText));
      const atDomReady = (await probes(page)).textAtDomReady;
      expect(text).toBe(oddTextAfterEdit(atDomReady));
      expect(await page.evaluate(oddPageInner)).toEqual(await plain.page.evaluate(oddPageInner));
      expect(errors).toEqual([]);
      expect(plain.errors).toEqual([]);
    } finally {
      await listed.page.close();
      await plain.page.close();
    }
  });
});

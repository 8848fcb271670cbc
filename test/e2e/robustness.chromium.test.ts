/**
 * "Never break a page, never slow the reader", in Chromium with the production
 * build: pages that change after load (client-side navigation, infinite
 * scroll, a live blog), pages that re-render their text with Preact or by
 * hand, a 2 MB page, and a page of 50,000 nodes with frames, shadow DOM,
 * editable regions, form fields, SVG and mixed scripts.
 *
 * Marks are read from the page's main world: Chromium keeps one highlight
 * registry per document, shared by the page and the content script's isolated
 * world, so `CSS.highlights.get('siyaq-mention-tint')` in page.evaluate
 * returns Siyaq's own ranges (the first test fails if it ever stops doing so).
 *
 * One browser for the whole file; each test opens its own tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hoverForCard,
  installPageProbes,
  launchRobustChromium,
  markedTexts,
  MARK_NAME,
  readMarks,
  readProbes,
  resetMutations,
  waitForMarked,
  type RobustChromium,
} from './helpers/robust-browser';
import {
  DYNAMIC,
  dynamicPageHtml,
  hugePageHtml,
  LISTED_ORIGIN,
  ODD_FRAME_PATH,
  oddFrameHtml,
  oddPageHtml,
  oddPageInner,
  oddTextAfterEdit,
  preactHooksModule,
  preactModule,
  preactPageHtml,
  PREACT_HOOKS_PATH,
  PREACT_PATH,
  TYPED_NAMES,
  UNLISTED_ORIGIN,
  vanillaRerenderPageHtml,
} from './helpers/robust-pages';
import { attributeLongTasks, formatTasks, LONG_TASK_MS, TRACE_CATEGORIES } from './helpers/robust-trace';

const PATHS = {
  dynamic: '/news/2024/9/24/live-coverage',
  preact: '/news/2024/9/24/preact-app',
  vanilla: '/news/2024/9/24/rerendered',
  huge: '/news/2024/9/24/archive-2mb',
  odd: '/news/2024/9/24/odd-page',
} as const;

/** How soon a change to the page must be marked. */
const CHANGE_MS = 1_000;
const HUGE_BYTES = 2 * 1024 * 1024;
const ODD_NODES = 50_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasAll = (texts: string[], names: readonly string[]) => names.every((n) => texts.includes(n));
const hasNone = (texts: string[], names: readonly string[]) => names.every((n) => !texts.includes(n));

let browser: RobustChromium;

beforeAll(async () => {
  const pages: Record<string, string> = {};
  for (const origin of [LISTED_ORIGIN, UNLISTED_ORIGIN]) {
    pages[origin + PATHS.dynamic] = dynamicPageHtml();
    pages[origin + PATHS.preact] = preactPageHtml();
    pages[origin + PATHS.vanilla] = vanillaRerenderPageHtml();
    pages[origin + PATHS.odd] = oddPageHtml(ODD_NODES);
    pages[origin + ODD_FRAME_PATH] = oddFrameHtml();
  }
  browser = await launchRobustChromium(pages);
  await browser.serveScript(PREACT_PATH, preactModule());
  await browser.serveScript(PREACT_HOOKS_PATH, preactHooksModule());
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium: pages that change after load', () => {
  it('reads the highlight registry from the main world, where Siyaq’s ranges carry their text', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.dynamic);
    try {
      const { texts } = await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article’s names');
      expect(texts.sort()).toEqual([...DYNAMIC.first.names].sort());
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('marks an article swapped in by history.pushState within a second, and drops the old one’s marks', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.dynamic);
    try {
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article');
      await page.evaluate(() => (window as unknown as { page: { navigate(): void } }).page.navigate());
      expect(page.url()).toContain('/second-story');
      const { texts, ms } = await waitForMarked(
        page,
        (t) => hasAll(t, DYNAMIC.navigated.names) && hasNone(t, DYNAMIC.first.names),
        'the new article’s names, and none of the replaced one’s',
        CHANGE_MS,
      );
      expect(texts.sort(), `after ${ms} ms`).toEqual([...DYNAMIC.navigated.names].sort());
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('marks a second article appended by infinite scroll within a second', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.dynamic);
    try {
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article');
      await page.evaluate(() => (window as unknown as { page: { loadMore(): void } }).page.loadMore());
      await waitForMarked(
        page,
        (t) => hasAll(t, [...DYNAMIC.first.names, ...DYNAMIC.appended.names]),
        `the appended article’s names (${DYNAMIC.appended.names.join('، ')}) beside the first article’s`,
        CHANGE_MS,
      );
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a live blog: a new paragraph and an entry rewritten in place are marked within a second', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.dynamic);
    try {
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article');
      await page.evaluate(() => (window as unknown as { page: { livePost(): void } }).page.livePost());
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.livePost.names), 'the new live post', CHANGE_MS);
      // The last paragraph names «كتائب حزب الله»; the page rewrites its text node's data.
      await page.evaluate(() => (window as unknown as { page: { liveEdit(): void } }).page.liveEdit());
      const { texts } = await waitForMarked(
        page,
        (t) => hasAll(t, DYNAMIC.liveEdit.names) && !t.includes('كتائب حزب الله'),
        'the rewritten entry’s new name, and not the name it no longer holds',
        CHANGE_MS,
      );
      expect(texts.sort()).toEqual(['محمد شياع السوداني', ...DYNAMIC.livePost.names, ...DYNAMIC.liveEdit.names].sort());
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('keeps every mark on its words when the text nodes under the marks change', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.dynamic);
    try {
      await waitForMarked(page, (t) => hasAll(t, DYNAMIC.first.names), 'the first article');
      // Text inserted before a marked name in the same node: the live range must move with its word.
      await page.evaluate(() => {
        const node = document.getElementById('first-p0')!.firstChild as Text;
        node.insertData(0, 'عاجل — ');
        node.appendData(' (تحديث)');
      });
      await sleep(300);
      expect((await markedTexts(page)).sort(), 'after text was inserted around a marked name').toEqual([...DYNAMIC.first.names].sort());

      // The whole data of a marked name's node replaced: its range collapses; Siyaq must read the node again.
      await page.evaluate(() => {
        const node = document.getElementById('first-p0')!.firstChild as Text;
        node.data = 'تمهيد أطول من قبل بكثير حتى تتغير المواضع كلها، ثم قال محمد شياع السوداني إن الحوار مستمر.';
      });
      const rewritten = await waitForMarked(
        page,
        (t) => hasAll(t, DYNAMIC.first.names) && t.every((s) => s.trim() !== ''),
        'the name in the rewritten node, with no empty (collapsed) range left behind',
        CHANGE_MS,
      );
      expect(rewritten.texts.sort()).toEqual([...DYNAMIC.first.names].sort());

      // A name swapped for another inside the same node.
      await page.evaluate(() => {
        const node = document.getElementById('first-p1')!.firstChild as Text;
        node.data = node.data.replace('كتائب حزب الله', 'حركة حماس');
      });
      const swapped = await waitForMarked(
        page,
        (t) => t.includes('حركة حماس') && !t.includes('كتائب حزب الله'),
        'the new name where the old one was',
        CHANGE_MS,
      );
      expect(swapped.texts.sort()).toEqual(['حركة حماس', 'محمد شياع السوداني'].sort());
      // And the ranges lie in the page's current nodes, where the words are.
      const placed = await page.evaluate((name) => {
        const h = CSS.highlights.get(name);
        return h ? [...h].map((r) => (r as Range).startContainer.isConnected && (r as Range).endContainer.isConnected) : [];
      }, MARK_NAME);
      expect(placed.every(Boolean)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Chromium: pages that re-render their text', () => {
  it('a Preact app hydrates, re-mounts its article and updates state under the marks: no error, its button still works', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.preact);
    try {
      await page.waitForFunction(() => (window as unknown as { appReady?: boolean }).appReady === true);
      await waitForMarked(page, (t) => hasAll(t, ['محمد شياع السوداني', 'لويد أوستن', 'كتائب حزب الله']), 'the app’s article');
      const like = page.locator('#like');
      await like.click();
      await like.click();
      await expect.poll(() => like.textContent()).toBe('أعجبني (2)');

      // A keyed re-render: Preact throws the article subtree away and builds new nodes.
      const before = await page.evaluate(() => document.querySelector('#lead')!.firstChild);
      await page.evaluate(() => (window as unknown as { page: { remount(): void } }).page.remount());
      expect(await page.evaluate(() => document.querySelector('article')!.getAttribute('data-gen'))).toBe('1');
      expect(before).not.toBeNull();
      await waitForMarked(
        page,
        (t) => hasAll(t, ['محمد شياع السوداني', 'لويد أوستن', 'كتائب حزب الله']),
        'the re-mounted article',
        CHANGE_MS,
      );
      const connected = await page.evaluate((name) => {
        const h = CSS.highlights.get(name);
        return h ? [...h].every((r) => (r as Range).startContainer.isConnected) : false;
      }, MARK_NAME);
      expect(connected, 'a mark still points at a node Preact removed').toBe(true);

      // A state update that changes the text around and inside a marked name.
      await page.evaluate(() => (window as unknown as { page: { setHeadlineName(i: number): void } }).page.setHeadlineName(1));
      await waitForMarked(
        page,
        (t) => t.includes('أنتوني بلينكن') && !t.includes('لويد أوستن'),
        'the name the state update wrote',
        CHANGE_MS,
      );

      // The page keeps working: its own button updates its own text after all this.
      await like.click();
      await expect.poll(() => like.textContent()).toBe('أعجبني (1)');
      // And a mark on the new nodes still opens its card.
      await hoverForCard(page, { within: '#changing', phrase: 'أنتوني بلينكن', word: 'بلينكن' }, 'أنتوني بلينكن');
      expect(await page.evaluate(() => (window as unknown as { appErrors: number }).appErrors)).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('a page that replaces its innerHTML and ticks a counter many times keeps working, marked and error-free', async () => {
    const { page, errors } = await browser.openProbed(LISTED_ORIGIN + PATHS.vanilla);
    try {
      await waitForMarked(page, (t) => hasAll(t, ['أنتوني بلينكن', 'كتائب حزب الله', 'محمد شياع السوداني']), 'the rendered article');
      await page.evaluate(async () => {
        const p = (window as unknown as { page: { rerender(): void; tick(): void } }).page;
        for (let i = 0; i < 20; i++) {
          p.tick();
          if (i % 5 === 0) p.rerender();
          await new Promise((r) => setTimeout(r, 10));
        }
      });
      expect(await page.textContent('#n')).toBe('20');
      await waitForMarked(
        page,
        (t) => hasAll(t, ['أنتوني بلينكن', 'كتائب حزب الله', 'محمد شياع السوداني']),
        'the re-rendered article',
        CHANGE_MS,
      );
      const connected = await page.evaluate((name) => {
        const h = CSS.highlights.get(name);
        return h ? [...h].every((r) => (r as Range).startContainer.isConnected) : false;
      }, MARK_NAME);
      expect(connected).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('Chromium: huge and odd pages', () => {
  it(`a 2 MB Arabic page: no task over ${LONG_TASK_MS} ms is Siyaq’s`, async () => {
    const html = hugePageHtml(HUGE_BYTES);
    expect(Buffer.byteLength(html)).toBeGreaterThanOrEqual(HUGE_BYTES);
    const listed = LISTED_ORIGIN + PATHS.huge;
    const unlisted = UNLISTED_ORIGIN + PATHS.huge;
    browser.pages[listed] = html;
    browser.pages[unlisted] = html;
    const light = { text: false, mutations: false };

    // Control: the same page where Siyaq does not run. Its long tasks (parsing, layout) are the page's own.
    const control = await browser.openProbed(unlisted, { probes: light });
    await sleep(2_000);
    const controlTasks = (await readProbes(control.page)).longTasks;
    await control.page.close();

    // With Siyaq, traced with the sampling profiler, so each long task's Siyaq time is known (helpers/robust-trace.ts).
    const page = await browser.context.newPage();
    const chromium = browser.context.browser();
    if (!chromium) throw new Error('no Browser object for tracing');
    await page.addInitScript(installPageProbes, light);
    await chromium.startTracing(page, { categories: TRACE_CATEGORIES });
    let trace: Buffer;
    try {
      await page.goto(listed, { waitUntil: 'load' });
      await waitForMarked(page, (t) => t.length > 0, 'any mark on the 2 MB page', 15_000);
      // Let the chunked read finish: marks stop changing for a second.
      let last = -1;
      for (let stable = 0; stable < 4;) {
        const n = (await markedTexts(page)).length;
        stable = n === last ? stable + 1 : 0;
        last = n;
        await sleep(250);
      }
    } finally {
      trace = await chromium.stopTracing();
    }
    const seen = (await readProbes(page)).longTasks;
    await page.close();

    const result = attributeLongTasks(trace, listed, `chrome-extension://${browser.extensionId}/`);
    const report =
      `long tasks with Siyaq (trace):\n${formatTasks(result.tasks)}\n` +
      `the page saw ${seen.length} long tasks with Siyaq, ${controlTasks.length} without (control: ` +
      `${controlTasks.map((t) => `${t.duration.toFixed(0)} ms`).join(', ')}); Siyaq ran ${result.extensionTotalMs.toFixed(0)} ms in all, ` +
      `its longest uninterrupted stretch ${result.longestExtensionTaskMs.toFixed(0)} ms`;
    expect(result.extensionTotalMs, `the trace saw no Siyaq code: the attribution would prove nothing\n${report}`).toBeGreaterThan(0);
    expect(
      result.tasks.filter((t) => t.attributable),
      report,
    ).toEqual([]);
  });

  it(`a page of ${ODD_NODES.toLocaleString('en')} nodes with frames, shadow DOM, editable regions, fields, SVG and mixed scripts: no error, no change, no mark where the reader types`, async () => {
    const listed = await browser.openProbed(LISTED_ORIGIN + PATHS.odd);
    const plain = await browser.openProbed(UNLISTED_ORIGIN + PATHS.odd);
    try {
      const { page, errors } = listed;
      expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThanOrEqual(ODD_NODES);
      await waitForMarked(page, (t) => t.includes('محمد شياع السوداني'), 'a mark in the article’s prose', 10_000);
      // Siyaq has read the page: so far it changed nothing in it.
      expect((await readProbes(page)).foreignMutations, 'mutations of the page’s DOM while Siyaq read it').toEqual([]);

      // The reader types corpus names into the form fields and an editable region.
      await page.fill('#name-input', TYPED_NAMES.input);
      await page.fill('#name-textarea', TYPED_NAMES.textarea);
      await page.click('#editable p');
      await page.keyboard.press('End');
      await page.keyboard.type(' أنتوني بلينكن');
      await resetMutations(page);
      // Hover and open a card, and wait past any re-read of the edits.
      await hoverForCard(page, { within: '#mixed', phrase: 'محمد شياع السوداني', word: 'السوداني' }, 'محمد شياع السوداني');
      await page.keyboard.press('Escape');
      await sleep(800);

      const marks = await readMarks(page);
      expect(marks.inForbidden, 'marks inside contenteditable, a form field or SVG').toEqual([]);
      expect(await page.inputValue('#name-input')).toBe(TYPED_NAMES.input);
      expect(await page.inputValue('#name-textarea')).toBe(TYPED_NAMES.textarea);
      expect(await page.textContent('#editable p')).toContain('أنتوني بلينكن');
      expect((await readProbes(page)).foreignMutations, 'mutations of the page’s DOM by Siyaq after the edits').toEqual([]);

      // The page's text: as at DOMContentLoaded (before Siyaq ran) bar the typed words, and as on a host Siyaq does not read.
      await plain.page.click('#editable p');
      await plain.page.keyboard.press('End');
      await plain.page.keyboard.type(' أنتوني بلينكن');
      const text = await page.evaluate(() => document.body.innerText);
      expect(text).toBe(await plain.page.evaluate(() => document.body.innerText));
      const atDomReady = (await readProbes(page)).textAtDomReady;
      expect(text).toBe(oddTextAfterEdit(atDomReady));
      // Frames and the shadow root are untouched too.
      expect(await page.evaluate(oddPageInner)).toEqual(await plain.page.evaluate(oddPageInner));
      expect(errors).toEqual([]);
      expect(plain.errors).toEqual([]);
    } finally {
      await listed.page.close();
      await plain.page.close();
    }
  });
});

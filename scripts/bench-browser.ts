/**
 * `npm run bench:browser`: Siyaq against mark.js, and the content script's
 * budgets, measured in one headless Chromium (/usr/bin/chromium); hover → card
 * in Chromium and Firefox ESR. Prints figures; budgets are read by people,
 * never asserted. docs/benchmarks.md says what each figure means and how it is
 * taken.
 *
 * 1. Recall on the labelled fixtures, Siyaq and mark.js (every accuracy mode;
 *    the best one is used for timing).
 * 2. Siyaq's content-script pass vs mark.js marking the same aliases on the
 *    same 1 MB Arabic page: median of fresh pages; DOM and JS heap growth.
 * 3. The built extension: content-script bundle size gzipped; its main-thread
 *    time on a typical article and the longest task on a 2 MB page, from a
 *    Chromium trace.
 * 4. Hover → card, first card of a page load and later ones, and the card's
 *    size, in both browsers (test/bench/browser/hover-card.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { build as wxtBuild } from 'wxt';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { MatcherTopic } from '../lib/messages';
import type { MarkJsOptions, SiyaqTimes, Span } from '../test/bench/browser/entry';
import { hoverCardFigures } from '../test/bench/browser/hover-card';
import { newsPage, seedParagraphs } from '../test/bench/browser/page';
import { fixturePages } from '../test/fixtures/pages';
import { REPO_ROOT } from '../test/seeds';
import { CHROMIUM_FLAGS as FLAGS, CHROMIUM_PATH as CHROMIUM } from '../test/e2e/helpers/paths';

/** An outlet the production build's content script runs on; every request to it is answered locally. */
const ARTICLE_URL = 'https://www.aljazeera.net/news/2024/9/24/siyaq-bench';
/** Not an outlet: the content script does not run there. */
const OTHER_URL = 'https://www.example.org/news/siyaq-bench';
/** The seed used as "a typical article" (the longest one, about 12 KB of UTF-8). */
const TYPICAL_SEED = '001_989b01d71f21a984.txt';
const MB = 1 << 20;
/** Fresh pages per tool for the speed figures; medians are printed. */
const SIYAQ_RUNS = 6;
const MARK_RUNS = 3;

interface Expected {
  topic: string;
  text: string;
}
interface Sentences {
  topics: string[];
  sentences: { text: string; expected: Expected[] }[];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1)) + ' ms';
const kb = (bytes: number): string => (bytes / 1024).toFixed(1) + ' KB';
const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : ((100 * a) / b).toFixed(1) + '%');

function corpusTopics(): MatcherTopic[] {
  const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as { topics: MatcherTopic[] };
  return pack.topics.map(({ id, aliases, rules }) => ({ id, aliases, rules }));
}

/** Bundles the in-page half (Siyaq's modules + the mark.js driver) into one classic script. */
async function bundleEntry(): Promise<string> {
  const out = await build({
    entryPoints: [join(REPO_ROOT, 'test', 'bench', 'browser', 'entry.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    charset: 'ascii',
    write: false,
  });
  return out.outputFiles[0]!.text;
}

/**
 * mark.js at its best for Arabic. Its `diacritics` option knows Latin letters
 * only, so the harakat, the superscript alef and the tatweel go to
 * `ignorePunctuation` (allowed between any two letters), and the letters
 * Arabic spells several ways go to `synonyms` (pairs chained through the bare
 * letter). Limiters for 'exactly' / 'complementary' add Arabic punctuation to
 * the ASCII set mark.js uses by default.
 */
function markOptions(accuracy: 'partially' | 'complementary' | 'exactly'): MarkJsOptions {
  const limiters = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~¡¿', '،', '؛', '؟', '«', '»', '…', '“', '”'];
  return {
    accuracy: accuracy === 'partially' ? accuracy : { value: accuracy, limiters },
    synonyms: { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ئ: 'ي', ة: 'ه', ؤ: 'و' },
    ignorePunctuation: [...Array.from({ length: 8 }, (_, i) => String.fromCharCode(0x064b + i)), '\u0670', '\u0640'],
    ignoreJoiners: true,
    acrossElements: true,
    separateWordSearch: false,
    diacritics: false,
    caseSensitive: false,
  };
}
const ACCURACIES = ['partially', 'complementary', 'exactly'] as const;

async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS] });
}

/** A new page showing `html` at ARTICLE_URL, with the bundle and mark.js loaded. */
async function benchPage(browser: Browser, html: string, scripts: string[]): Promise<Page> {
  const page = await browser.newPage();
  await page.route(ARTICLE_URL, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
  await page.goto(ARTICLE_URL, { waitUntil: 'load' });
  for (const content of scripts) await page.addScriptTag({ content });
  return page;
}

// ---------------------------------------------------------------- recall

interface Score {
  expected: number;
  found: number;
  /** Marks of the fixtures' topics that no expected mention took: false alarms. */
  extra: number;
}
const addScore = (a: Score, b: Score): Score => ({ expected: a.expected + b.expected, found: a.found + b.found, extra: a.extra + b.extra });
const ZERO: Score = { expected: 0, found: 0, extra: 0 };

/**
 * The same counting for both tools, per sentence or page: an expected mention
 * is found when a marked span of the same topic contains its text (mark.js's
 * 'complementary' marks the whole word, «والسوداني» for «السوداني»). Each span
 * is credited once, longest expected texts first, so one long mark cannot
 * count for two mentions.
 */
function score(expected: readonly Expected[], spans: readonly Span[], topics: ReadonlySet<string>): Score {
  const left = spans.filter((s) => topics.has(s.topic));
  let found = 0;
  for (const e of [...expected].sort((a, b) => b.text.length - a.text.length)) {
    const i = left.findIndex((s) => s.topic === e.topic && s.text.includes(e.text));
    if (i < 0) continue;
    found++;
    left.splice(i, 1);
  }
  return { expected: expected.length, found, extra: left.length };
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Scores for Siyaq, then mark.js in each accuracy mode. */
async function recall(
  browser: Browser,
  bundle: string,
  markjs: string,
  topics: MatcherTopic[],
): Promise<{ tool: string; sentences: Score; pages: Score }[]> {
  const file = join(REPO_ROOT, 'test', 'fixtures', 'sentences.json');
  const sentences = JSON.parse(readFileSync(file, 'utf8')) as Sentences;
  const pages = fixturePages();
  const labelled = new Set(sentences.topics);
  const tools: { tool: string; opt: MarkJsOptions | null }[] = [
    { tool: 'Siyaq', opt: null },
    ...ACCURACIES.map((a) => ({ tool: `mark.js (${a})`, opt: markOptions(a) })),
  ];
  const results = tools.map(({ tool }) => ({ tool, sentences: ZERO, pages: ZERO }));

  // Each sentence is a page of its own, as the sentences are labelled one by one
  // (on one long page Siyaq's context rules would borrow cues from other sentences).
  const page = await benchPage(browser, '<!doctype html><html lang="ar" dir="rtl"><body></body></html>', [bundle, markjs]);
  for (const s of sentences.sentences) {
    const body = `<article><p>${escapeHtml(s.text)}</p></article>`;
    for (const [k, { opt }] of tools.entries()) {
      const spans = await page.evaluate(
        async ([html, t, o]) => {
          document.body.innerHTML = html;
          return o ? window.markSpans(t, o) : window.siyaqSpans(t);
        },
        [body, topics, opt] as const,
      );
      results[k]!.sentences = addScore(results[k]!.sentences, score(s.expected, spans, labelled));
    }
  }
  await page.close();

  for (const fixture of pages) {
    for (const [k, { opt }] of tools.entries()) {
      const p = await benchPage(browser, fixture.html, [bundle, markjs]);
      const spans = await p.evaluate(([t, o]) => (o ? window.markSpans(t, o) : window.siyaqSpans(t)), [topics, opt] as const);
      results[k]!.pages = addScore(results[k]!.pages, score(fixture.expected, spans, new Set(fixture.labeledTopics)));
      await p.close();
    }
  }
  return results;
}

// ---------------------------------------------------------------- speed and memory

interface Growth {
  heap: number;
  nodes: number;
}

async function heapAndNodes(cdp: CDPSession): Promise<Growth> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes };
}

/**
 * What a pass leaves behind: JS heap (V8's whole isolate, after a forced GC
 * each side) and DOM nodes, before and after marking.
 */
async function growth(page: Page, run: () => Promise<unknown>): Promise<Growth> {
  const cdp = await page.context().newCDPSession(page);
  const before = await heapAndNodes(cdp);
  await run();
  const after = await heapAndNodes(cdp);
  await cdp.detach();
  return { heap: after.heap - before.heap, nodes: after.nodes - before.nodes };
}

interface Run {
  ms: number;
  count: number;
  growth: Growth;
}

/** One tool on one fresh page: the time it reports, and what it left behind. */
async function timedRun(
  browser: Browser,
  html: string,
  scripts: string[],
  run: (page: Page) => Promise<{ ms: number; count: number }>,
): Promise<Run> {
  const page = await benchPage(browser, html, scripts);
  try {
    let result = { ms: 0, count: 0 };
    const g = await growth(page, async () => {
      result = await run(page);
    });
    return { ...result, growth: g };
  } finally {
    await page.close();
  }
}

async function speed(browser: Browser, bundle: string, markjs: string, topics: MatcherTopic[], html: string, opt: MarkJsOptions) {
  const aliases = [...new Set(topics.flatMap((t) => t.aliases))];
  const siyaq: Run[] = [];
  const breakdowns: SiyaqTimes[] = [];
  const mark: Run[] = [];
  // mark.js takes about a minute a page here, so it gets fewer pages; the
  // rounds interleave the tools, so a slow spell of the shared machine hits both.
  for (let r = 0; r < MARK_RUNS; r++) {
    for (let k = 0; k < SIYAQ_RUNS / MARK_RUNS; k++) {
      siyaq.push(
        await timedRun(browser, html, [bundle, markjs], async (page) => {
          const times = await page.evaluate((t) => window.siyaqBench(t), topics);
          breakdowns.push(times);
          return { ms: times.total, count: times.mentions };
        }),
      );
    }
    mark.push(
      await timedRun(browser, html, [bundle, markjs], async (page) => {
        const m = await page.evaluate(([a, o]) => window.markBench(a, o), [aliases, opt] as const);
        return { ms: m.ms, count: m.marks };
      }),
    );
  }
  const part = (key: 'page' | 'compile' | 'scan' | 'paint'): number => median(breakdowns.map((b) => b[key]));
  return {
    aliases: aliases.length,
    siyaq,
    mark,
    breakdown: { page: part('page'), compile: part('compile'), scan: part('scan'), paint: part('paint') },
  };
}

// ---------------------------------------------------------------- the built extension

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: ProfileData & { url?: string } };
}
interface ProfileData {
  startTime?: number;
  cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { url: string } }[]; samples?: number[] };
  timeDeltas?: number[];
}

/** Categories for main-thread tasks and the V8 sampling profiler, as DevTools' Performance panel records them. */
const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'disabled-by-default-v8.cpu_profiler',
];

async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: TRACE_CATEGORIES } });
}

async function endTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const handle = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  const parsed = JSON.parse(chunks.join('')) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

interface MainThreadCost {
  /** Top-level tasks of the page's main thread in which the content script ran, in ms. */
  tasks: number[];
  /** Sampled time with a content-script frame on the stack, in ms. */
  js: number;
  /** The longest top-level task of the page's main thread, of any kind, in ms. */
  longestAny: number;
}

/**
 * Content-script cost from a trace: the profiler's samples say when a frame
 * of the content script was on the stack; every top-level task of that
 * thread holding such a sample is the content script's, whole (its style,
 * layout and GC included). The page itself runs no script.
 */
function mainThreadCost(events: TraceEvent[], scriptUrl: string): MainThreadCost | null {
  const profiles = new Map<
    string,
    {
      pid: number;
      tid: number;
      t: number;
      nodes: Map<number, { url: string; parent?: number }>;
      samples: { t: number; node: number; dt: number }[];
    }
  >();
  for (const e of events) {
    if (e.name === 'Profile' && e.id) {
      profiles.set(e.id, { pid: e.pid, tid: e.tid, t: e.args?.data?.startTime ?? e.ts, nodes: new Map(), samples: [] });
    }
  }
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || !e.id) continue;
    const p = profiles.get(e.id);
    const data = e.args?.data;
    if (!p || !data) continue;
    for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, { url: n.callFrame.url, parent: n.parent });
    const samples = data.cpuProfile?.samples ?? [];
    const deltas = data.timeDeltas ?? [];
    samples.forEach((node, i) => {
      p.t += deltas[i] ?? 0;
      p.samples.push({ t: p.t, node, dt: 0 });
    });
  }
  for (const p of profiles.values()) {
    const inScript = new Map<number, boolean>();
    const isOurs = (id: number | undefined): boolean => {
      if (id === undefined) return false;
      let known = inScript.get(id);
      if (known === undefined) {
        const n = p.nodes.get(id);
        known = n !== undefined && (n.url === scriptUrl || isOurs(n.parent));
        inScript.set(id, known);
      }
      return known;
    };
    // A sample stands for the time until the next one.
    p.samples.forEach((smp, i) => (smp.dt = (p.samples[i + 1]?.t ?? smp.t) - smp.t));
    const ours = p.samples.filter((smp) => isOurs(smp.node));
    if (ours.length === 0) continue;
    const tasks = events
      .filter(
        (e) => e.pid === p.pid && e.tid === p.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
      )
      .sort((a, b) => a.ts - b.ts);
    const outer: TraceEvent[] = [];
    for (const t of tasks) {
      const last = outer[outer.length - 1];
      if (!last || t.ts >= last.ts + (last.dur ?? 0)) outer.push(t);
    }
    const hit = new Set<TraceEvent>();
    for (const smp of ours) {
      const task = outer.find((t) => smp.t >= t.ts && smp.t <= t.ts + (t.dur ?? 0));
      if (task) hit.add(task);
    }
    return {
      tasks: [...hit].map((t) => (t.dur ?? 0) / 1000),
      js: ours.reduce((sum, smp) => sum + smp.dt, 0) / 1000,
      longestAny: Math.max(0, ...outer.map((t) => (t.dur ?? 0) / 1000)),
    };
  }
  return null;
}

/** Waits until the content script has registered its highlights (the registry is the page's, readable from the main world). */
async function waitForMarks(page: Page): Promise<boolean> {
  try {
    await page.waitForFunction(() => CSS.highlights.size > 0, null, { timeout: 20_000, polling: 250 });
    return true;
  } catch {
    return false;
  }
}

/**
 * How long the browser took to evaluate the content script file (compile and
 * run its top level, the isolated world's set-up included): the part of its
 * cost that any content script pays, whatever it then does.
 */
function evaluateMs(events: TraceEvent[], scriptUrl: string): number {
  return (
    events
      .filter((e) => e.name === 'EvaluateScript' && e.ph === 'X' && e.args?.data?.url === scriptUrl)
      .reduce((sum, e) => sum + (e.dur ?? 0), 0) / 1000
  );
}

async function tracedLoad(
  context: BrowserContext,
  url: string,
  scriptUrl: string,
  settle: (page: Page) => Promise<boolean> = waitForMarks,
): Promise<{ marked: boolean; cost: MainThreadCost | null; evaluate: number }> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await startTrace(cdp);
    await page.goto(url, { waitUntil: 'load' });
    const marked = await settle(page);
    // Whatever the content script still does after painting (attaching listeners) lands in the trace too.
    await page.waitForTimeout(500);
    const events = await endTrace(cdp);
    await cdp.detach();
    return { marked, cost: mainThreadCost(events, scriptUrl), evaluate: evaluateMs(events, scriptUrl) };
  } finally {
    await page.close();
  }
}

/**
 * The floor under the typical-article figure: an extension whose content
 * script, on the same page in the same Chromium, only reads storage and sends
 * one message. Touching the extension APIs at all makes the browser set up
 * their bindings in the script's world, on the page's thread.
 */
async function floorScriptEvaluate(page: string, loads: number): Promise<number | null> {
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-floor-'));
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-floor-profile-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor content script',
      version: '1.0',
      // A worker that does nothing either: it tells the test the extension's id.
      background: { service_worker: 'background.js' },
      content_scripts: [{ matches: [`${new URL(ARTICLE_URL).origin}/*`], js: ['content.js'], run_at: 'document_idle' }],
    }),
  );
  writeFileSync(join(dir, 'background.js'), '"use strict";\n');
  // It asks for a stored setting and messages its background, as any content script that talks to its extension must.
  writeFileSync(
    join(dir, 'content.js'),
    '"use strict";\nchrome.storage.local.get("settings").then(() => chrome.runtime.sendMessage({})).catch(() => undefined);\n',
  );
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    await context.route(/^https:\/\//, (route) =>
      route.request().url() === `${ARTICLE_URL}-typical`
        ? route.fulfill({ body: page, contentType: 'text/html; charset=utf-8' })
        : route.abort(),
    );
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const scriptUrl = `chrome-extension://${new URL(worker.url()).host}/content.js`;
    const times: number[] = [];
    for (let i = 0; i <= loads; i++) {
      const { evaluate } = await tracedLoad(context, `${ARTICLE_URL}-typical`, scriptUrl, () => Promise.resolve(true));
      // The first load warms the browser, as for Siyaq's figures.
      if (i > 0 && evaluate > 0) times.push(evaluate);
    }
    return times.length > 0 ? median(times) : null;
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  }
}

/** V8 heap of the page's renderer after a forced GC, once the content script has marked (or not run). */
async function settledHeap(context: BrowserContext, url: string, expectMarks: boolean): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'load' });
    if (expectMarks) await waitForMarks(page);
    else await page.waitForTimeout(2_000);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();
    return usedSize;
  } finally {
    await page.close();
  }
}

/**
 * The production build (`wxt build`, the project's wxt.config), written to a
 * directory of its own: other work on this tree builds into .output at the
 * same time. Its log is kept off the figures and printed only on failure.
 */
async function buildExtension(outDir: string, browser: 'chrome' | 'firefox'): Promise<string | null> {
  const log: string[] = [];
  const write = { out: process.stdout.write, err: process.stderr.write };
  const capture = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    log.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const done = rest.find((r): r is () => void => typeof r === 'function');
    done?.();
    return true;
  }) as typeof process.stdout.write;
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    // A directory per browser: a build empties its own before it writes.
    await wxtBuild({ root: REPO_ROOT, outDir: join(outDir, browser), mode: 'production', browser, manifestVersion: 3 });
    return join(outDir, browser, `${browser}-mv3`);
  } catch (err) {
    log.push(err instanceof Error ? (err.stack ?? err.message) : String(err));
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
  }
  console.log(`wxt build for ${browser} failed, no figures from it:\n${log.join('')}`);
  return null;
}

const TRACED_LOADS = 5;

/** The built extension's figures in Chromium, then hover → card in both browsers, as `only` asks. */
async function builtFigures(only: Part | undefined, paragraphs: string[], page1: string): Promise<void> {
  const out = mkdtempSync(join(tmpdir(), 'siyaq-build-'));
  try {
    const chrome = await buildExtension(out, 'chrome');
    if (only !== 'card') {
      console.log('\n== The built extension (wxt build, production, chrome-mv3)');
      if (chrome) await measureExtension(chrome, paragraphs, page1);
    }
    if (only === 'extension') return;
    const firefox = await buildExtension(out, 'firefox');
    if (chrome && firefox) await hoverCardFigures({ chrome, firefox });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function measureExtension(dir: string, paragraphs: string[], page1: string): Promise<void> {
  const js = readFileSync(join(dir, 'content-scripts', 'content.js'));
  console.log(`content-script bundle: ${kb(js.length)} raw, ${kb(gzipSync(js, { level: 9 }).length)} gzipped (budget: <= 50 KB gzipped)`);

  const typical = newsPage(seedParagraphs([TYPICAL_SEED]));
  const page2 = newsPage(paragraphs, 2 * MB);
  const served = new Map([
    [`${ARTICLE_URL}-typical`, typical],
    [`${ARTICLE_URL}-2mb`, page2],
    [`${ARTICLE_URL}-1mb`, page1],
    // A host outside the curated list, where the content script does not run: the heap baseline.
    [`${OTHER_URL}-1mb`, page1],
  ]);
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...FLAGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    await context.route(/^https:\/\//, (route) => {
      const body = served.get(route.request().url());
      return body === undefined ? route.abort() : route.fulfill({ body, contentType: 'text/html; charset=utf-8' });
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const scriptUrl = `chrome-extension://${new URL(worker.url()).host}/content-scripts/content.js`;

    // The first load waits for the corpus to be seeded and warms the script's code cache, as a reader's second page would.
    const warm = await tracedLoad(context, `${ARTICLE_URL}-typical`, scriptUrl);
    if (!warm.marked)
      console.log(
        'note: the content script painted no marks on the typical article (is the extension complete?); figures below cover what it did run',
      );

    const loads: MainThreadCost[] = [];
    const evaluations: number[] = [];
    for (let i = 0; i < TRACED_LOADS; i++) {
      const { cost, evaluate } = await tracedLoad(context, `${ARTICLE_URL}-typical`, scriptUrl);
      if (cost) loads.push(cost);
      evaluations.push(evaluate);
    }
    if (loads.length > 0) {
      const total = median(loads.map((c) => c.tasks.reduce((a, b) => a + b, 0)));
      const floor = await floorScriptEvaluate(typical, TRACED_LOADS);
      console.log(
        `typical article (${(typical.length / 1024).toFixed(0)} K chars of HTML), median of ${loads.length} loads: ` +
          `content-script main-thread time ${ms(total)} in ${median(loads.map((c) => c.tasks.length))} tasks, ` +
          `JS on its frames ${ms(median(loads.map((c) => c.js)))}, longest task ${ms(median(loads.map((c) => Math.max(0, ...c.tasks))))} (budget: <= 10 ms)`,
      );
      console.log(
        `  of which evaluating content.js ${ms(median(evaluations))}; ` +
          (floor === null
            ? 'the floor: not measured'
            : `a content script that only reads storage and sends one message, same page, same measure: ${ms(floor)}`),
      );
    } else {
      console.log('typical article: no content-script samples in the trace (the content script did not run)');
    }

    const big = await tracedLoad(context, `${ARTICLE_URL}-2mb`, scriptUrl);
    if (big.cost) {
      const c = big.cost;
      console.log(
        `2 MB page (${(page2.length / MB).toFixed(2)} M chars of HTML)${big.marked ? '' : ', no marks painted'}: ` +
          `content-script longest task ${ms(Math.max(0, ...c.tasks))} (budget: <= 50 ms), ` +
          `${c.tasks.length} tasks, ${ms(c.tasks.reduce((a, b) => a + b, 0))} in all; ` +
          `longest task of the page load of any kind ${ms(c.longestAny)}`,
      );
    } else {
      console.log('2 MB page: no content-script samples in the trace (the content script did not run)');
    }

    const withScript = await settledHeap(context, `${ARTICLE_URL}-1mb`, true);
    const without = await settledHeap(context, `${OTHER_URL}-1mb`, false);
    console.log(
      `1 MB page: JS heap ${kb(withScript)} with the content script vs ${kb(without)} where it does not run: +${kb(withScript - without)}`,
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    console.error(`No Chromium at ${CHROMIUM}. Install it (as root): apt-get update && apt-get install -y chromium`);
    process.exit(1);
  }
}

const PARTS = ['compare', 'extension', 'card'] as const;
type Part = (typeof PARTS)[number];

/** `npm run bench:browser -- compare`, `-- extension` or `-- card` runs one part; no argument runs all. */
async function main(arg: string | undefined): Promise<void> {
  const only = PARTS.find((p) => p === arg);
  if (arg !== undefined && !only) {
    console.error(`Unknown part «${arg}»: name one of ${PARTS.join(', ')}, or none for all.`);
    process.exit(1);
  }
  requireChromium();
  const topics = corpusTopics();
  const paragraphs = seedParagraphs();
  const page1 = newsPage(paragraphs, MB);

  if (only === undefined || only === 'compare') await compare(topics, page1);
  // One browser at a time: the extension's Chromium starts after the first one closed.
  if (only !== 'compare') await builtFigures(only, paragraphs, page1);
}

async function compare(topics: MatcherTopic[], page1: string): Promise<void> {
  const bundle = await bundleEntry();
  const markjs = readFileSync(join(REPO_ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');
  const browser = await launch();
  try {
    const chromeVersion = browser.version();
    console.log(`Chromium ${chromeVersion}, headless; ${topics.length} topics from data/corpus.json`);

    console.log('\n== Recall on the labelled fixtures (same aliases, same counting)');
    const scores = await recall(browser, bundle, markjs, topics);
    for (const { tool, sentences, pages } of scores) {
      const line = (s: Score): string => `${s.found}/${s.expected} = ${pct(s.found, s.expected)} (${s.extra} extra marks)`;
      console.log(`${tool.padEnd(26)} sentences ${line(sentences)}${pages.expected > 0 ? `   pages ${line(pages)}` : ''}`);
    }
    // mark.js is timed in the mode that found the most (fewer false alarms breaking a tie).
    const best = ACCURACIES.map((a, i) => ({ a, s: addScore(scores[i + 1]!.sentences, scores[i + 1]!.pages) })).sort(
      (x, y) => y.s.found - x.s.found || x.s.extra - y.s.extra,
    )[0]!.a;

    console.log(`\n== Marking a ${(page1.length / MB).toFixed(2)} MB page (${page1.length} chars of HTML), fresh page per run`);
    const s = await speed(browser, bundle, markjs, topics, page1, markOptions(best));
    const siyaq = median(s.siyaq.map((r) => r.ms));
    const mark = median(s.mark.map((r) => r.ms));
    const b = s.breakdown;
    console.log(`aliases: ${s.aliases} (every alias of every corpus topic); mark.js accuracy '${best}' (its best recall above)`);
    console.log(
      `Siyaq content-script pass  median ${ms(siyaq).padStart(9)}  ${s.siyaq[0]!.count} mentions   runs: ${s.siyaq.map((r) => ms(r.ms)).join(', ')}`,
    );
    console.log(`  medians: page checks ${ms(b.page)}, compile ${ms(b.compile)}, scan ${ms(b.scan)}, paint + hover index ${ms(b.paint)}`);
    console.log(
      `mark.js                    median ${ms(mark).padStart(9)}  ${s.mark[0]!.count} <mark> elements   runs: ${s.mark.map((r) => ms(r.ms)).join(', ')}`,
    );
    console.log(`ratio: Siyaq is ${(mark / siyaq).toFixed(0)}x faster than mark.js (budget: >= 50x)`);
    const grown = (runs: Run[]): string =>
      `JS heap +${kb(median(runs.map((r) => r.growth.heap)))}, DOM nodes +${median(runs.map((r) => r.growth.nodes))}`;
    console.log(`left behind after marking (forced GC, medians): Siyaq ${grown(s.siyaq)}; mark.js ${grown(s.mark)}`);
  } finally {
    await browser.close();
  }
}

await main(process.argv[2]);

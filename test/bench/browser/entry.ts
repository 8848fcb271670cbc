/**
 * The in-page half of `npm run bench:browser`: bundled by scripts/bench-browser.ts
 * and injected into a benchmark page, it exposes `window.siyaqBench` (Siyaq's
 * content-script pass, the same modules the content script runs) and
 * `window.markBench` (mark.js, loaded beside it from its own dist file), each
 * timed inside the page with performance.now().
 *
 * It lives in a subfolder so that `npm run bench` (test/bench/*.ts) never
 * imports it into Node.
 */
import type { MatcherTopic } from '../../../lib/messages';
import { compileMatcher } from '../../../lib/detect/matcher';
import { findMentions } from '../../../lib/detect/detect';
import { articleRoot } from '../../../lib/reading/article';
import { isArabicDocument } from '../../../lib/reading/language';
import { PageScanner } from '../../../lib/page/scanner';
import { runAll } from '../../../lib/reading/steps';
import { MarkLayer } from '../../../lib/page/marks';
import { HitIndex } from '../../../lib/page/hit-test';

/** A marked stretch of the page, in offsets into document.body's text (see bodyOffsets). */
export interface Span {
  topic: string;
  start: number;
  end: number;
  text: string;
}

export interface SiyaqTimes {
  /** Everything below, end to end. */
  total: number;
  /** isArabicDocument + articleRoot. */
  page: number;
  compile: number;
  /** PageScanner.scan: read blocks, fold, match, context rules (the background's part), build Ranges. */
  scan: number;
  /** mentions() in document order, MarkLayer.paint, the hover index. */
  paint: number;
  mentions: number;
}

export interface MarkJsOptions {
  accuracy: 'partially' | 'complementary' | 'exactly' | { value: 'partially' | 'complementary' | 'exactly'; limiters: string[] };
  synonyms: Record<string, string>;
  ignorePunctuation: string[];
  ignoreJoiners: boolean;
  acrossElements: boolean;
  separateWordSearch: boolean;
  diacritics: boolean;
  caseSensitive: boolean;
}

interface MarkInstance {
  mark(keywords: string[], opt: MarkJsOptions & { className?: string; done?: (n: number) => void }): void;
}

declare global {
  interface Window {
    Mark?: new (ctx: Element) => MarkInstance;
    siyaqBench(topics: MatcherTopic[]): Promise<SiyaqTimes>;
    siyaqSpans(topics: MatcherTopic[]): Promise<Span[]>;
    markBench(aliases: string[], opt: MarkJsOptions): Promise<{ ms: number; marks: number }>;
    markSpans(topics: MatcherTopic[], opt: MarkJsOptions): Promise<Span[]>;
    /** Keeps what a pass built alive, as the content script does, for the heap figure. */
    siyaqKeep?: unknown;
  }
}

async function siyaqPass(topics: MatcherTopic[]) {
  const t0 = performance.now();
  const arabic = isArabicDocument(document);
  const root = articleRoot(document);
  const t1 = performance.now();
  const matcher = compileMatcher(topics);
  const t2 = performance.now();
  // The detector the background runs for the content script, run here in the
  // page, and no pauses between slices: the figure is the work, wherever it runs.
  const scanner = new PageScanner(document, async (text, known) => findMentions(text, matcher, known));
  await scanner.scan(root, async (steps) => ({ done: true, value: runAll(steps) }));
  const t3 = performance.now();
  const mentions = scanner.mentions();
  new MarkLayer(window).paint(
    mentions.map((m) => m.range),
    'underline',
  );
  const hits = new HitIndex(mentions);
  const t4 = performance.now();
  if (!arabic) throw new Error('the benchmark page was not taken for Arabic');
  const times: SiyaqTimes = { total: t4 - t0, page: t1 - t0, compile: t2 - t1, scan: t3 - t2, paint: t4 - t3, mentions: mentions.length };
  return { times, mentions, keep: { scanner, hits } };
}

window.siyaqBench = async (topics) => {
  const { times, keep } = await siyaqPass(topics);
  window.siyaqKeep = keep;
  return times;
};

/** Start offset of every text node under body in body's text (textContent order), which mark.js's wrapping leaves unchanged. */
function bodyOffsets(): Map<Text, number> {
  const starts = new Map<Text, number>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let at = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    starts.set(n as Text, at);
    at += (n as Text).data.length;
  }
  return starts;
}

function bodyText(): string {
  return document.body.textContent ?? '';
}

window.siyaqSpans = async (topics) => {
  const { mentions } = await siyaqPass(topics);
  const starts = bodyOffsets();
  const text = bodyText();
  return mentions.map((m) => {
    const start = starts.get(m.range.startContainer as Text)! + m.range.startOffset;
    const end = starts.get(m.range.endContainer as Text)! + m.range.endOffset;
    return { topic: m.topic, start, end, text: text.slice(start, end) };
  });
};

function markJs(root: Element, keywords: string[], opt: MarkJsOptions & { className?: string }): Promise<number> {
  const Mark = window.Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  // mark.js calls `done` synchronously when it has no iframes to wait for; the promise covers either way.
  return new Promise((resolve) => new Mark(root).mark(keywords, { ...opt, done: resolve }));
}

/** mark.js gets the element Siyaq reads as its context, so both tools read the same part of the page. */
function markRoot(): Element {
  return articleRoot(document);
}

window.markBench = async (aliases, opt) => {
  const t0 = performance.now();
  const marks = await markJs(markRoot(), aliases, opt);
  return { ms: performance.now() - t0, marks };
};

/**
 * mark.js knows no topics: each topic's aliases are marked in a call of their
 * own, with the topic's index as class, so a mark can be credited to its topic.
 * A span is a maximal run of text under marks of one topic (a match that
 * crosses inline tags is several <mark> elements, nested aliases nest marks).
 */
window.markSpans = async (topics, opt) => {
  const root = markRoot();
  for (const [i, t] of topics.entries()) await markJs(root, t.aliases, { ...opt, className: `siyaq-bench-t${i}` });
  const starts = bodyOffsets();
  const text = bodyText();
  const open = new Map<number, Span>();
  const spans: Span[] = [];
  for (const [node, start] of starts) {
    const here = new Set<number>();
    for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
      if (el.localName !== 'mark') continue;
      const m = /siyaq-bench-t(\d+)/.exec(el.className);
      if (m) here.add(Number(m[1]));
    }
    for (const [i, span] of open) {
      if (here.has(i) && span.end === start) continue;
      spans.push(span);
      open.delete(i);
    }
    for (const i of here) {
      const span = open.get(i);
      if (span) span.end = start + node.data.length;
      else open.set(i, { topic: topics[i]!.id, start, end: start + node.data.length, text: '' });
    }
  }
  spans.push(...open.values());
  for (const s of spans) s.text = text.slice(s.start, s.end);
  return spans.sort((a, b) => a.start - b.start);
};

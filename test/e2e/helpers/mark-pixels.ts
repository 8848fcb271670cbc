/**
 * "Marks are visible in every supported browser" (contract 6), measured in
 * pixels: the same article is screenshotted with Siyaq's highlights registered
 * and with them taken out of the page's registry (the page's own scripts could
 * do the same), and every marked name's box must change across most of its
 * width while no unmarked word changes at all.
 *
 * The article is written for these tests: short names whose letters dip below
 * the baseline («إيران», «أربيل», «حرير»), a two-word name («يحيى رسول»), in
 * body text and in a bold headline, on a light and a dark page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES } from '../../../lib/page/marks';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { decodePng, type Bitmap } from './png';
import { until } from './scenario';

export const MARKS_HOST = 'www.aljazeera.net';
export const MARKS_PATH = { light: '/news/2024/4/9/siyaq-marks-light', dark: '/news/2024/4/9/siyaq-marks-dark' } as const;
export type Theme = keyof typeof MARKS_PATH;

/** Every one of these must be marked, each at least `times` times (headline and body). */
export const EXPECTED_MARKS: readonly { text: string; times: number }[] = [
  { text: 'إيران', times: 2 },
  { text: 'أربيل', times: 2 },
  { text: 'حرير', times: 1 },
  { text: 'قاعدة حرير', times: 1 },
  { text: 'يحيى رسول', times: 1 },
];

/** Most of each marked name's width (issue 9): a dotted or ink-skipped underline leaves gaps. */
export const MIN_COVERAGE = 0.7;

const THEMES: Record<Theme, string> = {
  light: 'background: #ffffff; color: #1f1f1f;',
  dark: 'background: #121212; color: #e6e6e6;',
};

export function marksPageHtml(theme: Theme): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<title>إيران وأربيل: رسائل متبادلة بعد الهجوم على قاعدة حرير</title>
<meta property="article:published_time" content="2024-04-09T09:00:00+03:00">
<style>
  body { ${THEMES[theme]} margin: 0; font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; }
  article { max-width: 760px; margin: 24px auto; padding: 0 24px; }
  h1 { font-family: "Noto Kufi Arabic", "Noto Sans Arabic", sans-serif; font-weight: 700; font-size: 32px; line-height: 1.7; margin: 0 0 16px; }
  p { font-size: 19px; line-height: 1.9; margin: 0 0 14px; }
</style>
</head>
<body>
<article>
  <h1>إيران وأربيل: رسائل متبادلة بعد الهجوم على قاعدة حرير</h1>
  <p>قالت إيران إن الضربة التي استهدفت محيط أربيل لم تكن موجهة إلى الحكومة العراقية، فيما أكد الناطق باسم القائد العام يحيى رسول أن القوات في حرير لم تتعرض لأضرار تذكر، وأن التحقيق ما زال جاريا.</p>
  <p>ويرى محللون في بغداد أن الأسابيع المقبلة ستكشف إن كانت التهدئة ستصمد، وسط دعوات من عواصم المنطقة إلى ضبط النفس وتجنب التصعيد.</p>
</article>
</body>
</html>`;
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Word {
  text: string;
  /** One box per line the word's range spans (Range.getClientRects, merged per line). */
  boxes: Box[];
}

export interface ArticleWords {
  /** Siyaq's registry entries (name → range count). */
  entries: Record<string, number>;
  marked: Word[];
  /** Every whitespace-separated word of the article that no marked range touches. */
  unmarked: Word[];
}

/**
 * In the page: the marked ranges of Siyaq's highlights and the article's other
 * words, with their boxes in client coordinates (viewport pixels).
 */
export function articleWords(): ArticleWords {
  const boxesOf = (range: Range) => {
    const lines: { left: number; top: number; right: number; bottom: number }[] = [];
    for (const r of Array.from(range.getClientRects())) {
      if (r.width < 1 || r.height < 1) continue;
      const line = lines.find((l) => Math.abs(l.top - r.top) < r.height / 2);
      if (line) {
        line.left = Math.min(line.left, r.left);
        line.right = Math.max(line.right, r.right);
        line.bottom = Math.max(line.bottom, r.bottom);
      } else {
        lines.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      }
    }
    return lines.map((l) => ({ left: l.left, top: l.top, width: l.right - l.left, height: l.bottom - l.top }));
  };
  const entries: Record<string, number> = {};
  const ranges: Range[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('siyaq-')) return;
    const own = Array.from(highlight as unknown as Iterable<Range>);
    entries[name] = own.length;
    ranges.push(...own);
  });
  const marked = ranges.map((r) => ({ text: r.toString(), boxes: boxesOf(r) }));
  const unmarked: { text: string; boxes: { left: number; top: number; width: number; height: number }[] }[] = [];
  const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    for (const m of text.matchAll(/\S+/g)) {
      const word = document.createRange();
      word.setStart(node, m.index);
      word.setEnd(node, m.index + m[0].length);
      const touched = ranges.some(
        (r) => word.compareBoundaryPoints(Range.END_TO_START, r) < 0 && word.compareBoundaryPoints(Range.START_TO_END, r) > 0,
      );
      if (!touched) unmarked.push({ text: m[0], boxes: boxesOf(word) });
    }
  }
  return { entries, marked, unmarked };
}

/**
 * In the page: takes Siyaq's entries out of the registry (kept on the window)
 * or puts them back, then waits two frames so the next screenshot shows it.
 */
export async function toggleMarks(show: boolean): Promise<number> {
  const w = window as unknown as { __siyaqPixelStash?: [string, Highlight][] };
  if (show) {
    for (const [name, highlight] of w.__siyaqPixelStash ?? []) CSS.highlights.set(name, highlight);
    w.__siyaqPixelStash = [];
  } else {
    const stash: [string, Highlight][] = [];
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('siyaq-')) stash.push([name, highlight]);
    });
    for (const [name] of stash) CSS.highlights.delete(name);
    w.__siyaqPixelStash = stash;
  }
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return CSS.highlights.size;
}

/** A pixel differs when one of its channels moved by more than this (screenshots are exact; this only ignores rounding). */
const TOLERANCE = 12;

export interface Coverage {
  text: string;
  /** Pixel columns of the word's boxes. */
  columns: number;
  /** Of those, columns where at least one pixel changed. */
  changed: number;
}

/**
 * Columns of each box in which any pixel differs between the two screenshots.
 * Boxes are shrunk to the pixels they wholly cover: an edge pixel shared with
 * the neighbouring space is not the word's.
 */
export function coverage(word: Word, a: Bitmap, b: Bitmap): Coverage {
  let columns = 0;
  let changed = 0;
  for (const box of word.boxes) {
    const x0 = Math.max(0, Math.ceil(box.left));
    const x1 = Math.min(a.width, Math.floor(box.left + box.width));
    const y0 = Math.max(0, Math.ceil(box.top));
    const y1 = Math.min(a.height, Math.floor(box.top + box.height));
    for (let x = x0; x < x1; x++) {
      columns++;
      for (let y = y0; y < y1; y++) {
        const i = (y * a.width + x) * 4;
        if (
          Math.abs(a.data[i]! - b.data[i]!) > TOLERANCE ||
          Math.abs(a.data[i + 1]! - b.data[i + 1]!) > TOLERANCE ||
          Math.abs(a.data[i + 2]! - b.data[i + 2]!) > TOLERANCE
        ) {
          changed++;
          break;
        }
      }
    }
  }
  return { text: word.text, columns, changed };
}

export interface PixelReport {
  marked: Coverage[];
  /** Unmarked words in which any column changed. */
  touched: Coverage[];
  unmarkedChecked: number;
}

export function comparePixels(words: ArticleWords, withMarks: Uint8Array, withoutMarks: Uint8Array): PixelReport {
  const a = decodePng(withMarks);
  const b = decodePng(withoutMarks);
  if (a.width !== b.width || a.height !== b.height) throw new Error('the two screenshots differ in size');
  return {
    marked: words.marked.map((w) => coverage(w, a, b)),
    touched: words.unmarked.map((w) => coverage(w, a, b)).filter((c) => c.changed > 0),
    unmarkedChecked: words.unmarked.length,
  };
}

/** One line per marked name: what the tests print, and what the report quotes. */
export function describeCoverage(label: string, report: PixelReport): string {
  const per = report.marked.map(
    (c) => `«${c.text}» ${c.changed}/${c.columns} (${Math.round((100 * c.changed) / Math.max(1, c.columns))}%)`,
  );
  return `${label}: ${per.join(', ')}; unmarked words changed: ${report.touched.length} of ${report.unmarkedChecked}`;
}

/** What a pixel test needs from one browser: Playwright in Chromium, Puppeteer in Firefox. */
export interface PixelBrowser {
  /** Stores settings from an extension page, as the options page does; tabs opened next follow them. */
  settings(s: Settings): Promise<void>;
  /** Opens the article in a fresh tab of the given theme, the pointer away from the text. */
  open(theme: Theme): Promise<void>;
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<R>;
  /** The viewport, as PNG. */
  screenshot(): Promise<Uint8Array>;
}

/** The names in EXPECTED_MARKS that are marked fewer times than expected. */
export function missingMarks(words: ArticleWords): string[] {
  return EXPECTED_MARKS.filter((m) => words.marked.filter((w) => w.text === m.text).length < m.times).map((m) => m.text);
}

/**
 * Opens the article, waits for its marks, and compares the screenshot with the
 * marks to one without them. `entry` is the registry name the marks must be
 * painted under (the style in force).
 */
export async function measureMarks(b: PixelBrowser, theme: Theme, entry: string): Promise<PixelReport> {
  await b.open(theme);
  const words = await until(
    async () => {
      const seen = await b.evaluate(articleWords, null);
      return missingMarks(seen).length === 0 && entry in seen.entries ? seen : null;
    },
    15_000,
    `${EXPECTED_MARKS.map((m) => `«${m.text}»`).join(', ')} were not all marked under ${entry}`,
  );
  const withMarks = await b.screenshot();
  await b.evaluate(toggleMarks, false);
  const withoutMarks = await b.screenshot();
  await b.evaluate(toggleMarks, true);
  return comparePixels(words, withMarks, withoutMarks);
}

/** The styles each browser is checked in: the default, and the underline a reader may choose. */
const STYLE_CASES = [
  { label: 'the default style', change: {}, entry: HIGHLIGHT_NAMES[DEFAULT_SETTINGS.markStyle] },
  { label: 'the underline style', change: { markStyle: 'underline' }, entry: HIGHLIGHT_NAMES.underline },
] as const;

/** One browser with the production build installed, its own way. */
export interface PixelSession {
  browser: PixelBrowser;
  pageErrors: string[];
  close(): Promise<void>;
}

/** Every style on a light and a dark page, in one browser; prints the coverage of each name. */
export function markPixelSuite(name: string, launch: () => Promise<PixelSession>): void {
  describe(`${name}: marks show in pixels (production build)`, () => {
    let session: PixelSession;

    beforeAll(async () => {
      session = await launch();
    });

    afterAll(async () => {
      await session?.close();
    });

    for (const c of STYLE_CASES) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${c.label}, ${theme} page: every marked name changes across ≥ ${MIN_COVERAGE * 100}% of its width, no other word changes`, async () => {
          // Every mention, so that the names are marked in the headline and in the body.
          await session.browser.settings({ ...DEFAULT_SETTINGS, ...c.change, markAll: true });
          const report = await measureMarks(session.browser, theme, c.entry);
          console.log(describeCoverage(`${name}, ${c.label}, ${theme}`, report));
          for (const m of report.marked) {
            expect(m.changed / m.columns, `«${m.text}»: ${m.changed} of ${m.columns} columns changed`).toBeGreaterThanOrEqual(MIN_COVERAGE);
          }
          expect(report.touched, 'unmarked words whose pixels changed').toEqual([]);
          expect(report.unmarkedChecked).toBeGreaterThan(40);
          expect(session.pageErrors).toEqual([]);
        });
      }
    }
  });
}

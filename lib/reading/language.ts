/**
 * Is this page an Arabic article? Decided before anything else is read, so it
 * must be cheap on a 2 MB page: it looks at the lang attributes and at a
 * bounded sample of the article's text (a few thousand letters at most),
 * never at the whole body.
 */
import { isSkippedElement } from './page-text';

export interface LetterCounts {
  arabic: number;
  latin: number;
  /** Letters of Persian, Urdu and Kurdish that Arabic does not use (پ چ ژ گ ی ک ے ۆ…). */
  persian: number;
}

// Everything but the letters counted, in runs: removing these leaves exactly
// the letters, so a count is one native regex pass (a page's content script
// runs cold, and a loop over every character in the interpreter is slow).
const NOT_ARABIC = /[^\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]+/g;
const NOT_LATIN = /[^A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+/g;
/** Letters of Persian, Urdu and Kurdish that Arabic does not use. */
const NOT_PERSIAN = /[^\u067e\u0686\u0698\u06af\u06cc\u06a9\u06d2\u06c6\u06d5\u06ba\u0688\u0691\u0679\u06be]+/g;

export function countLetters(text: string, into: LetterCounts = { arabic: 0, latin: 0, persian: 0 }): LetterCounts {
  const arabic = text.replace(NOT_ARABIC, '').length;
  into.arabic += arabic;
  into.latin += text.replace(NOT_LATIN, '').length;
  if (arabic > 0) into.persian += text.replace(NOT_PERSIAN, '').length;
  return into;
}

/** Letters read from a region before deciding: enough for a confident share. */
const SAMPLE_CHARS = 3000;

/**
 * Adds the letters of up to `budget` characters of readable text under `root`
 * (the same skipping rules as the page reader, so menus do not count) and
 * returns the characters read.
 */
export function sampleLetters(root: Element, budget: number, into: LetterCounts): number {
  let read = 0;
  let node: Node | null = root.firstChild;
  while (node && read < budget) {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      const piece = data.length > budget - read ? data.slice(0, budget - read) : data;
      countLetters(piece, into);
      read += piece.length;
    } else if (node.nodeType === 1 && node.firstChild && !isSkippedElement(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== root && !node.nextSibling) node = node.parentNode;
    node = node && node !== root ? node.nextSibling : null;
  }
  return read;
}

/** Where the article most likely is, for the sample; the first that exists. */
const REGIONS = ['[itemprop=articleBody]', 'article', 'main', '[role=main]'];

const OTHER_ARABIC_SCRIPT = /^(fa|ur|ps|ckb|ku|sd|ug|prs|bal|glk|mzn)\b/i;

function declaredLanguage(doc: Document): string {
  const html = doc.documentElement;
  return (
    html?.getAttribute('lang') ||
    html?.getAttribute('xml:lang') ||
    doc.body?.getAttribute('lang') ||
    doc.querySelector('meta[http-equiv="content-language"], meta[http-equiv="Content-Language"]')?.getAttribute('content') ||
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content') ||
    ''
  ).trim();
}

/**
 * Whether Siyaq should read this page. A page declared Arabic is, unless its
 * text is plainly something else; any other page is when its article text is
 * mostly Arabic letters (an Arabic article on a site whose interface is in
 * English counts). Persian, Urdu and Kurdish pages use the same script but are
 * not Arabic.
 */
export function isArabicDocument(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  const lang = declaredLanguage(doc);
  if (OTHER_ARABIC_SCRIPT.test(lang)) return false;

  const counts: LetterCounts = { arabic: 0, latin: 0, persian: 0 };
  const h1 = doc.querySelector('h1');
  if (h1) sampleLetters(h1, 300, counts);
  for (const selector of REGIONS) {
    const region = doc.querySelector(selector);
    if (region && sampleLetters(region, SAMPLE_CHARS, counts) > 0) break;
  }
  // No article region, or an empty one: the body's first readable text.
  if (counts.arabic + counts.latin < 200) sampleLetters(body, SAMPLE_CHARS, counts);

  const letters = counts.arabic + counts.latin;
  const share = letters === 0 ? 0 : counts.arabic / letters;
  if (/^ar\b/i.test(lang)) {
    // An empty shell (text still to come from scripts) is taken at its word.
    return letters < 20 || share >= 0.15;
  }
  // Persian-only letters are rare in Arabic (an Iraqi تشرین here and there).
  if (counts.persian > counts.arabic * 0.03) return false;
  return counts.arabic >= 40 && share >= 0.5;
}

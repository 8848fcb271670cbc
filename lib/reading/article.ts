/**
 * Which element holds the article. Marks belong in the story, not in the menus,
 * the "most read" box or the comments, so the reader starts from this element
 * (and page-text.ts still skips furniture inside it).
 *
 * Semantic markup and the usual class names come first, but only when the
 * element they name holds most of the page's paragraph text: news pages often
 * mark every teaser card as an <article>. Without a fitting one, a
 * Readability-like score finds the element whose paragraphs carry the most
 * Arabic letters. The cost is one pass over the text of the page's <p>
 * elements (capped), no layout, no whole-body text walk unless there are no
 * paragraphs at all.
 */
import { countLetters, sampleLetters, type LetterCounts } from './language';
import { isSkippedElement } from './page-text';
import { runAll, type Steps } from './steps';

/** In order of trust: a declared article body, then the usual CMS class names. */
const CANDIDATES = [
  '[itemprop=articleBody]',
  '[itemprop="articleBody text"]',
  '.article-body, .article__body, .articleBody, .article-content, .article__content, .article-text, #article-body, #articleBody',
  '.entry-content, .post-content, .post-body, .post-text, .td-post-content, .single-content, .content-article',
  '.story-body, .story-content, .story-text, .story, .news-content, .news-body, .news-text, .news-details, .field-name-body',
];
/**
 * Sectioning tags: trusted to hold the article, but they may hold much more
 * (a <main> around the story, the comments and a sidebar), so the densest
 * element inside wins when it holds nearly all their prose.
 */
const BROAD_CANDIDATES = ['article', '[role=article]', 'main', '[role=main]'];

/** A paragraph shorter than this (Arabic letters) is a caption, a credit or a link, not prose. */
const MIN_PARAGRAPH = 25;
/** Paragraphs looked at: the article is near the top of any real page. */
const MAX_PARAGRAPHS = 1500;
/** Characters of one paragraph counted: its size beyond this changes nothing. */
const MAX_PARAGRAPH_CHARS = 4000;
/** Paragraphs scored per step, and characters of text nodes read per step: well under a millisecond each. */
const PARAGRAPHS_PER_STEP = 25;
const CHARS_PER_STEP = 16_000;
/** A named candidate must hold at least this share of the page's paragraph letters. */
const CANDIDATE_SHARE = 0.5;
const MIN_ARTICLE_LETTERS = 150;
/** Arabic letters of a link that reads as a headline (a teaser's title). */
const HEADLINE_LINK = 15;
/** How far up from a paragraph its teaser card may be. */
const CARD_DEPTH = 3;
/** Node.DOCUMENT_POSITION_PRECEDING: the detect command's DOM (linkedom) has no global Node. */
const DOCUMENT_POSITION_PRECEDING = 2;

interface Scores {
  /** Arabic letters of the teasers left out of the scores. */
  teaserLetters: number;
  /** Arabic letters of qualifying paragraphs anywhere inside the element. */
  contained: Map<Element, number>;
  /** Readability's score: a paragraph counts fully for its parent, half for the grandparent, a third above. */
  score: Map<Element, number>;
  total: number;
}

function arabicLetters(text: string): number {
  return countLetters(text.length > MAX_PARAGRAPH_CHARS ? text.slice(0, MAX_PARAGRAPH_CHARS) : text).arabic;
}

/**
 * A paragraph's own prose: its Arabic letters less those inside links. Link
 * text is a headline of another page (a «most read» column, a video-card
 * strip), so a box of links never outweighs the story (Readability's link
 * density, counted in letters).
 */
function proseLetters(el: Element): number {
  let letters = arabicLetters(el.textContent ?? '');
  if (letters === 0) return 0;
  for (const a of el.getElementsByTagName('a')) letters -= arabicLetters(a.textContent ?? '');
  return Math.max(0, letters);
}

/** Whether `el` or an ancestor is furniture, remembered per element for this one call. */
function skippedWithin(el: Element, memo: Map<Element, boolean>): boolean {
  const path: Element[] = [];
  let verdict = false;
  for (let cur: Element | null = el; cur; cur = cur.parentElement) {
    const known = memo.get(cur);
    if (known !== undefined) {
      verdict = known;
      break;
    }
    path.push(cur);
    if (isSkippedElement(cur)) {
      verdict = true;
      break;
    }
  }
  // Everything between `el` and the deciding ancestor shares its verdict.
  for (const p of path) memo.set(p, verdict);
  return verdict;
}

function addTo(map: Map<Element, number>, el: Element, value: number): void {
  map.set(el, (map.get(el) ?? 0) + value);
}

/**
 * Scores elements by the paragraphs they hold. A <p> credits its ancestors; an
 * element that holds prose directly (text between <br>s) credits itself first.
 * A teaser (a paragraph alone in a card with a headline link, as on a section
 * front) is no story prose: it credits nothing and is counted apart.
 */
function* scoreParagraphs(paragraphs: Iterable<Element>, holdsText: boolean): Steps<Scores> {
  const contained = new Map<Element, number>();
  const score = new Map<Element, number>();
  const memo = new Map<Element, boolean>();
  const kept: Element[] = [];
  const lettersOf: number[] = [];
  let seen = 0;
  for (const p of paragraphs) {
    if (++seen > MAX_PARAGRAPHS) break;
    if (seen % PARAGRAPHS_PER_STEP === 0) yield;
    const letters = proseLetters(p);
    if (letters < MIN_PARAGRAPH || skippedWithin(p, memo)) continue;
    kept.push(p);
    lettersOf.push(letters);
  }
  // How many paragraphs each close ancestor holds: a card holds one.
  const held = new Map<Element, number>();
  for (const p of kept) {
    let cur = holdsText ? p : p.parentElement;
    for (let up = 0; cur && up < CARD_DEPTH; up++, cur = cur.parentElement) addTo(held, cur, 1);
  }
  yield;
  let total = 0;
  let teaserLetters = 0;
  for (let k = 0; k < kept.length; k++) {
    if (k % PARAGRAPHS_PER_STEP === 0) yield;
    const p = kept[k]!;
    const letters = lettersOf[k]!;
    if (isTeaser(p, holdsText, held)) {
      teaserLetters += letters;
      continue;
    }
    total += letters;
    let level = 0;
    for (let cur: Element | null = holdsText ? p : p.parentElement; cur; cur = cur.parentElement) {
      addTo(contained, cur, letters);
      if (level < 3) addTo(score, cur, letters / (level + 1));
      level++;
    }
  }
  return { contained, score, total, teaserLetters };
}

/**
 * Whether a paragraph stands alone in a box (within a few levels) that also
 * holds a headline link: a teaser card. A story's paragraphs share their box,
 * which ends the search at once.
 */
function isTeaser(p: Element, holdsText: boolean, held: ReadonlyMap<Element, number>): boolean {
  let cur = holdsText ? p : p.parentElement;
  for (let up = 0; cur && up < CARD_DEPTH; up++, cur = cur.parentElement) {
    if ((held.get(cur) ?? 0) > 1) return false;
    for (const a of cur.getElementsByTagName('a')) {
      if (!a.contains(p) && arabicLetters(a.textContent ?? '') >= HEADLINE_LINK) return true;
    }
  }
  return false;
}

/**
 * Elements that hold text directly, for pages that set their prose in <div>s
 * and <br>s instead of <p>s: the parent of every text node with enough Arabic,
 * read up to a bounded number of characters.
 */
function* textHolders(body: Element): Steps<Element[]> {
  const holders = new Set<Element>();
  const budget = 400_000;
  let read = 0;
  let stepEnd = CHARS_PER_STEP;
  let node: Node | null = body.firstChild;
  while (node && read < budget) {
    if (read >= stepEnd) {
      yield;
      stepEnd = read + CHARS_PER_STEP;
    }
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      read += data.length;
      const parent = node.parentElement;
      if (parent && data.length >= MIN_PARAGRAPH && arabicLetters(data) >= MIN_PARAGRAPH) holders.add(parent);
    } else if (node.nodeType === 1 && node.firstChild && !isSkippedElement(node as Element) && !isLink(node as Element)) {
      node = node.firstChild;
      continue;
    }
    while (node && node !== body && !node.nextSibling) node = node.parentNode;
    node = node && node !== body ? node.nextSibling : null;
  }
  return [...holders];
}

/** A link: its text is another page's headline, never the story's prose. */
function isLink(el: Element): boolean {
  return el.localName === 'a';
}

/**
 * What a page with no article gets (a section front): an empty element that
 * is in no document, so nothing is read or marked, and a reader that watches
 * the page looks for the article again when the page changes.
 */
function noArticle(doc: Document): Element {
  return doc.createElement('article');
}

function best(scores: Map<Element, number>): Element | null {
  let top: Element | null = null;
  let max = 0;
  for (const [el, s] of scores) {
    if (s > max) {
      max = s;
      top = el;
    }
  }
  return top;
}

/**
 * Widens `root` to take in the page's headline when a close ancestor holds
 * both and little other prose: the headline names the story's people too.
 */
function withHeadline(doc: Document, root: Element, contained: Map<Element, number>): Element {
  const h1 = doc.querySelector('h1');
  if (!h1 || root.contains(h1)) return root;
  const own = contained.get(root) ?? 0;
  let cur: Element | null = root.parentElement;
  for (let up = 0; cur && up < 3 && cur !== doc.body; up++, cur = cur.parentElement) {
    if ((contained.get(cur) ?? 0) > own * 1.2 + MIN_PARAGRAPH) return root;
    if (cur.contains(h1)) return cur;
  }
  return root;
}

/** The element the article's text lives in; the body when nothing better stands out. */
export function articleRoot(doc: Document): Element {
  return runAll(findArticleRoot(doc));
}

/** articleRoot in steps, for a caller that yields to the page between them (lib/reading/steps.ts). */
export function* findArticleRoot(doc: Document): Steps<Element> {
  const body = doc.body ?? doc.documentElement;
  let scores = yield* scoreParagraphs(body.querySelectorAll('p'), false);
  if (scores.total < MIN_ARTICLE_LETTERS) {
    scores = yield* scoreParagraphs(yield* textHolders(body), true);
    // Teasers and little else, in <p>s or not: a section front.
    if (scores.total < MIN_ARTICLE_LETTERS && scores.teaserLetters >= MIN_ARTICLE_LETTERS) return noArticle(doc);
  }
  const { contained, total } = scores;
  yield;

  // Only elements that hold scored prose can win, so only they are matched
  // against the selector: far cheaper than querying a huge page for it.
  const candidate = (selector: string): Element | null => {
    let pick: Element | null = null;
    let pickLetters = 0;
    for (const [el, letters] of contained) {
      if (letters < pickLetters || !el.matches(selector)) continue;
      // A tie goes to the element first in the document (an ancestor comes before what it holds).
      if (letters > pickLetters || (pick && pick.compareDocumentPosition(el) & DOCUMENT_POSITION_PRECEDING)) {
        pick = el;
        pickLetters = letters;
      }
    }
    return pick && pickLetters >= MIN_ARTICLE_LETTERS && pickLetters >= total * CANDIDATE_SHARE ? pick : null;
  };
  for (const selector of CANDIDATES) {
    const pick = candidate(selector);
    if (pick) return withHeadline(doc, pick, contained);
    yield;
  }
  if (total < MIN_ARTICLE_LETTERS) return fallbackByText(body);

  // The densest element, widened while most of the page's prose lies outside it
  // (paragraphs split into sibling boxes by an ad or a photo).
  let dense = best(scores.score) ?? body;
  while (dense !== body && (contained.get(dense) ?? 0) < total * 0.6 && dense.parentElement) dense = dense.parentElement;
  for (const selector of BROAD_CANDIDATES) {
    const pick = candidate(selector);
    if (!pick) continue;
    const narrow = pick.contains(dense) && (contained.get(dense) ?? 0) >= 0.8 * (contained.get(pick) ?? 0);
    return withHeadline(doc, narrow ? dense : pick, contained);
  }
  return withHeadline(doc, dense, contained);
}

/** A short page: the first named candidate with any Arabic text in it, else the body. */
function fallbackByText(body: Element): Element {
  for (const selector of [...CANDIDATES, ...BROAD_CANDIDATES]) {
    const el = body.querySelector(selector);
    if (!el) continue;
    const counts: LetterCounts = { arabic: 0, latin: 0, persian: 0 };
    sampleLetters(el, 2000, counts);
    if (counts.arabic >= 40) return el;
  }
  return body;
}

/**
 * Reading a page's text as blocks, each mapped back to its DOM text nodes.
 *
 * Everything is decided from tag names and attributes, never from layout or
 * computed style: the same code runs in the content script and in Node
 * (linkedom, happy-dom) for the `detect` command and the tests, so both read
 * exactly the same text.
 *
 * A block is the text of one block-level element, inline tags included: a name
 * split across `<b>`/`<a>`/`<span>` reads as one string, and the Highlight API
 * can still mark it with a Range spanning those tags. A block element inside
 * starts a new block, so a match never crosses a block boundary (ARABIC.md).
 *
 * `<br>` does not split a block (a name broken over a line is still one name),
 * but two words on either side of it must not run together either, so it puts
 * one '\n' into the block's text that belongs to no node. `starts` records where
 * each node's data begins, so offsets still map 1:1 to node offsets; an offset
 * on that '\n' maps to the end of the node before it.
 *
 * The walk is by firstChild/nextSibling rather than a TreeWalker with a filter:
 * linkedom's TreeWalker ignores filters, and a hand walk lets a rejected element
 * skip its whole subtree in every DOM alike.
 */

/** Marks Siyaq's own elements in a page (the card's host): never read, and removed by the next Siyaq to start there. */
export const SIYAQ_UI_ATTRIBUTE = 'data-siyaq-ui';

export interface TextBlock {
  /** The block-level element the text stands in (the same element may own several blocks, around a nested block). */
  element: Element;
  /** Non-empty text nodes in document order. */
  nodes: Text[];
  /** starts[i]: offset in `text` where nodes[i]'s data begins. */
  starts: number[];
  /** The nodes' data in order, with '\n' for each <br> between them. */
  text: string;
}

export interface ReadOptions {
  /** Extra elements to leave out (with their subtrees), on top of the built-in rules. */
  skip?: (el: Element) => boolean;
}

/** Elements whose content is never prose a reader reads as the article. */
const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'button',
  'option',
  'optgroup',
  'datalist',
  'code',
  'kbd',
  'samp',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'map',
  'head',
  'title',
  'rt',
  'rp',
  'dialog',
  'menu',
  // Page furniture: navigation, the site footer, sidebars.
  'nav',
  'footer',
  'aside',
]);
// `pre` is read: on news sites it holds quoted statements and agency copy far
// more often than code, and code inside it is skipped by `code`.

/**
 * Phrasing elements: text inside them continues the surrounding block. Any
 * other tag, known or custom, starts a block, so unknown wrappers never glue
 * two words together.
 */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'img',
  'ins',
  'label',
  'mark',
  'nobr',
  'picture',
  'q',
  'ruby',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'output',
  'meter',
  'progress',
  'source',
]);

/** ARIA roles of page furniture (the role attribute overrides the tag). */
const CHROME_ROLES = /^(navigation|banner|contentinfo|complementary|search|menu|menubar|toolbar|dialog|alertdialog)$/i;

/**
 * Class and id names of comment threads and page furniture. Each class (and
 * the id) is lower-cased and split into words at '-' and '_'. A strong word
 * always skips. A weak word skips unless another class of the same element
 * says it is the content (a class ending in a content word with no weak word
 * in it): «entry-content has-share» is read, «related-content» and
 * «post-tags» are not.
 */
const STRONG_WORD = /^(comments?|commentlist|disqus\w*|respond|replies|cookies?)$/;
const STRONG_NAME = /(^|[\s_-])(sr-only|screen-reader-text|visually-hidden)($|[\s_-])/;
const WEAK_WORD =
  /^(related\w*|share\w*|sharing|social\w*|ads?|adv|advert\w*|adslot|dfp|sponsor\w*|promo\w*|newsletter\w*|subscribe|breadcrumbs?|tags?|menus?|megamenu|navbar|navigation|sidebar|widgets?|popular|trending|outbrain|taboola|banner|pagination|pager|footer)$/;
/** «Most read» boxes, named in two words (most-read, most_viewed, MostRead). */
const MOST_READ = /most[-_]?(read|viewed|popular|commented)/g;
const CONTENT_WORD = /^(content|article|articlebody|body|story|entry|text)$/;
const WORD_SPLIT = /[_-]+/;
const NAME_SPLIT = /\s+/;

/** Never rendered, so they separate nothing: text on either side stays one block. */
const INVISIBLE = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link']);

const NON_SPACE = /\S/;

const HIDDEN_STYLE = /(display\s*:\s*none|visibility\s*:\s*hidden)/i;

function tagOf(el: Element): string {
  return el.localName ?? el.tagName.toLowerCase();
}

/** Whether text inside `el` continues the block around it. */
export function isInline(el: Element): boolean {
  return INLINE.has(tagOf(el));
}

/** Whether the class or id names furniture, and how surely (see STRONG_WORD and WEAK_WORD). */
function furnitureByName(cls: string | null, id: string | null): 'strong' | 'weak' | null {
  const names = `${cls ?? ''} ${id ?? ''}`.toLowerCase().replace(MOST_READ, 'popular');
  if (STRONG_NAME.test(names)) return 'strong';
  let weak = false;
  let content = false;
  for (const name of names.split(NAME_SPLIT)) {
    if (name === '') continue;
    const words = name.split(WORD_SPLIT);
    let weakName = false;
    for (const w of words) {
      if (STRONG_WORD.test(w)) return 'strong';
      if (WEAK_WORD.test(w)) weakName = true;
    }
    if (weakName) weak = true;
    else if (CONTENT_WORD.test(words[words.length - 1]!)) content = true;
  }
  return weak && !content ? 'weak' : null;
}

/**
 * A `header` is page furniture when it is the page's banner: not inside
 * article, main, section, aside or nav (HTML-AAM's rule for role=banner) and
 * not holding the page's headline. An article's own header, with its h1 and
 * byline, is read.
 */
function isBannerHeader(el: Element): boolean {
  const scope = el.parentElement?.closest('article, main, section, aside, nav, [role=main], [role=article], [itemprop=articleBody]');
  return !scope && !el.querySelector('h1');
}

/** Forms are skipped (search, login, comment boxes) unless they wrap the page, as ASP.NET sites do. */
function isSmallForm(el: Element): boolean {
  return !el.querySelector('p, article, h1');
}

/**
 * Whether `el` and its subtree are left out of the page's text by the
 * built-in rules. Exported for article.ts, which must agree with the reader.
 */
export function isSkippedElement(el: Element): boolean {
  return skippedAs(el, tagOf(el));
}

/**
 * The rules, for an element whose tag is known. The reader calls this once per
 * element of the page, so the attributes are read in one pass over
 * `el.attributes` (most elements have none, or only an href) rather than by a
 * getAttribute call per rule.
 */
function skippedAs(el: Element, tag: string): boolean {
  if (NEVER_TEXT.has(tag)) return true;
  if (tag === 'header' && isBannerHeader(el)) return true;
  if (tag === 'form' && isSmallForm(el)) return true;
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute(SIYAQ_UI_ATTRIBUTE)) return true;
  const editable = el.getAttribute('contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  const hidden = el.getAttribute('hidden');
  if (hidden !== null && hidden !== 'until-found') return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role !== null && CHROME_ROLES.test(role)) return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  const cls = el.getAttribute('class');
  // What a section says it is, where a template names it by its heading or a
  // test hook (BBC: aria-labelledby="related-content-heading", data-e2e="most-read").
  const labelled = el.getAttribute('aria-labelledby') ?? el.getAttribute('data-e2e');
  const id = labelled === null ? el.getAttribute('id') : `${el.getAttribute('id') ?? ''} ${labelled}`;
  // Furniture class names are judged on block elements only: an inline
  // «<a class="tag">» inside a sentence is part of the sentence. The page's
  // html and body carry state classes (menu-open) that say nothing about their
  // content. Text for screen readers only is hidden wherever it is.
  if ((cls === null && id === null) || tag === 'html' || tag === 'body') return false;
  if (INLINE.has(tag)) return cls !== null && STRONG_NAME.test(cls.toLowerCase());
  const verdict = furnitureByName(cls, id);
  return verdict === 'strong' || (verdict === 'weak' && !el.querySelector(PAGE_CONTENT));
}

/**
 * A wrapper named like furniture («has-sidebar», «social-enabled») that holds
 * the headline or the main content is the page, not furniture.
 */
const PAGE_CONTENT = 'h1, main, [itemprop=articleBody]';

/**
 * Reads the blocks of text under a root, in document order, a slice at a
 * time: a content script reads a 2 MB page in slices between which it yields
 * to the page, so no task runs long. `readBlocks` reads it all at once.
 *
 * It reads exactly the part of a whole-page read that lies in `root`, so a
 * content script can re-read only what a mutation changed: when `root` (or an
 * ancestor) is skipped it reads nothing, and when `root` is inline (a `<b>`
 * whose text changed) the whole block around it is read. A page that changes
 * between slices is read as it is when each slice is read; nodes removed under
 * the walk end it early (the mutation will be read again anyway).
 */
export class BlockReader {
  private readonly start: Element;
  private readonly skip: ((el: Element) => boolean) | undefined;
  /** The next node to visit; null when the walk is over. */
  private node: Node | null;
  // The block being gathered: its element, nodes, their starts and the pieces of its text.
  private owner: Element;
  private nodes: Text[] = [];
  private starts: number[] = [];
  private parts: string[] = [];
  private length = 0;
  private hasText = false;
  /** Block-level elements from the start down to the current position. */
  private readonly stack: Element[];
  private out: TextBlock[] = [];
  private outChars = 0;

  constructor(root: Element, opts: ReadOptions = {}) {
    this.skip = opts.skip;
    let start: Element = root;
    while (isInline(start) && start.parentElement) start = start.parentElement;
    this.start = start;
    this.owner = start;
    this.stack = [start];
    this.node = start.firstChild;
    for (let el: Element | null = start; el; el = el.parentElement) {
      if (this.rejected(el, tagOf(el))) {
        this.node = null;
        break;
      }
    }
  }

  get done(): boolean {
    return this.node === null;
  }

  private rejected(el: Element, tag: string): boolean {
    return skippedAs(el, tag) || (this.skip !== undefined && this.skip(el));
  }

  private flush(): void {
    if (this.hasText) {
      const text = this.parts.join('');
      this.out.push({ element: this.owner, nodes: this.nodes, starts: this.starts, text });
      this.outChars += text.length + 1;
    }
    this.nodes = [];
    this.starts = [];
    this.parts = [];
    this.length = 0;
    this.hasText = false;
  }

  /**
   * Reads on until the blocks read hold at least `chars` characters, or to the
   * end; returns them ([] once everything is read).
   */
  read(chars = Infinity): TextBlock[] {
    const start = this.start;
    const stack = this.stack;
    let node = this.node;
    while (node !== null && this.outChars < chars) {
      let child: Node | null = null;
      const type = node.nodeType;
      if (type === 3) {
        const data = (node as Text).data;
        if (data.length > 0) {
          if (this.nodes.length === 0) this.owner = stack[stack.length - 1]!;
          this.nodes.push(node as Text);
          this.starts.push(this.length);
          this.parts.push(data);
          this.length += data.length;
          if (!this.hasText && NON_SPACE.test(data)) this.hasText = true;
        }
      } else if (type === 1) {
        const el = node as Element;
        const tag = tagOf(el);
        if (tag === 'br') {
          // Only between nodes of the block: a leading <br> has nothing to separate.
          if (this.nodes.length > 0) {
            this.parts.push('\n');
            this.length += 1;
          }
        } else {
          const inline = INLINE.has(tag);
          // Any visible block-level element, read or not (an ad box, an empty
          // div), ends the line: the words on either side must not run together.
          if (!inline && !INVISIBLE.has(tag)) this.flush();
          if (!this.rejected(el, tag)) {
            child = el.firstChild;
            if (child !== null && !inline) stack.push(el);
          }
        }
      }
      if (child !== null) {
        node = child;
        continue;
      }
      // Next node in document order, closing finished blocks on the way up.
      let next = node.nextSibling;
      while (next === null) {
        const parent: Node | null = node.parentNode;
        if (parent === null || parent === start) break;
        node = parent;
        if (node === stack[stack.length - 1]) {
          this.flush();
          stack.pop();
        }
        next = node.nextSibling;
      }
      node = next;
    }
    this.node = node;
    if (node === null) this.flush();
    const out = this.out;
    this.out = [];
    this.outChars = 0;
    return out;
  }
}

/**
 * The blocks of text under `root`, in document order, read at once (see
 * BlockReader for what is read).
 */
export function readBlocks(root: Element, opts: ReadOptions = {}): TextBlock[] {
  return new BlockReader(root, opts).read();
}

/** The blocks' texts joined by '\n', and where each block starts in it. */
export function pageText(blocks: readonly TextBlock[]): { text: string; blockStarts: number[] } {
  const blockStarts: number[] = [];
  const texts: string[] = [];
  let at = 0;
  for (const b of blocks) {
    blockStarts.push(at);
    texts.push(b.text);
    at += b.text.length + 1;
  }
  return { text: texts.join('\n'), blockStarts };
}

export interface DomPosition {
  node: Text;
  offset: number;
}

/**
 * Index of the last entry of sorted `starts` that is ≤ offset (0 when none
 * is): with pageText's blockStarts, the block a page-text offset falls in.
 */
export function blockIndexAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The DOM position of a page-text offset inside one block. A start at a node
 * boundary goes to the beginning of the next node, an end to the end of the
 * previous one, so a Range covers no more nodes than it must.
 */
function position(block: TextBlock, offset: number, isEnd: boolean): DomPosition | null {
  if (offset < 0 || offset > block.text.length || block.nodes.length === 0) return null;
  let i = blockIndexAt(block.starts, offset);
  if (isEnd && i > 0 && block.starts[i] === offset) i--;
  const node = block.nodes[i]!;
  return { node, offset: Math.min(offset - block.starts[i]!, node.data.length) };
}

/**
 * The two DOM positions, [start, end], of the page-text range [start, end)
 * computed by pageText over the same blocks: feed them to Range.setStart and
 * Range.setEnd. Empty when the range is outside the text or crosses blocks.
 */
export function locate(blocks: readonly TextBlock[], blockStarts: readonly number[], start: number, end: number): DomPosition[] {
  if (blocks.length === 0 || start > end || start < 0) return [];
  const bi = blockIndexAt(blockStarts, start);
  const block = blocks[bi]!;
  const base = blockStarts[bi]!;
  if (end - base > block.text.length) return [];
  const from = position(block, start - base, false);
  const to = position(block, end - base, true);
  return from && to ? [from, to] : [];
}

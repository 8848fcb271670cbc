/**
 * Finds the mentions on a page and keeps them as live DOM Ranges.
 *
 * The whole article is read as the `detect` command reads it (blocks joined by
 * '\n'), a chunk per step (lib/detect/steps.ts), so the content script can give
 * the page its thread back between chunks and a 2 MB page never holds it for
 * long. After a mutation only the changed blocks are read again.
 */
import { detect, type Matcher } from '../detect/detect';
import { BlockReader, blockIndexAt, locate, pageText, readBlocks, type TextBlock } from '../detect/page-text';
import type { Steps } from '../detect/steps';

export interface PageMention {
  topic: string;
  text: string;
  range: Range;
  /** The block element the mention stands in: mutations are mapped to it. */
  block: Element;
}

/**
 * Text read per step. The runner pauses only between steps, so a step must stay
 * short even with the detector's code still cold: the first 16 KB chunk took
 * 30 ms in a traced Chromium run; 4 KB ones take a few.
 */
const CHUNK_CHARS = 4 * 1024;

export class PageScanner {
  private readonly byBlock = new Map<Element, PageMention[]>();
  /**
   * Every mention in document order. The first read finds them in order; after
   * a mutation only the re-read ones are merged in, so no refresh ever sorts
   * thousands of live ranges (a 2 MB page holds about ten thousand).
   */
  private ordered: PageMention[] = [];
  /** Topics already found with an unambiguous alias, for context rules of later chunks. */
  private readonly known = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
  ) {}

  /** Reads every block under `root`, a chunk per step. */
  *scan(root: Element): Steps<void> {
    const reader = new BlockReader(root);
    while (!reader.done) {
      for (const m of this.readChunk(reader.read(CHUNK_CHARS))) this.ordered.push(m);
      yield;
    }
  }

  /**
   * Reads the given elements again (a mutation changed them): their old
   * mentions, and any whose nodes left the document, are dropped first.
   */
  rescan(elements: readonly Element[]): void {
    const changed = [...elements];
    for (const [block, mentions] of this.byBlock) {
      if (!block.isConnected) this.byBlock.delete(block);
      // Text nodes replaced under a block that stayed: read the block again.
      else if (mentions.some((m) => !m.range.startContainer.isConnected || !m.range.endContainer.isConnected)) {
        changed.push(block);
      }
    }
    // A change inside a block that was read before means reading that whole block again.
    const roots = outermost(changed.map((el) => this.knownBlockAround(el) ?? el));
    for (const block of this.byBlock.keys()) {
      if (roots.some((r) => r.contains(block))) this.byBlock.delete(block);
    }
    const blocks: TextBlock[] = [];
    for (const root of roots) {
      if (!root.isConnected) continue;
      blocks.push(...readBlocks(root));
    }
    const fresh = this.readChunk(blocks.filter((b) => !this.byBlock.has(b.element)));
    const kept = new Set<PageMention>();
    for (const list of this.byBlock.values()) for (const m of list) kept.add(m);
    for (const m of fresh) kept.delete(m);
    this.ordered = mergeInOrder(
      this.ordered.filter((m) => kept.has(m)),
      fresh.sort(byPosition),
    );
  }

  private knownBlockAround(el: Element): Element | null {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      if (this.byBlock.has(cur)) return cur;
    }
    return null;
  }

  /** Every mention in document order. */
  mentions(): readonly PageMention[] {
    return this.ordered;
  }

  /** Detects in `blocks` and files what it finds; returns the new mentions in text order. */
  private readChunk(blocks: readonly TextBlock[]): PageMention[] {
    if (blocks.length === 0) return [];
    const fresh: PageMention[] = [];
    const { text, blockStarts } = pageText(blocks);
    const found = detect(text, this.matcher, { knownTopics: this.known });
    for (const m of found) {
      const [from, to] = locate(blocks, blockStarts, m.start, m.end);
      if (!from || !to) continue;
      const range = this.doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      const block = blocks[blockIndexAt(blockStarts, m.start)];
      if (!block) continue;
      const mention: PageMention = { topic: m.topic, text: m.text, range, block: block.element };
      const list = this.byBlock.get(block.element);
      if (list) list.push(mention);
      else this.byBlock.set(block.element, [mention]);
      fresh.push(mention);
      if (!m.cued) this.known.add(m.topic);
    }
    // A block with no mentions is remembered too, so rescans can tell it was read.
    for (const b of blocks) if (!this.byBlock.has(b.element)) this.byBlock.set(b.element, []);
    return fresh;
  }
}

function byPosition(a: PageMention, b: PageMention): number {
  return a.range.compareBoundaryPoints(Range.START_TO_START, b.range);
}

/** Merges a few sorted mentions into many sorted ones: binary search per insert, O(k log n) comparisons. */
function mergeInOrder(many: PageMention[], few: readonly PageMention[]): PageMention[] {
  for (const m of few) {
    let lo = 0;
    let hi = many.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byPosition(many[mid]!, m) <= 0) lo = mid + 1;
      else hi = mid;
    }
    many.splice(lo, 0, m);
  }
  return many;
}

/** Drops elements contained in another element of the list. */
function outermost(elements: readonly Element[]): Element[] {
  const unique = [...new Set(elements)];
  return unique.filter((el) => !unique.some((other) => other !== el && other.contains(el)));
}

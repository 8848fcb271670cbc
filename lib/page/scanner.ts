/**
 * Finds the mentions on a page and keeps them as live DOM Ranges.
 *
 * The whole article is read as the `detect` command reads it (blocks joined by
 * '\n'), in chunks that yield to the page between them, so a 2 MB page never
 * holds the main thread for long. After a mutation only the changed blocks are
 * read again.
 */
import { detect, type Matcher } from '../detect/detect';
import { BlockReader, blockIndexAt, locate, pageText, readBlocks, type TextBlock } from '../detect/page-text';

export interface PageMention {
  topic: string;
  text: string;
  range: Range;
  /** The block element the mention stands in: mutations are mapped to it. */
  block: Element;
}

/** Text read per chunk before yielding: about 5 ms of work on this kind of machine. */
const CHUNK_CHARS = 64 * 1024;

export type Yield = () => Promise<void>;

export class PageScanner {
  private readonly byBlock = new Map<Element, PageMention[]>();
  /** Topics already found with an unambiguous alias, for context rules of later chunks. */
  private readonly known = new Set<string>();

  constructor(
    private readonly doc: Document,
    private readonly matcher: Matcher,
  ) {}

  /** Reads every block under `root`; resolves when done or when `signal` aborts. */
  async scan(root: Element, signal: AbortSignal, pause: Yield): Promise<void> {
    const reader = new BlockReader(root);
    while (!reader.done) {
      this.readChunk(reader.read(CHUNK_CHARS));
      await pause();
      if (signal.aborted) return;
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
    this.readChunk(blocks.filter((b) => !this.byBlock.has(b.element)));
  }

  private knownBlockAround(el: Element): Element | null {
    for (let cur: Element | null = el; cur; cur = cur.parentElement) {
      if (this.byBlock.has(cur)) return cur;
    }
    return null;
  }

  /** Every mention in document order. */
  mentions(): PageMention[] {
    const all: PageMention[] = [];
    for (const list of this.byBlock.values()) all.push(...list);
    return all.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
  }

  private readChunk(blocks: readonly TextBlock[]): void {
    if (blocks.length === 0) return;
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
      if (!m.cued) this.known.add(m.topic);
    }
    // A block with no mentions is remembered too, so rescans can tell it was read.
    for (const b of blocks) if (!this.byBlock.has(b.element)) this.byBlock.set(b.element, []);
  }
}

/** Drops elements contained in another element of the list. */
function outermost(elements: readonly Element[]): Element[] {
  const unique = [...new Set(elements)];
  return unique.filter((el) => !unique.some((other) => other !== el && other.contains(el)));
}

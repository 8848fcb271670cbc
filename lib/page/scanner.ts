/**
 * Finds the mentions on a page and keeps them as live DOM Ranges.
 *
 * The article is read as the `detect` command reads it (blocks joined by
 * '\n'), and the text is sent to the background, which runs the detector and
 * answers with offsets (docs/adr/0006-detection-in-the-background.md). Reading
 * and filing the answer are generators of small steps (lib/reading/steps.ts),
 * so the content script gives the page its thread back between them and a
 * 2 MB page never holds it for long. After a mutation only the changed blocks
 * are read again.
 */
import type { FoundMention } from '../messages';
import { BlockReader, blockIndexAt, locate, pageText, type TextBlock } from '../reading/page-text';
import type { Steps } from '../reading/steps';

export interface PageMention {
  topic: string;
  range: Range;
  /** The block element the mention stands in: mutations are mapped to it. */
  block: Element;
  /**
   * The longer name of another topic this one is nested in («داعش» in
   * «التحالف الدولي لدحر داعش»), when that name is on the page too.
   */
  within?: PageMention;
}

/** The background's detector: mentions in `text`, given the topics the page already vouched for. */
export type DetectText = (text: string, known: readonly string[]) => Promise<FoundMention[]>;

/** Runs steps in slices; `{ done: false }` when the read was called off (runInSlices, bound to a signal). */
export type RunSteps = <T>(steps: Steps<T>) => Promise<{ done: true; value: T } | { done: false }>;

/** Text read per step: well under a few milliseconds of walking, even cold. */
const CHUNK_CHARS = 4 * 1024;
/**
 * Text sent to the background at once: a typical article goes in one message,
 * a huge page in a few dozen, each answered in milliseconds.
 */
const BATCH_CHARS = 64 * 1024;
/** Mentions turned into Ranges per step. */
const MENTIONS_PER_STEP = 200;

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

  /** Blocks whose text changed between being sent and the answer: to be read again. */
  private stale = new Set<Element>();

  constructor(
    private readonly doc: Document,
    private readonly detectText: DetectText,
  ) {}

  /**
   * Reads every block under `root`, a batch at a time; `afterBatch` runs once
   * each batch's mentions are filed. False when the read was called off.
   */
  async scan(root: Element, run: RunSteps, afterBatch: () => Promise<void> = () => Promise.resolve()): Promise<boolean> {
    const reader = new BlockReader(root);
    while (!reader.done) {
      const batch = await run(gather(reader));
      if (!batch.done) return false;
      const fresh = await this.readBatch(batch.value, run);
      if (!fresh) return false;
      for (const m of fresh) this.ordered.push(m);
      await afterBatch();
    }
    return true;
  }

  /** Elements whose text changed while their mentions were being found; taking them empties the list. */
  takeStale(): Element[] {
    const out = [...this.stale];
    this.stale = new Set();
    return out;
  }

  /**
   * Reads the given elements again (a mutation changed them): their old
   * mentions, and any whose nodes left the document, are dropped first.
   * False when the read was called off; calls must not overlap.
   */
  async rescan(elements: readonly Element[], run: RunSteps): Promise<boolean> {
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
    // Read in steps and batches like the first read: a client-side navigation may put a whole new article here.
    const fresh: PageMention[] = [];
    // Blocks still filed from before are not read again; one element may own several blocks, all read now.
    const filed = new Set(this.byBlock.keys());
    for (const root of roots) {
      if (!root.isConnected) continue;
      const reader = new BlockReader(root);
      while (!reader.done) {
        const batch = await run(gather(reader));
        if (!batch.done) return false;
        const found = await this.readBatch(
          batch.value.filter((b) => !filed.has(b.element)),
          run,
        );
        if (!found) return false;
        for (const m of found) fresh.push(m);
      }
    }
    const kept = new Set<PageMention>();
    for (const list of this.byBlock.values()) for (const m of list) kept.add(m);
    for (const m of fresh) kept.delete(m);
    this.ordered = mergeInOrder(
      this.ordered.filter((m) => kept.has(m)),
      fresh.sort(byPosition),
    );
    return true;
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

  /** Has the background detect in `blocks` and files what it finds; the new mentions in text order, or null when called off. */
  private async readBatch(blocks: readonly TextBlock[], run: RunSteps): Promise<PageMention[] | null> {
    if (blocks.length === 0) return [];
    const { text, blockStarts } = pageText(blocks);
    const found = await this.detectText(text, [...this.known]);
    const filed = await run(this.file(blocks, blockStarts, text, found));
    return filed.done ? filed.value : null;
  }

  /**
   * Turns the background's offsets into Ranges. The page may have changed the
   * text while the answer was on its way: a mention whose Range no longer
   * holds the text that was sent is dropped and its block read again.
   */
  private *file(
    blocks: readonly TextBlock[],
    blockStarts: readonly number[],
    text: string,
    found: readonly FoundMention[],
  ): Steps<PageMention[]> {
    const fresh: PageMention[] = [];
    let n = 0;
    // The last mention that is not nested: the one an inner name may lie in.
    let outer: { found: FoundMention; mention: PageMention } | null = null;
    for (const m of found) {
      if (++n % MENTIONS_PER_STEP === 0) yield;
      const block = blocks[blockIndexAt(blockStarts, m.start)];
      const [from, to] = locate(blocks, blockStarts, m.start, m.end);
      if (!block || !from || !to) continue;
      const range = this.doc.createRange();
      range.setStart(from.node, from.offset);
      range.setEnd(to.node, to.offset);
      if (!from.node.isConnected || !to.node.isConnected || !holds(range, text.slice(m.start, m.end))) {
        this.stale.add(block.element);
        continue;
      }
      const mention: PageMention = { topic: m.topic, range, block: block.element };
      if (!m.inner) outer = { found: m, mention };
      else if (outer && outer.found.start <= m.start && m.end <= outer.found.end) mention.within = outer.mention;
      const list = this.byBlock.get(block.element);
      if (list) list.push(mention);
      else this.byBlock.set(block.element, [mention]);
      fresh.push(mention);
      if (!m.cued) this.known.add(m.topic);
    }
    // A block with no mentions is remembered too, so rescans can tell it was read.
    for (const b of blocks) if (!this.byBlock.has(b.element) && !this.stale.has(b.element)) this.byBlock.set(b.element, []);
    return fresh;
  }
}

/** Whether the range holds `sent`: a <br> inside it is a '\n' of the sent text that no node holds. */
function holds(range: Range, sent: string): boolean {
  const now = range.toString();
  return now === sent || now.replaceAll('\n', '') === sent.replaceAll('\n', '');
}

/** Reads blocks a chunk per step until a batch's worth is read, or to the end. */
function* gather(reader: BlockReader): Steps<TextBlock[]> {
  const blocks: TextBlock[] = [];
  let chars = 0;
  while (!reader.done && chars < BATCH_CHARS) {
    for (const b of reader.read(CHUNK_CHARS)) {
      blocks.push(b);
      chars += b.text.length + 1;
    }
    yield;
  }
  return blocks;
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

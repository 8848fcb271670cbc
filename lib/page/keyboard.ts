/**
 * The way in by keyboard: the next / previous mention commands (relayed by the
 * background) and the popup's "on this page" list take the reader to a mark
 * and open its card with focus, so a screen reader announces the card's label
 * (the dialog's aria-label) and Tab reaches its buttons; Escape closes it.
 * Only the reader's own keys count: a page's synthetic events are ignored.
 *
 * Stepping goes from mark to mark. A name inside a painted longer name
 * («داعش» in «التحالف الدولي لدحر داعش») is no mark of its own, so a step does
 * not stop on the same words twice: the popup's list (or the pointer) reaches
 * its card, and stepping goes on from the mark around it.
 */

export interface KeyboardDeps<T extends { topic: string; range: Range }> {
  win: Window & typeof globalThis;
  /** The painted marks, in document order: what stepping goes through. */
  marks(): readonly T[];
  /** Every mention a card may open for, in document order: the marks and the names nested in them. */
  shown(): readonly T[];
  isOpen(): boolean;
  /** Opens the mention's card with focus. */
  open(mention: T): void;
  close(): void;
}

export class Keyboard<T extends { topic: string; range: Range }> {
  /**
   * Where stepping goes on from: the index of the mark of the last card
   * opened, -1 for none; half a step past its mark for a name nested in it
   * (which the mark's start precedes), so forward goes to the next mark and
   * back to the mark around it.
   */
  private cursor = -1;

  constructor(private readonly deps: KeyboardDeps<T>) {}

  start(signal: AbortSignal): void {
    this.deps.win.addEventListener(
      'keydown',
      (e) => {
        if (e.isTrusted && e.key === 'Escape' && this.deps.isOpen()) this.deps.close();
      },
      { signal },
    );
  }

  /** Moves to the next or previous mark, scrolls to it and opens its card. */
  step(direction: 1 | -1): boolean {
    const marks = this.deps.marks();
    const n = marks.length;
    if (n === 0) return false;
    const { cursor } = this;
    const next = cursor < 0 ? (direction === 1 ? 0 : n - 1) : direction === 1 ? Math.floor(cursor) + 1 : Math.ceil(cursor) - 1;
    this.reveal(marks[(next + n) % n]!);
    return true;
  }

  /** Scrolls to the topic's first shown mention (inside a mark, perhaps) and opens its card. */
  showTopic(topic: string): boolean {
    const mention = this.deps.shown().find((m) => m.topic === topic);
    if (!mention) return false;
    this.reveal(mention);
    return true;
  }

  /** The card of `mention` opened (by any means): stepping goes on from its mark (the one it is, or the one it is in). */
  openedAt(mention: T): void {
    const marks = this.deps.marks();
    const i = marks.indexOf(mention);
    this.cursor = i >= 0 ? i : marks.findLastIndex((m) => m.range.compareBoundaryPoints(Range.START_TO_START, mention.range) <= 0) + 0.5;
  }

  /** The painted mentions changed: stepping starts again from the ends. */
  reset(): void {
    this.cursor = -1;
  }

  private reveal(mention: T): void {
    const { deps } = this;
    this.openedAt(mention);
    const el = mention.range.startContainer.parentElement;
    const reduce = deps.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    deps.open(mention);
  }
}

/**
 * The way in by keyboard: the next / previous mention commands (relayed by the
 * background) and the popup's "on this page" list take the reader to a mark
 * and open its card with focus, so a screen reader announces the card's label
 * (the dialog's aria-label) and Tab reaches its buttons; Escape closes it.
 * Only the reader's own keys count: a page's synthetic events are ignored.
 */

export interface KeyboardDeps<T extends { topic: string; range: Range }> {
  win: Window & typeof globalThis;
  /** The painted mentions, in document order. */
  shown(): readonly T[];
  isOpen(): boolean;
  /** Opens the mention's card with focus. */
  open(mention: T): void;
  close(): void;
}

export class Keyboard<T extends { topic: string; range: Range }> {
  /** Where stepping goes on from: the mention of the last card opened, -1 for none. */
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

  /** Moves to the next or previous painted mention, scrolls to it and opens its card. */
  step(direction: 1 | -1): boolean {
    const n = this.deps.shown().length;
    if (n === 0) return false;
    this.reveal(this.cursor < 0 ? (direction === 1 ? 0 : n - 1) : (this.cursor + direction + n) % n);
    return true;
  }

  /** Scrolls to the topic's first painted mention and opens its card. */
  showTopic(topic: string): boolean {
    const index = this.deps.shown().findIndex((m) => m.topic === topic);
    if (index < 0) return false;
    this.reveal(index);
    return true;
  }

  /** The card of `mention` opened (by any means): stepping goes on from there. */
  openedAt(mention: T): void {
    this.cursor = this.deps.shown().indexOf(mention);
  }

  /** The painted mentions changed: stepping starts again from the ends. */
  reset(): void {
    this.cursor = -1;
  }

  private reveal(index: number): void {
    const { deps } = this;
    this.cursor = index;
    const mention = deps.shown()[index]!;
    const el = mention.range.startContainer.parentElement;
    const reduce = deps.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    deps.open(mention);
  }
}

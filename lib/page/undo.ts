/**
 * The undo offer after the reader mutes a topic or turns Siyaq off for a site
 * from the card (docs/adr/0009-undo-by-deferred-commit.md).
 */

/** How long the card offers Undo. */
export const UNDO_MS = 6_000;

/**
 * One action at a time waiting for its undo window to pass. Nothing is
 * committed until then, so Undo loses nothing and has nothing to reverse; a
 * page being left commits at once, since the reader did ask for it.
 */
export class UndoOffer {
  private commit: (() => void) | null = null;
  private timer = 0;
  private readonly onPageHide = (): void => this.settle();

  constructor(
    private readonly view: Window,
    private readonly onTimeUp: () => void,
  ) {}

  get pending(): boolean {
    return this.commit !== null;
  }

  offer(commit: () => void): void {
    this.settle();
    this.commit = commit;
    this.timer = this.view.setTimeout(() => {
      this.settle();
      this.onTimeUp();
    }, UNDO_MS);
    this.view.addEventListener('pagehide', this.onPageHide);
  }

  /** Commits the waiting action now. */
  settle(): void {
    const commit = this.commit;
    this.cancel();
    commit?.();
  }

  /** Drops the waiting action: nothing was done. */
  cancel(): void {
    this.view.clearTimeout(this.timer);
    this.view.removeEventListener('pagehide', this.onPageHide);
    this.commit = null;
  }
}

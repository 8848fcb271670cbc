/**
 * Follow the page: as the page scrolls or the window resizes, the open card
 * moves with its mark, and closes once it can no longer stay fully in view
 * beside it, so its header and × never leave the screen with the mark.
 */
import type { CardView } from './controller';

export interface FollowDeps {
  win: Window & typeof globalThis;
  /** The card, once created. */
  card(): CardView | null;
  close(): void;
}

export class Follow {
  /**
   * The open card has been in view beside its mark since it was shown. A card
   * a keyboard step opens may be shown while the page is still scrolling its
   * mark into view: it closes only once it has been in view and leaves it.
   */
  private seen = false;
  /**
   * A card is on its way for another mark: the one open now moves with its
   * mark but is not closed, which would call off the one coming.
   */
  private awaited = false;

  constructor(private readonly deps: FollowDeps) {}

  start(signal: AbortSignal): void {
    const { win } = this.deps;
    const follow = (): void => this.follow();
    win.addEventListener('scroll', follow, { passive: true, capture: true, signal });
    win.addEventListener('resize', follow, { passive: true, signal });
  }

  /** A card is on its way for a mark (the page may be scrolling to it). */
  opening(): void {
    this.awaited = true;
  }

  /** A card was just shown beside its mark. */
  shown(): void {
    this.awaited = false;
    this.seen = this.deps.card()?.reposition() ?? false;
  }

  private follow(): void {
    const card = this.deps.card();
    if (!card?.isOpen) return;
    const inView = card.reposition();
    if (this.awaited) return;
    if (inView) this.seen = true;
    else if (this.seen) this.deps.close();
  }
}

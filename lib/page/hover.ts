/**
 * The card on hover, as Wikipedia's Page Previews does it: the pointer rests
 * on a mark for the dwell delay and its card opens; it may travel from the
 * mark to the card and stay; off both for a short grace period, the card
 * closes. Only the reader's own pointer counts: a page's synthetic events
 * (isTrusted false) open and close nothing.
 */

/** How long the pointer may be off both the mention and the card before it closes. */
export const CLOSE_GRACE_MS = 300;

export interface HoverDeps<T> {
  win: Window & typeof globalThis;
  /** The painted mention under a point of the viewport, if any. */
  hitAt(x: number, y: number): T | null;
  /** The target is inside Siyaq's card. */
  onCard(target: EventTarget | null): boolean;
  /** The mention whose card is open or opening. */
  current(): T | null;
  dwellMs(): number;
  /** False once the extension is gone from under the page (ControllerDeps.isAlive). */
  isAlive(): boolean;
  /** The pointer came to rest on a mark: load what the card needs while it dwells. */
  prepare(): void;
  open(mention: T): void;
  close(): void;
}

export class Hover<T> {
  private pending: T | null = null;
  private dwellTimer = 0;
  private closeTimer = 0;

  constructor(private readonly deps: HoverDeps<T>) {}

  start(signal: AbortSignal): void {
    const { win } = this.deps;
    let frame = 0;
    let lastX = 0;
    let lastY = 0;
    let target: EventTarget | null = null;
    win.addEventListener(
      'pointermove',
      (e) => {
        if (!e.isTrusted || e.pointerType === 'touch') return;
        lastX = e.clientX;
        lastY = e.clientY;
        target = e.target;
        if (frame) return;
        // One hit-test a frame, at the pointer's latest position.
        frame = win.requestAnimationFrame(() => {
          frame = 0;
          this.onPointer(lastX, lastY, target);
        });
      },
      { passive: true, signal },
    );
    win.document.documentElement.addEventListener(
      'pointerleave',
      (e) => {
        if (!e.isTrusted) return;
        this.cancelDwell();
        this.scheduleClose();
      },
      { passive: true, signal },
    );
    signal.addEventListener(
      'abort',
      () => {
        win.cancelAnimationFrame(frame);
        this.cancelDwell();
        this.cancelClose();
      },
      { once: true },
    );
  }

  /** A card opened or closed by other means: no grace period is running for it. */
  cancelClose(): void {
    if (this.closeTimer) this.deps.win.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private onPointer(x: number, y: number, target: EventTarget | null): void {
    const { deps } = this;
    if (!deps.isAlive()) return;
    if (deps.onCard(target)) {
      this.cancelClose();
      return;
    }
    const hit = deps.hitAt(x, y);
    if (hit && hit === deps.current()) {
      this.cancelClose();
      return;
    }
    if (hit) {
      if (hit !== this.pending) {
        this.cancelDwell();
        this.pending = hit;
        deps.prepare();
        this.dwellTimer = deps.win.setTimeout(() => {
          this.pending = null;
          deps.open(hit);
        }, deps.dwellMs());
      }
      return;
    }
    this.cancelDwell();
    this.scheduleClose();
  }

  private scheduleClose(): void {
    if (!this.deps.current() || this.closeTimer) return;
    this.closeTimer = this.deps.win.setTimeout(() => {
      this.closeTimer = 0;
      this.deps.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelDwell(): void {
    if (this.dwellTimer) this.deps.win.clearTimeout(this.dwellTimer);
    this.dwellTimer = 0;
    this.pending = null;
  }
}

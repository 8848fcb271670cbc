/**
 * How the content script shares the page's thread: long reads run in slices
 * with the page's own tasks between them, and work that can wait (page
 * changes, loading the reader UI) waits for the page to be idle. Bound to the
 * session's signal: once it aborts, no slice or idle task runs again.
 */
import { runInSlices } from '../reading/steps';
import type { RunSteps } from './scanner';

/**
 * How long a read may hold the page's thread before giving it back.
 * A long task is one over 50 ms, and the page's own style and garbage
 * collection may land in the same task: Siyaq keeps to a fifth of that.
 */
const SLICE_MS = 10;

/** An idle task runs within this long even on a page that is never idle. */
const IDLE_TIMEOUT_MS = 500;
/** Where there is no requestIdleCallback, an idle task runs after this delay. */
const IDLE_FALLBACK_MS = 200;

export class Pacing {
  /** Until started, nothing is called off. */
  private signal: AbortSignal = new AbortController().signal;

  constructor(private readonly win: Window & typeof globalThis) {}

  start(signal: AbortSignal): void {
    this.signal = signal;
  }

  /** Runs steps in slices of SLICE_MS with the page's tasks between them; called off with the session. */
  readonly run: RunSteps = (steps) =>
    runInSlices(steps, {
      now: () => this.win.performance.now(),
      pause: () => this.pause(),
      budgetMs: SLICE_MS,
      signal: this.signal,
    });

  /**
   * Lets the page run between chunks of a long read. Browsers hold a hidden
   * tab's timers to about one a second, so a long article opened in a
   * background tab would take minutes to mark; there, a message posted to
   * itself yields instead, which is not throttled. Nobody sees a hidden tab's
   * thread, and the reader who switches to it finds it marked.
   */
  pause(): Promise<void> {
    const { win } = this;
    if (win.document.visibilityState !== 'hidden') return new Promise((resolve) => win.setTimeout(resolve, 0));
    return new Promise((resolve) => {
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }

  /** Runs `task` when the page is idle (within half a second), unless the session ends first; returns how to cancel it. */
  whenIdle(task: () => void): () => void {
    const { win, signal } = this;
    if (signal.aborted) return () => undefined;
    let cancelPending: () => void;
    const cancel = (): void => {
      signal.removeEventListener('abort', cancel);
      cancelPending();
    };
    const run = (): void => {
      signal.removeEventListener('abort', cancel);
      if (!signal.aborted) task();
    };
    if (typeof win.requestIdleCallback === 'function') {
      const handle = win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      cancelPending = () => win.cancelIdleCallback(handle);
    } else {
      const handle = win.setTimeout(run, IDLE_FALLBACK_MS);
      cancelPending = () => win.clearTimeout(handle);
    }
    signal.addEventListener('abort', cancel, { once: true });
    return cancel;
  }
}

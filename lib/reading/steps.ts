/**
 * Long work written as a generator of small steps, so that one body of code
 * serves both callers: the detect command and the tests run it to the end at
 * once, and the content script runs it in slices of a few milliseconds with
 * the page's own tasks between them (a 2 MB page must never hold the main
 * thread for 50 ms).
 *
 * A step should be cheap (well under a millisecond to a few): the runner can
 * only pause between steps, so the longest step bounds how far a slice can
 * overrun its budget.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now. */
export function runAll<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

export interface SliceOptions {
  /** The clock slices are measured with (performance.now). */
  now(): number;
  /** Gives the thread back to the page; resolves in a later task. */
  pause(): Promise<void>;
  /** How long one slice may run before the next pause, ms. */
  budgetMs: number;
  signal: AbortSignal;
}

/**
 * Runs the steps, pausing whenever the current slice has run `budgetMs`.
 * Resolves with the result, or with `{ done: false }` when the signal aborted first
 * (the steps are then abandoned where they stood).
 */
export async function runInSlices<T>(steps: Steps<T>, opts: SliceOptions): Promise<{ done: true; value: T } | { done: false }> {
  let sliceStart = opts.now();
  for (;;) {
    if (opts.signal.aborted) return { done: false };
    const next = steps.next();
    if (next.done) return { done: true, value: next.value };
    if (opts.now() - sliceStart < opts.budgetMs) continue;
    await opts.pause();
    sliceStart = opts.now();
  }
}

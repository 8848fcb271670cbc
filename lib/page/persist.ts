/**
 * Asking the background again when it could not answer. An MV3 service worker
 * stopped while a request reaches it either closes the message port (the
 * promise rejects) or, when the stop races the worker's start, may leave the
 * promise unsettled; both end in a retry once the attempt has failed or
 * waited too long, for as long as the extension itself is alive.
 *
 * An attempt that waited too long is not given up: the next one is sent
 * beside it, and whichever answers first is the answer. So a time limit can
 * stay short (a lost request is replaced soon) without cutting off a slow
 * answer (a worker still seeding a large corpus).
 */
/**
 * Ids for requests whose attempts must be known as one (the background joins
 * a retry to the attempt it is working on): random per page load, since a new
 * page in the same tab starts counting again while the worker lives on, then
 * counted. getRandomValues, because randomUUID exists only on https pages.
 */
export function requestIds(): () => string {
  const prefix = Array.from(crypto.getRandomValues(new Uint32Array(2)), (n) => n.toString(36)).join('');
  let n = 0;
  return () => `${prefix}-${(n++).toString(36)}`;
}

export interface PersistOptions {
  /** False once the extension was reloaded or removed: asking again is pointless. */
  isAlive(): boolean;
  /** Pauses between attempts; one attempt more than there are pauses. */
  pauses: readonly number[];
  /** How long each attempt waits alone before the next one is sent, the last figure for every attempt after. */
  attemptMs: readonly number[];
}

/**
 * Quick retries, one a second for half a minute, then one every five seconds
 * for two minutes more: a worker stopped during its own start-up may not start
 * again at once (Chromium 156 has refused to for over 35 s, while the next page
 * load found it answering), and a content script that gave up leaves its page
 * unmarked.
 */
export const DEFAULT_PAUSES: readonly number[] = [100, 300, 700, ...new Array<number>(27).fill(1000), ...new Array<number>(24).fill(5000)];
export const DEFAULT_ATTEMPT_MS = [1000, 2000] as const;

class AttemptTimeout extends Error {
  constructor(ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

/** The promise's outcome, or an AttemptTimeout after `ms`; the timer goes as soon as either comes. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AttemptTimeout(ms)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Waits `ms`, or less when `early` settles first, with its value; the timer goes either way. */
function pause<V>(ms: number, early: Promise<V>): Promise<V | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([waited, early]).finally(() => clearTimeout(timer));
}

/** An attempt whose channel closed with nothing in it. */
class NoAnswer extends Error {
  constructor() {
    super('the background gave no answer');
  }
}

/**
 * Every request Siyaq asks persistently has an answer that is not undefined
 * (mentions, a card or null, an acknowledgement). An attempt that settles with
 * nothing (a worker stopped while it answered can leave the channel to close
 * so) is a failed one, asked again, never the page's answer.
 */
export async function persist<T>(ask: () => Promise<T>, options: PersistOptions): Promise<Exclude<T, undefined>> {
  const { isAlive, pauses, attemptMs } = options;
  // The first answer of any attempt, a timed-out one included.
  let answered!: (answer: { value: Exclude<T, undefined> }) => void;
  const anyAnswer = new Promise<{ value: Exclude<T, undefined> }>((resolve) => (answered = resolve));
  let lastError: unknown;
  for (let attempt = 0; attempt <= pauses.length; attempt++) {
    const request = ask().then((value) => {
      if (value === undefined) throw new NoAnswer();
      return value as Exclude<T, undefined>;
    });
    request.then(
      (value) => answered({ value }),
      () => undefined,
    );
    try {
      const limit = attemptMs[Math.min(attempt, attemptMs.length - 1)]!;
      return (await within(Promise.race([request.then((value) => ({ value })), anyAnswer]), limit)).value;
    } catch (error) {
      lastError = error;
      if (!isAlive() || attempt === pauses.length) break;
      const late = await pause(pauses[attempt]!, anyAnswer);
      if (late) return late.value;
    }
  }
  throw lastError;
}

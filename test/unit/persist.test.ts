import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { persist, requestIds, type PersistOptions } from '../../lib/page/persist';

// Fake timers: each test moves time itself, so a loaded machine changes nothing.
beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const options = (alive = () => true): PersistOptions => ({
  isAlive: alive,
  pauses: [100, 100, 100],
  attemptMs: [1000],
});

/** A promise settled by the test, and whether it has been. */
function later<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Runs the timers due in the next `ms`, letting promises settle between them. */
const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('persist: asking a background that may have been stopped', () => {
  it('answers at once when the first attempt succeeds', async () => {
    let calls = 0;
    await expect(persist(async () => ++calls, options())).resolves.toBe(1);
    expect(calls).toBe(1);
  });

  it('asks again after a closed message port, after each pause', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      if (calls < 3) throw new Error('The message port closed before a response was received.');
      return 'topics';
    };
    const answer = persist(ask, options());
    await advance(0);
    expect(calls).toBe(1);
    await advance(99);
    expect(calls).toBe(1);
    await advance(1);
    expect(calls).toBe(2);
    await advance(100);
    await expect(answer).resolves.toBe('topics');
    expect(calls).toBe(3);
  });

  it('takes an attempt answered with nothing for a failed one, and asks again', async () => {
    let calls = 0;
    const answer = persist(async () => (++calls === 1 ? undefined : ['mentions']), options());
    await advance(0);
    expect(calls).toBe(1);
    await advance(100);
    await expect(answer).resolves.toEqual(['mentions']);
    expect(calls).toBe(2);
  });

  it('gives up waiting alone for an attempt that never settles, at its limit, and asks again', async () => {
    let calls = 0;
    const ask = () => (++calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve('topics'));
    const answer = persist(ask, options());
    await advance(999);
    expect(calls).toBe(1);
    await advance(1 + 100);
    await expect(answer).resolves.toBe('topics');
    expect(calls).toBe(2);
  });

  it('waits alone for each attempt as long as its limit says, the last limit for every later attempt', async () => {
    let calls = 0;
    const second = later<string>();
    // The first attempt is lost; the second answers 300 ms in, within its own limit (500 ms), so no third is sent.
    const ask = () => (++calls === 1 ? new Promise<string>(() => undefined) : second.promise);
    const answer = persist(ask, { ...options(), attemptMs: [100, 500] });
    await advance(100 + 100);
    expect(calls).toBe(2);
    await advance(300);
    second.resolve('answer');
    await expect(answer).resolves.toBe('answer');
    await advance(10_000);
    expect(calls).toBe(2);
  });

  it('keeps listening to an attempt past its limit: a slow answer still counts', async () => {
    let calls = 0;
    const first = later<string>();
    // Only the first attempt ever answers, long after its 200 ms limit.
    const ask = () => (++calls === 1 ? first.promise : new Promise<string>(() => undefined));
    const answer = persist(ask, { ...options(), pauses: new Array<number>(20).fill(100), attemptMs: [200] });
    await advance(200 + 100 + 200 + 100);
    // Others were sent beside it meanwhile, in case it was lost: one per limit and pause.
    expect(calls).toBe(3);
    first.resolve('slow');
    await expect(answer).resolves.toBe('slow');
    await advance(10_000);
    expect(calls).toBe(3);
  });

  it('stops asking once the extension is gone, with the last error', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    };
    await expect(
      persist(
        ask,
        options(() => false),
      ),
    ).rejects.toThrow('Extension context invalidated.');
    expect(calls).toBe(1);
  });

  it('tries once more than there are pauses, then rejects', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      throw new Error(`failure ${calls}`);
    };
    const answer = persist(ask, options());
    const settled = expect(answer).rejects.toThrow('failure 4');
    await advance(300);
    await settled;
    expect(calls).toBe(4);
  });
});

describe('requestIds', () => {
  it('gives every request of a page its own id, and each page load its own series', () => {
    const a = requestIds();
    const b = requestIds();
    const ids = [a(), a(), a(), b(), b()];
    expect(new Set(ids).size).toBe(5);
    // A new page in the same tab counts from the start again: the random prefix keeps it apart from the last page.
    expect(ids[0]!.replace(/-0$/, '')).not.toBe(ids[3]!.replace(/-0$/, ''));
  });
});

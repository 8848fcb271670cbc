import { describe, expect, it } from 'vitest';
import { persist, type PersistOptions } from '../../lib/page/persist';

const fast = (alive = () => true): PersistOptions => ({
  isAlive: alive,
  pauses: [1, 1, 1],
  attemptMs: [30],
});

describe('persist: asking a background that may have been stopped', () => {
  it('answers at once when the first attempt succeeds', async () => {
    let calls = 0;
    await expect(persist(async () => ++calls, fast())).resolves.toBe(1);
    expect(calls).toBe(1);
  });

  it('asks again after a closed message port', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      if (calls < 3) throw new Error('The message port closed before a response was received.');
      return 'topics';
    };
    await expect(persist(ask, fast())).resolves.toBe('topics');
    expect(calls).toBe(3);
  });

  it('gives up on an attempt that never settles and asks again', async () => {
    let calls = 0;
    const ask = () => (++calls === 1 ? new Promise<string>(() => undefined) : Promise.resolve('topics'));
    await expect(persist(ask, fast())).resolves.toBe('topics');
    expect(calls).toBe(2);
  });

  it('waits alone for each attempt as long as its limit says, the last limit for every later attempt', async () => {
    let calls = 0;
    // The first attempt is lost; the second answers after 30 ms, within its own limit (50 ms), so no third is sent.
    const ask = () => (++calls === 1 ? new Promise<string>(() => undefined) : new Promise<string>((r) => setTimeout(() => r('answer'), 30)));
    await expect(persist(ask, { ...fast(), attemptMs: [10, 50] })).resolves.toBe('answer');
    expect(calls).toBe(2);
  });

  it('keeps listening to an attempt past its limit: a slow answer still counts', async () => {
    let calls = 0;
    // Only the first attempt ever answers, after 60 ms, long after its 20 ms limit.
    const ask = () => (++calls === 1 ? new Promise<string>((r) => setTimeout(() => r('slow'), 60)) : new Promise<string>(() => undefined));
    await expect(persist(ask, { ...fast(), pauses: new Array<number>(20).fill(1), attemptMs: [20] })).resolves.toBe('slow');
    // Others were sent beside it meanwhile, in case it was lost.
    expect(calls).toBeGreaterThan(1);
    expect(calls).toBeLessThan(6);
  });

  it('stops asking once the extension is gone, with the last error', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      throw new Error('Extension context invalidated.');
    };
    await expect(persist(ask, fast(() => false))).rejects.toThrow('Extension context invalidated.');
    expect(calls).toBe(1);
  });

  it('tries once more than there are pauses, then rejects', async () => {
    let calls = 0;
    const ask = async () => {
      calls++;
      throw new Error(`failure ${calls}`);
    };
    await expect(persist(ask, fast())).rejects.toThrow('failure 4');
    expect(calls).toBe(4);
  });
});

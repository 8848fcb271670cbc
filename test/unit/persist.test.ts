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

  it('gives later attempts the longer time limits', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    const ask = () => {
      started.push(Date.now() - t0);
      // The third attempt answers after 60 ms: only its limit (100 ms) lets it.
      return started.length < 3 ? new Promise<string>(() => undefined) : new Promise<string>((r) => setTimeout(() => r('late'), 60));
    };
    await expect(persist(ask, { ...fast(), attemptMs: [20, 20, 100] })).resolves.toBe('late');
    expect(started).toHaveLength(3);
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

import { describe, expect, it } from 'vitest';
import { runAll, runInSlices, type Steps } from '../../lib/reading/steps';

/** Ten steps of 3 ms each on a clock the test moves, returning how many ran. */
function* work(clock: { t: number }, log: string[]): Steps<number> {
  for (let i = 0; i < 10; i++) {
    clock.t += 3;
    log.push(`step ${i}`);
    yield;
  }
  return 10;
}

describe('steps', () => {
  it('runAll runs every step and returns the result', () => {
    const log: string[] = [];
    expect(runAll(work({ t: 0 }, log))).toBe(10);
    expect(log).toHaveLength(10);
  });

  it('runInSlices pauses once a slice has used its budget, and only then', async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    const result = await runInSlices(work(clock, log), {
      now: () => clock.t,
      pause: async () => {
        log.push('pause');
      },
      budgetMs: 10,
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ done: true, value: 10 });
    // 3 ms steps in 10 ms slices: four steps (12 ms) per slice, then the page gets the thread.
    expect(log.join(',')).toBe('step 0,step 1,step 2,step 3,pause,step 4,step 5,step 6,step 7,pause,step 8,step 9');
  });

  it('runInSlices stops at the next step once the signal aborts, and says so', async () => {
    const clock = { t: 0 };
    const log: string[] = [];
    const abort = new AbortController();
    const result = await runInSlices(work(clock, log), {
      now: () => clock.t,
      pause: async () => {
        abort.abort();
      },
      budgetMs: 5,
      signal: abort.signal,
    });
    expect(result).toEqual({ done: false });
    expect(log).toEqual(['step 0', 'step 1']);
  });
});

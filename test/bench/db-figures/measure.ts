/**
 * The database figures, taken the same way wherever IndexedDB comes from:
 * fake-indexeddb in Node (test/bench/db.ts) or a real Chromium, where
 * test/bench/db.ts loads this module bundled into a page.
 */
import { syntheticPack } from '../../fixtures/synthetic-pack';
import type { CorpusPack } from '../../../lib/corpus/types';
import { validatePack } from '../../../lib/corpus/validate';
import { cardFor, matcherTopics, openDb, seedBundled, type SiyaqDb } from '../../../lib/db';

export interface Figures {
  topics: number;
  events: number;
  validate: number;
  /** Validate + write into a fresh database. */
  seed: number;
  /** seedBundled again when nothing changed (every service-worker start). */
  unchanged: number;
  matcher: number;
  card: number;
  cards: number;
  runs: number;
}

function median(times: number[]): number {
  return [...times].sort((a, b) => a - b)[times.length >> 1]!;
}

/** Times `f(0)`, `f(1)`, … one after another (timings must not overlap). */
async function timings(n: number, f: (i: number) => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await f(i);
    out.push(performance.now() - t0);
  }
  return out;
}

let dbCount = 0;

export async function measure(pack: CorpusPack, runs: number): Promise<Figures> {
  const validate = median(await timings(runs, () => validatePack(pack)));
  let db: SiyaqDb | undefined;
  const seeds = await timings(runs, async () => {
    db?.close();
    db = await openDb(`siyaq-bench-${Date.now()}-${dbCount++}`);
    await seedBundled(db, pack);
  });
  const last = db!;
  const unchanged = median(await timings(5, () => seedBundled(last, pack)));
  const matcher = median(await timings(5, () => matcherTopics(last)));
  // About 200 topics spread over the pack; every other card with an article date.
  const step = Math.max(1, Math.floor(pack.topics.length / 200));
  const ids = pack.topics.filter((_, i) => i % step === 0).map((t) => t.id);
  const card = median(await timings(ids.length, (i) => cardFor(last, ids[i]!, i % 2 ? '2024-09-24' : null)));
  last.close();
  return {
    topics: pack.topics.length,
    events: pack.events.length,
    validate,
    seed: median(seeds),
    unchanged,
    matcher,
    card,
    cards: ids.length,
    runs,
  };
}

/** The 10,000-topic pack of the budget, made where it is measured (no 17 MB to carry into a page). */
export function bigPack(): CorpusPack {
  return syntheticPack({ topics: 10_000, events: 50_000, seed: 1 });
}

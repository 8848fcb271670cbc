/**
 * The background's compiled matcher: built once per set of pack versions, not
 * per request, and within a time budget.
 *
 * The key is the packs' ids and content hashes (and whether imports are
 * marked), read from the small packs table: importing, removing or resetting
 * a pack changes it, and nothing else does. Each request used to re-read every
 * topic and JSON.stringify them as the key (1.27 s a request with a valid
 * 100,000-topic pack).
 *
 * The bundled corpus is always compiled. Each import is first compiled alone
 * and timed: one that takes longer than the budget is left out whole (never
 * half-loaded) and reported, so a hostile or oversized pack cannot stall
 * every tab's marks; the rest are compiled together with the bundled corpus.
 */
import type { SkippedPack } from '../messages';
import { type Matcher, compileMatcher } from '../detect/matcher';
import type { PackMeta, SiyaqDb } from '../db/db';
import { byPriority, matcherTopics } from '../db/queries';

/** A worker that takes longer than this to be ready for one import is stalling every tab that waits on it. */
export const COMPILE_BUDGET_MS = 2000;

export interface MatcherSet {
  key: string;
  matcher: Matcher;
  /** Every topic id the matcher knows: requests naming any other topic are refused. */
  topics: ReadonlySet<string>;
  /** Imports left out because they took longer than the budget to compile. */
  skipped: SkippedPack[];
  /** Time the whole compile took, for the benchmark and the report. */
  compileMs: number;
}

export interface MatcherSetOptions {
  budgetMs?: number;
  /** Milliseconds, monotonic: `performance.now` unless a test injects a clock. */
  now?: () => number;
}

/** The key of a set of pack versions. Ids cannot contain "@" or "|" (ID_PATTERN). */
export function packsKey(packs: readonly PackMeta[], markImported: boolean): string {
  return `${markImported ? 'all' : 'bundled'}|${[...packs]
    .sort(byPriority)
    .map((p) => `${p.id}@${p.contentHash}`)
    .join('|')}`;
}

export class MatcherSets {
  private current: { key: string; set: Promise<MatcherSet> } | null = null;
  private readonly budgetMs: number;
  private readonly now: () => number;

  constructor({ budgetMs = COMPILE_BUDGET_MS, now = () => performance.now() }: MatcherSetOptions = {}) {
    this.budgetMs = budgetMs;
    this.now = now;
  }

  /**
   * The matcher for the packs in `db` now: the one already compiled (or being
   * compiled) when the set of pack versions is the same, else a new compile
   * that every request arriving meanwhile waits for.
   */
  async get(db: SiyaqDb, markImported: boolean): Promise<MatcherSet> {
    const key = packsKey(await db.packs.toArray(), markImported);
    if (this.current?.key !== key) {
      const set = this.compile(db, key, markImported);
      this.current = { key, set };
      // A failed compile is not kept: the next request tries again.
      set.catch(() => {
        if (this.current?.set === set) this.current = null;
      });
    }
    return this.current.set;
  }

  private async compile(db: SiyaqDb, key: string, markImported: boolean): Promise<MatcherSet> {
    const start = this.now();
    const packs = await db.packs.toArray();
    const skipped: SkippedPack[] = [];
    const admitted = new Set(packs.filter((p) => p.origin === 'bundled').map((p) => p.id));
    if (markImported) {
      for (const pack of packs.filter((p) => p.origin === 'imported').sort(byPriority)) {
        const topics = await matcherTopics(db, (p) => p.id === pack.id);
        const before = this.now();
        compileMatcher(topics);
        const ms = this.now() - before;
        if (ms > this.budgetMs) skipped.push({ id: pack.id, title: pack.title, ms: Math.round(ms) });
        else admitted.add(pack.id);
      }
    }
    const matcher = compileMatcher(await matcherTopics(db, (p) => admitted.has(p.id)));
    return { key, matcher, topics: new Set(matcher.topicIds), skipped, compileMs: Math.round(this.now() - start) };
  }
}

/**
 * `pack build`: the pack file the options page imports. It is built only from
 * a folder that passes `pack check` without errors, and carries its version
 * (pack.json's) and a content hash: SHA-256 of the pack's JSON without the hash
 * (lib/db/store.ts's contentHash, the one Siyaq keeps for installed packs), so
 * anyone can tell two builds of the same content apart from two editions.
 */
import { contentHash } from '../db/store';
import type { Review } from './draft';
import { type CheckResult, checkPack } from './check';
import type { PackFolder } from './folder';

export type BuildResult = { ok: true; json: string; hash: string; check: CheckResult } | { ok: false; check: CheckResult };

export async function buildPack(folder: PackFolder, review: Review | null = null): Promise<BuildResult> {
  const check = checkPack(folder, review);
  if (check.errors > 0) return { ok: false, check };
  const hash = await contentHash(check.pack);
  return { ok: true, hash, check, json: packJson({ ...check.pack, contentHash: hash }) };
}

/** The text of a pack file: two-space indents, non-ASCII as written, a final newline (as data/corpus.json is kept). */
export function packJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

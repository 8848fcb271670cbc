/**
 * The seed articles live beside the project (../shared/seeds), never in it:
 * tests, fixtures and benchmarks read them from there at run time.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = resolve(REPO_ROOT, '..', 'shared', 'seeds');

function requireSeeds(): void {
  if (!existsSync(SEEDS_DIR)) {
    throw new Error(`Seed articles not found at ${SEEDS_DIR}: check out ../shared beside the project.`);
  }
}

/** File names of the seed articles, sorted ("000_….txt", …). */
export function seedFiles(): string[] {
  requireSeeds();
  return readdirSync(SEEDS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort();
}

export function readSeed(file: string): string {
  requireSeeds();
  return readFileSync(join(SEEDS_DIR, file), 'utf8');
}

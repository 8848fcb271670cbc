/**
 * Which folded code units belong to a word. A name matches only as a whole
 * word: never inside a longer one (السوداني in السودانيون), in any script.
 * ARABIC.md: `\b` is ASCII-only, so the class is Unicode letters, marks and
 * digits, looked up once per code unit and cached in a table.
 */

/** Per code unit: 0 not looked up yet, 1 word, 2 not a word. Hot loops read it directly. */
export const WORD_CLASS = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

/** Looks a code unit up, fills its WORD_CLASS entry and returns it (1 or 2). */
export function classify(c: number): number {
  const k = WORD_RE.test(String.fromCharCode(c)) ? 1 : 2;
  WORD_CLASS[c] = k;
  return k;
}

export function isWordCode(c: number): boolean {
  const k = WORD_CLASS[c]!;
  return (k === 0 ? classify(c) : k) === 1;
}

/**
 * Which folded code units belong to a word. A name matches only as a whole
 * word: never inside a longer one (السوداني in السودانيون), in any script.
 * ARABIC.md: `\b` is ASCII-only, so the class is Unicode letters, marks and
 * digits, looked up once per code unit and cached in a table.
 */

/** Per code unit: 0 not looked up yet, 1 word, 2 not a word. Hot loops read it directly. */
export const WORD_CLASS = new Uint8Array(0x10000);
const WORD_RE = /[\p{L}\p{M}\p{N}]/u;

// The units of the Arabic block that are neither letters, marks nor digits:
// number signs, currency, punctuation (، ؛ ؟ ٪ ٫ ٬ ۔) and Quranic symbols.
const ARABIC_NON_WORD = new Set([
  0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x606, 0x607, 0x608, 0x609, 0x60a, 0x60b, 0x60c, 0x60d, 0x60e, 0x60f, 0x61b, 0x61c, 0x61d,
  0x61e, 0x61f, 0x66a, 0x66b, 0x66c, 0x66d, 0x6d4, 0x6dd, 0x6de, 0x6e9, 0x6fd, 0x6fe,
]);

/**
 * The class of a unit in the blocks news pages are made of (ASCII, Arabic,
 * general punctuation), or 0 for any other unit. Answering these without the
 * regex spares every page the compiling of its Unicode property tables;
 * test/unit/chars.test.ts checks these answers against the regex.
 */
function knownClass(c: number): number {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) ? 1 : 2;
  if (c >= 0x600 && c <= 0x6ff) return ARABIC_NON_WORD.has(c) ? 2 : 1;
  if (c >= 0x2000 && c <= 0x206f) return 2;
  return 0;
}

/** Looks a code unit up, fills its WORD_CLASS entry and returns it (1 or 2). */
export function classify(c: number): number {
  const k = knownClass(c) || (WORD_RE.test(String.fromCharCode(c)) ? 1 : 2);
  WORD_CLASS[c] = k;
  return k;
}

export function isWordCode(c: number): boolean {
  const k = WORD_CLASS[c]!;
  return (k === 0 ? classify(c) : k) === 1;
}

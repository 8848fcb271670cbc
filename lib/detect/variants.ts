/**
 * Spelling variants of transliterated names, generated when the matcher is
 * compiled. Arabic writers render the vowels of foreign names each their own
 * way (أوستن/أوستين، بلينكن/بلنكن، ماكفارلين/مكفارلين، مكاري/ماكاري), so a
 * name in the corpus also matches its one-long-vowel-off spellings.
 *
 * Only aliases that look transliterated get variants: every word Arabic
 * letters, none with the article «ال» as the corpus writes it. Native phrases (الإطار التنسيقي، تنظيم
 * الدولة، عين الأسد) carry the article somewhere and are left alone, because
 * dropping a long vowel from an Arabic word often makes another real word
 * (المقاومة → المقومة). Words shorter than five letters are left alone too: a
 * one-letter edit to a short word too easily lands on a common word.
 *
 * A variant is an edit of the folded alias, not a new string, so that the
 * trie can share the alias's path up to the edit.
 */

/** Replace folded[at, at + del) with `ins`. */
export interface Edit {
  at: number;
  del: number;
  ins: string;
}

const MIN_LETTERS = 5;
/**
 * Each edit walks the rest of the alias in the trie, so edits cost the square
 * of a word's length: a 3,000-letter alias in an imported pack stalled every
 * tab's marks for seconds. Real transliterated names are far shorter
 * (رومانوفسكي is ten letters), and the bundled corpus's costliest alias walks
 * 105 letters in all (تشارلز براون).
 */
const MAX_LETTERS = 16;
export const MAX_VARIANT_STEPS = 256;

/** Trie steps the edits cost: each walks from its place to the end of the alias. */
export function variantSteps(folded: string, edits: readonly Edit[]): number {
  let steps = 0;
  for (const e of edits) steps += folded.length - e.at;
  return steps;
}
const TRANSLITERATED = /^(?:[\u0621-\u064A]+ )*[\u0621-\u064A]+$/;

function isVowel(code: number): boolean {
  return code === 0x627 || code === 0x648 || code === 0x64a; // ا و ي
}

/** The one-edit spellings of the word folded[from, to). */
function wordEdits(folded: string, from: number, to: number, out: Edit[]): void {
  // Drop one long vowel inside the word (not its first or last letter).
  for (let i = from + 1; i < to - 1; i++) {
    if (isVowel(folded.charCodeAt(i))) out.push({ at: i, del: 1, ins: '' });
  }
  // Insert one long vowel between two consonants inside the word.
  for (let i = from + 1; i < to; i++) {
    if (isVowel(folded.charCodeAt(i - 1)) || isVowel(folded.charCodeAt(i))) continue;
    out.push({ at: i, del: 0, ins: 'ا' }, { at: i, del: 0, ins: 'و' }, { at: i, del: 0, ins: 'ي' });
  }
  // Slavic -ovsky/-evsky: رومانوفسكي is also written رومانوسكي, and back.
  const word = folded.slice(from, to);
  // Mac-/Mc- names are also written apart: ماكفارلين، ماك فارلين.
  if (word.startsWith('ماك') && word.length >= 6) out.push({ at: from + 3, del: 0, ins: ' ' });
  if (word.endsWith('وفسكي')) out.push({ at: to - 4, del: 1, ins: '' });
  else if (word.endsWith('وسكي')) out.push({ at: to - 3, del: 0, ins: 'ف' });
}

/**
 * Edits that turn a folded alias into its variants; none unless the alias, as
 * the corpus writes it, looks transliterated. The article is judged on the
 * written form: folding makes ألينا look like «ال» + ينا, but a hamzated alef
 * never starts the article.
 */
export function spellingEdits(folded: string, written: string = folded): Edit[] {
  if (!TRANSLITERATED.test(folded) || /(?:^|\s)ال/.test(written)) return [];
  const out: Edit[] = [];
  let from = 0;
  for (let to = 0; to <= folded.length; to++) {
    if (to < folded.length && folded.charCodeAt(to) !== 0x20) continue;
    if (to - from >= MIN_LETTERS && to - from <= MAX_LETTERS) wordEdits(folded, from, to, out);
    from = to + 1;
  }
  // The first edits, up to MAX_VARIANT_STEPS of walking.
  let steps = 0;
  const kept = out.findIndex((e) => (steps += folded.length - e.at) > MAX_VARIANT_STEPS);
  return kept < 0 ? out : out.slice(0, kept);
}

/** The variant an edit makes (for tests and tools; the matcher applies edits on its trie). */
export function applyEdit(folded: string, edit: Edit): string {
  return folded.slice(0, edit.at) + edit.ins + folded.slice(edit.at + edit.del);
}

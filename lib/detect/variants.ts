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
 * trie can share the alias's path up to the edit. No variant is an ordinary
 * word or a common given name (lib/detect/lexicon.ts), and a vowel is dropped
 * only from a word long enough to stay five letters: إيران is never «ايرن»,
 * which «بايرن» (Bayern) holds behind what reads as the proclitic ب.
 *
 * Two more kinds of variant are not about vowels: a place written with or
 * without the article after its generic head (قاعدة حرير / قاعدة الحرير,
 * and the bare حرير / الحرير of the same topic), and a Latin name's hyphen
 * written as a space or left out (CJTF-OIR, CJTF OIR, CJTFOIR).
 */
import { isGivenName, isOrdinaryWord, isPlaceHead } from './lexicon';

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
  for (let i = from + 1; i < to - 1 && to - from > MIN_LETTERS; i++) {
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
  if (LATIN_HYPHENATED.test(folded)) return hyphenEdits(folded);
  if (!TRANSLITERATED.test(folded) || /(?:^|\s)ال/.test(written)) return [];
  const out: Edit[] = [];
  let from = 0;
  for (let to = 0; to <= folded.length; to++) {
    if (to < folded.length && folded.charCodeAt(to) !== 0x20) continue;
    if (to - from >= MIN_LETTERS && to - from <= MAX_LETTERS) wordEdits(folded, from, to, out);
    from = to + 1;
  }
  // A variant whose edited word is an ordinary word or another name is not this alias's spelling.
  const own = out.filter((edit) => !editedWords(folded, edit).some((w) => isOrdinaryWord(w) || isGivenName(w)));
  // The first edits, up to MAX_VARIANT_STEPS of walking.
  let steps = 0;
  const kept = own.findIndex((e) => (steps += folded.length - e.at) > MAX_VARIANT_STEPS);
  return kept < 0 ? own : own.slice(0, kept);
}

const LATIN_HYPHENATED = /^[a-z0-9]+(?:-[a-z0-9]+)+$/;

/** CJTF-OIR as CJTF OIR and CJTFOIR: the hyphen (any dash folds to it) spaced or dropped. */
function hyphenEdits(folded: string): Edit[] {
  const out: Edit[] = [];
  for (let i = folded.indexOf('-'); i >= 0; i = folded.indexOf('-', i + 1)) {
    out.push({ at: i, del: 1, ins: ' ' }, { at: i, del: 1, ins: '' });
  }
  return out;
}

/**
 * Edits that add or drop the article on a place name: «قاعدة حرير» ↔
 * «قاعدة الحرير» (the last word, after a generic head), and a one-word alias
 * that some alias of the same topic writes after such a head (حرير → الحرير).
 * `siblings`: the topic's other folded aliases. The variant keeps its alias's
 * context rules, so «الحرير» still needs the base's cues and is not the silk
 * of «طريق الحرير».
 */
export function articleEdits(folded: string, siblings: readonly string[]): Edit[] {
  if (!TRANSLITERATED.test(folded)) return [];
  const words = folded.split(' ');
  const out: Edit[] = [];
  if (words.length === 1) {
    const headed = siblings.some((s) => {
      const w = s.split(' ');
      return w.length === 2 && w[1] === folded && isPlaceHead(w[0]!);
    });
    if (headed && !folded.startsWith('ال') && !isOrdinaryWord('ال' + folded)) out.push({ at: 0, del: 0, ins: 'ال' });
    return out;
  }
  const last = words[words.length - 1]!;
  if (!isPlaceHead(words[words.length - 2]!)) return out;
  const at = folded.length - last.length;
  if (!last.startsWith('ال')) out.push({ at, del: 0, ins: 'ال' });
  else if (last.length >= 5) out.push({ at, del: 2, ins: '' });
  return out;
}

/** The variant an edit makes (for tests and tools; the matcher applies edits on its trie). */
/** The words of the variant that the edit wrote (two where it splits a word). */
function editedWords(folded: string, edit: Edit): string[] {
  const variant = applyEdit(folded, edit);
  const start = variant.lastIndexOf(' ', edit.at - 1) + 1;
  const space = variant.indexOf(' ', edit.at + edit.ins.length);
  return variant.slice(start, space < 0 ? variant.length : space).split(' ');
}

export function applyEdit(folded: string, edit: Edit): string {
  return folded.slice(0, edit.at) + edit.ins + folded.slice(edit.at + edit.del);
}

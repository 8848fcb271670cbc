/**
 * Context rules: does an alias found in the text really name its topic?
 *
 * Two kinds. The corpus's own AliasRule (lib/corpus/types.ts): words just
 * before or after that rule it out, or cue words that must stand nearby. And
 * one generic guard that needs no corpus help: an «ال…ي» alias right after a
 * definite noun is that noun's adjective (الجيش السوداني، الرئيس السوداني),
 * not a name.
 *
 * Rule phrases are folded and matched as whole words with the same proclitics
 * as aliases (بأربيل، والعراق، للعراق), through one trie shared by every rule.
 */
import type { AliasRule } from '../corpus/types';
import { type SourceMap, foldString } from '../arabic/normalize';
import { isWordCode } from '../arabic/chars';
import { Trie, findAt } from './trie';

const DEFAULT_WINDOW = 200;

export interface CompiledRule {
  notAfter: ReadonlySet<number> | null;
  notBefore: ReadonlySet<number> | null;
  cue: ReadonlySet<number> | null;
  window: number;
}

/** The folded text being examined, with what rules need to look back at the source. */
export interface Scan {
  source: string;
  codes: Uint16Array;
  len: number;
  map: SourceMap;
}

export class RuleBook {
  readonly trie = new Trie();
  private readonly ids = new Map<string, number>();
  /** The most words in any notAfter phrase: how far back to look for one. */
  private maxWordsBefore = 1;

  compile(rule: AliasRule): CompiledRule {
    const phrases = (list: string[] | undefined): ReadonlySet<number> | null => {
      const ids = (list ?? []).map((p) => this.phrase(p)).filter((id) => id >= 0);
      return ids.length > 0 ? new Set(ids) : null;
    };
    for (const p of rule.notAfter ?? []) {
      this.maxWordsBefore = Math.max(this.maxWordsBefore, foldString(p).trim().split(' ').length);
    }
    return {
      notAfter: phrases(rule.notAfter),
      notBefore: phrases(rule.notBefore),
      cue: phrases(rule.requireCue?.flatMap(inflected)),
      window: rule.window ?? DEFAULT_WINDOW,
    };
  }

  private phrase(text: string): number {
    const folded = foldString(text).trim();
    if (folded === '') return -1;
    let id = this.ids.get(folded);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(folded, id);
      this.trie.add(folded, id);
    }
    return id;
  }

  /** Whether one of `ids` is a phrase that ends exactly at `end` (exclusive) in the folded text. */
  endsWith(scan: Scan, end: number, ids: ReadonlySet<number>): boolean {
    let ws = end;
    for (let words = 0; words < this.maxWordsBefore; words++) {
      let i = ws;
      while (i > 0 && isWordCode(scan.codes[i - 1]!)) i--;
      if (i === ws) break;
      ws = i;
      if (this.phraseHere(scan, ws, ids, end)) return true;
      if (ws < 2 || scan.codes[ws - 1] !== 0x20) break;
      ws--; // onto the space: the word before ends here
    }
    return false;
  }

  /** Whether one of `ids` starts at the word start `at` (and ends at `end`, when given). */
  phraseHere(scan: Scan, at: number, ids: ReadonlySet<number>, end = -1): boolean {
    let found = false;
    findAt(this.trie, scan.codes, scan.len, at, (state, _name, e) => {
      if (found || (end >= 0 && e !== end)) return;
      this.trie.forEachOutput(state, (id) => {
        if (ids.has(id)) found = true;
      });
    });
    return found;
  }

  /** Whether a cue phrase starts within the window around [from, to), outside it. */
  cueNear(scan: Scan, from: number, to: number, rule: CompiledRule): boolean {
    if (rule.cue === null) return true;
    const lo = Math.max(0, from - rule.window);
    const hi = Math.min(scan.len, to + rule.window);
    for (let i = lo; i < hi; i++) {
      if (i >= from && i < to) continue;
      const c = scan.codes[i]!;
      if (!isWordCode(c) || (i > 0 && isWordCode(scan.codes[i - 1]!))) continue;
      if (this.phraseHere(scan, i, rule.cue)) return true;
    }
    return false;
  }
}

/**
 * A cue and its inflections: a nisba cue (العراقي، الأميركي) also counts in
 * the feminine and plural (العراقية، الأميركيين), which is how news text
 * usually has it. Other cues stand as written: the corpus lists their forms.
 */
function inflected(cue: string): string[] {
  const folded = foldString(cue).trim();
  if (folded.length < 3 || !folded.endsWith('ي')) return [cue];
  return [cue, folded + 'ه', folded + 'ين', folded + 'ون', folded + 'ان'];
}

// Punctuation that ends a phrase: words on the far side of it are not "just
// before" or "just after" a name.
const STOPS = new Set(['.', '!', '?', '؟', '؛', ';', '…'].map((c) => c.charCodeAt(0)));
const MAX_SEPARATOR = 4;

/** Whether the source between two folded positions crosses a line or block break. */
export function crossesBreak(scan: Scan, from: number, to: number): boolean {
  for (let k = scan.map.get(from), end = scan.map.get(to); k < end; k++) {
    const c = scan.source.charCodeAt(k);
    if (c === 0x0a || c === 0x0d || c === 0x2029) return true;
  }
  return false;
}

/**
 * End of the word just before folded position `p`, across a short run of
 * spaces and commas or quotes; -1 when a stop, a line break or nothing comes first.
 */
export function previousWordEnd(scan: Scan, p: number): number {
  let i = p;
  while (i > 0 && p - i < MAX_SEPARATOR && !isWordCode(scan.codes[i - 1]!)) {
    if (STOPS.has(scan.codes[i - 1]!)) return -1;
    i--;
  }
  if (i === 0 || i === p || !isWordCode(scan.codes[i - 1]!) || crossesBreak(scan, i, p)) return -1;
  return i;
}

/** Start of the word just after folded position `e`, on the same terms; -1 if none. */
export function nextWordStart(scan: Scan, e: number): number {
  let i = e;
  while (i < scan.len && i - e < MAX_SEPARATOR && !isWordCode(scan.codes[i]!)) {
    if (STOPS.has(scan.codes[i]!)) return -1;
    i++;
  }
  if (i >= scan.len || i === e || !isWordCode(scan.codes[i]!) || crossesBreak(scan, e, i)) return -1;
  return i;
}

/**
 * A one-word definite alias that reads as an adjective, so a definite noun
 * before it makes it that noun's qualifier: a nisba «ال…ي» (الجيش السوداني)
 * or a plural of the فعلاء pattern (الطلاب النجباء, the gifted students).
 */
export function looksLikeNisba(folded: string): boolean {
  if (folded.includes(' ') || !folded.startsWith('ال')) return false;
  return (folded.length >= 6 && folded.endsWith('ي')) || (folded.length === 7 && folded.endsWith('اء'));
}

// Definite words after which a nisba is still a name: titles (السيد السيستاني)
// and words that only look definite once folded (إلى، إلا، الذي، التقى…),
// matched folded, so the hamza-less spellings (الى، القى) count too.
// Folded on first use, not when a page's content script starts.
const NAME_TITLE_WORDS = [
  'السيد',
  'الشيخ',
  'الإمام',
  'المرجع',
  'الحاج',
  'الدكتور',
  'العلامة',
  'الأستاذ',
  'المهندس',
  'القاضي',
  'إلى',
  'إلا',
  'الآن',
  'الذي',
  'التي',
  'الذين',
  'اللذين',
  'اللتين',
  'اللاتي',
  'اللواتي',
  'التزم',
  'التقى',
  'التقط',
  'التحق',
  'التفت',
  'التمس',
  'التهم',
  'التحى',
  'التوى',
  'ألقى',
  'ألغى',
  'ألهى',
  'ألفى',
  'ألزم',
];
let nameTitles: ReadonlySet<string> | null = null;

const ALEF_MAKSURA = 0x649;

/**
 * Whether the word ending at folded `end` is a definite noun that a following
 * «ال…ي» word would qualify: الجيش، والجيش، للجيش، الملتقى, not السيد, not a
 * verb, not a nisba itself (رئيس الوزراء العراقي السوداني stacks adjectives
 * of a title). `nameEnd`: the folded end of that following word.
 */
export function isDefiniteNoun(scan: Scan, end: number, nameEnd: number): boolean {
  let start = end;
  while (start > 0 && isWordCode(scan.codes[start - 1]!)) start--;
  const word = String.fromCharCode(...scan.codes.subarray(start, end));
  let core: string;
  let article = -1; // where the article's alef stands in `word`, when it is written
  const al = /^[وف]?[بك]?(ال.+)$/.exec(word);
  const lil = /^[وف]?لل(.+)$/.exec(word);
  if (al !== null) {
    core = al[1]!;
    article = word.length - core.length;
  } else if (lil !== null) {
    core = 'ال' + lil[1]!;
  } else {
    return false;
  }
  nameTitles ??= new Set(NAME_TITLE_WORDS.map(foldString));
  if (nameTitles.has(core)) return false;
  if (core.endsWith('ي')) {
    // Folded, a final ي may be written ي (a nisba: العراقي) or ى. A written ى
    // ends a noun (الملتقى، المستشفى, which a nisba qualifies) unless the text
    // writes every final ي so, the name too (Egyptian style: العراقى السودانى).
    const lastOf = (k: number): number => scan.source.charCodeAt(scan.map.get(k - 1));
    if (lastOf(end) !== ALEF_MAKSURA || lastOf(nameEnd) === ALEF_MAKSURA) return false;
  }
  // A hamzated alef is never the article (ألقى، إلى، ألهم).
  if (article < 0) return true;
  const alef = scan.source.charCodeAt(scan.map.get(start + article));
  return alef === 0x627 || alef === 0x671;
}

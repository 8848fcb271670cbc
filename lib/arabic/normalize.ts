/**
 * Arabic folding with an offset map (ARABIC.md, "A fold for matching").
 *
 * Aliases and page text go through the same fold, so a name matches however
 * the page spells its hamza, ya, teh marbuta, harakat or presentation forms.
 * Marking the page needs the original characters back, so every folded
 * character remembers the index of the source character it came from.
 *
 * The fold is one pass over two precomputed tables covering the whole BMP; the
 * only slow paths are presentation forms (NFKC, cached per code point) and
 * non-Arabic combining marks (NFC of that one cluster).
 */

import { isWordCode } from './chars';

export interface Folded {
  text: string;
  /** map[i]: source index of folded char i; map[text.length] === source.length. */
  map: Int32Array;
}

/**
 * The source index of every folded unit, kept as the few places where the
 * distance between the two changes (a deleted mark, a collapsed space, a
 * presentation form that became several letters) rather than one entry per
 * unit: in news text the fold keeps nearly every unit, so writing a full map
 * would cost the hot loop a store per character for lookups that only the
 * handful of matches ever make.
 */
export class SourceMap {
  /** Folded indices where a new shift begins, ascending. */
  private at = new Int32Array(64);
  /** shift[b]: source index minus folded index, from at[b] until the next break. */
  private shift = new Int32Array(64);
  private count = 0;

  /** Source index of folded unit k; the folded length maps to the source's. */
  get(k: number): number {
    const at = this.at;
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! <= k) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? k : k + this.shift[lo - 1]!;
  }

  /** Says that folded unit k comes from source index src, and the units after it from the ones after src. */
  set(k: number, src: number): void {
    const last = this.count - 1;
    if (last >= 0 && this.at[last] === k) {
      this.shift[last] = src - k;
      return;
    }
    if ((last >= 0 ? this.shift[last]! : 0) === src - k) return;
    if (this.count === this.at.length) {
      const at = new Int32Array(this.count * 2);
      at.set(this.at);
      this.at = at;
      const shift = new Int32Array(this.count * 2);
      shift.set(this.shift);
      this.shift = shift;
    }
    this.at[this.count] = k;
    this.shift[this.count++] = src - k;
  }

  /** Forgets what was said about folded units from k on (a slow path rewrites them). */
  truncate(k: number): void {
    while (this.count > 0 && this.at[this.count - 1]! >= k) this.count--;
  }

  clear(): void {
    this.count = 0;
  }

  /** The whole map for `length` folded units, one entry each and one for the end. */
  toArray(length: number): Int32Array {
    const out = new Int32Array(length + 1);
    let b = 0;
    let shift = 0;
    for (let k = 0; k <= length; k++) {
      while (b < this.count && this.at[b] === k) shift = this.shift[b++]!;
      out[k] = k + shift;
    }
    return out;
  }
}

/** The fold's raw output, for callers that scan code units (the detector). */
export interface FoldedCodes {
  codes: Uint16Array;
  /** Number of folded code units in `codes` (the array has spare room). */
  length: number;
  map: SourceMap;
  /**
   * Folded indices where a word begins (a word unit after a non-word one), the
   * first `startCount` entries: found during the fold so that the matcher
   * visits word starts only instead of classifying every unit a second time.
   */
  starts: Int32Array;
  startCount: number;
}

// One table says what each BMP code unit becomes: its folded code unit, a space
// (0x20, collapsed with its neighbours), or one of three actions below 0x20.
// The control characters U+0000–U+0002 are deleted to free those values.
const DELETE = 0;
const COMPAT = 1; // presentation form: NFKC, then fold each resulting char
const COMBINE = 2; // non-Arabic combining mark: NFC the cluster it ends
const SPACE = 0x20;

// Only the units ARABIC.md names are set here; every other unit's fold is
// worked out the first time a page has it (foldOf). Filling the whole table
// up front cost the content script milliseconds of cold code on every page.
const UNSET = -1;
const FOLD = new Int32Array(0x10000).fill(UNSET);

function setRange(from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) FOLD[c] = value;
}
function foldTo(target: string, chars: string): void {
  const t = target.charCodeAt(0);
  for (let i = 0; i < chars.length; i++) FOLD[chars.charCodeAt(i)] = t;
}

FOLD[0] = FOLD[1] = FOLD[2] = DELETE;

// Non-Arabic combining marks can compose with the letter before them (e + ◌́ → é),
// which step 1's NFC must do before Latin aliases can match. Arabic needs no
// NFC under this fold: every Arabic composition (آ أ إ ؤ ئ ۀ ۂ ۓ) folds to the
// fold of its base letter, and the hamza/madda marks are deleted anyway.
const COMBINING_BLOCKS = [
  [0x300, 0x36f],
  [0x483, 0x489],
  [0x591, 0x5c7],
  [0x900, 0xdff],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0x3099, 0x309a],
  [0xfe20, 0xfe2f],
] as const;
// Step 7: Latin (and Greek/Cyrillic, which cost nothing more) case-fold, only
// where lower-casing keeps the length (İ would grow, so it stays as it is).
const CASED_BLOCKS = [
  [0x41, 0x5a],
  [0xc0, 0x24f],
  [0x370, 0x4ff],
  [0x1e00, 0x1eff],
] as const;
const inBlocks = (c: number, blocks: readonly (readonly [number, number])[]): boolean => blocks.some(([from, to]) => c >= from && c <= to);

/** The fold of a unit the tables below do not set: a combining mark, a cased letter, or itself. */
function defaultFold(c: number): number {
  const ch = String.fromCharCode(c);
  if (inBlocks(c, COMBINING_BLOCKS) && /\p{M}/u.test(ch)) return COMBINE;
  if (inBlocks(c, CASED_BLOCKS)) {
    const lower = ch.toLowerCase();
    if (lower.length === 1) return lower.charCodeAt(0);
  }
  return c;
}

/** What a BMP code unit folds to: a code unit, SPACE, DELETE, COMPAT or COMBINE. */
function foldOf(c: number): number {
  let v = FOLD[c]!;
  if (v === UNSET) FOLD[c] = v = defaultFold(c);
  return v;
}

// Step 5: presentation forms. Assigned before the deletions so that the
// isolated harakat forms (FE70–FE7F) and U+FEFF below override it.
setRange(0xfb50, 0xfdff, COMPAT);
setRange(0xfe80, 0xfefc, COMPAT);

// Step 2: harakat, Quranic marks, tatweel, zero-width and bidi controls, soft
// hyphen. ZWNJ (U+200C) is deleted, never made a space: it sits inside words.
setRange(0x64b, 0x65f, DELETE);
FOLD[0x670] = DELETE;
setRange(0x610, 0x61a, DELETE);
setRange(0x6d6, 0x6dc, DELETE);
setRange(0x6df, 0x6e8, DELETE);
setRange(0x6ea, 0x6ed, DELETE);
FOLD[0x640] = DELETE;
setRange(0x200b, 0x200f, DELETE);
FOLD[0x61c] = DELETE;
setRange(0x202a, 0x202e, DELETE);
FOLD[0x2060] = DELETE;
setRange(0x2066, 0x2069, DELETE);
FOLD[0xfeff] = DELETE;
FOLD[0xad] = DELETE;
FOLD[0x34f] = DELETE;
setRange(0xfe70, 0xfe7f, DELETE);
FOLD[0x674] = DELETE; // high hamza: a spelling mark, like the hamza above

// Step 6: every kind of space (and line breaks) is one space.
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000]) {
  FOLD[c] = SPACE;
}
setRange(0x2000, 0x200a, SPACE);

// Step 3: letters, after CAMeL's arclean map: the hamza carriers, ya and heh
// forms, and the Persian/Urdu/Kurdish letters to their nearest Arabic letter.
foldTo('ا', '\u0622\u0623\u0625\u0671\u0672\u0673\u0675\u0773\u0774');
foldTo('ي', '\u0649\u06cc\u0626\u0620\u063d\u063e\u063f\u0678\u06cd\u06ce\u06d0\u06d1\u06d2\u06d3\u0775\u0776\u0777');
foldTo('و', '\u0624\u0676\u0677\u06c4\u06c5\u06c6\u06c7\u06c8\u06c9\u06ca\u06cb\u06cf\u0778\u0779');
foldTo('ه', '\u0629\u06c0\u06c1\u06c2\u06c3\u06be\u06d5\u06ff');
foldTo('ك', '\u06a9\u06aa\u06ab\u06ac\u06ad\u06ae\u06af\u06b0\u06b1\u06b2\u06b3\u06b4\u063b\u063c\u077f');
foldTo('ب', '\u067b\u067e\u0680\u0750\u0751\u0752\u0753\u0754\u0755\u0756');
foldTo('ت', '\u0679\u067a\u067c\u067d\u067f');
foldTo('ث', '\u067d');
foldTo('ج', '\u0683\u0684\u0686\u0687\u06bf');
foldTo('ح', '\u0681\u0682\u0685\u0757\u0758\u076e\u076f\u0772\u077c');
foldTo('د', '\u0688\u0689\u068a\u068b\u068c\u068d\u068e\u068f\u0690\u0759\u075a');
foldTo('ر', '\u0691\u0692\u0693\u0694\u0695\u0696\u0697\u0699\u075b\u076b\u076c\u0771');
foldTo('ز', '\u0698');
foldTo('س', '\u069a\u069b\u075c\u076d\u0770\u077d\u077e');
foldTo('ش', '\u069c\u06fa');
foldTo('ص', '\u069d\u069e');
foldTo('ض', '\u06fb');
foldTo('ط', '\u069f');
foldTo('ع', '\u06a0\u075d\u075e\u075f');
foldTo('غ', '\u06fc');
foldTo('ف', '\u06a1\u06a2\u06a3\u06a4\u06a5\u06a6\u0760\u0761');
foldTo('ق', '\u06a7\u06a8');
foldTo('ل', '\u06b5\u06b6\u06b7\u06b8\u076a');
foldTo('م', '\u0765\u0766');
foldTo('ن', '\u06b9\u06ba\u06bb\u06bc\u06bd\u0767\u0768\u0769');
// Dashes are one hyphen, so a Latin name written CJTF–OIR matches CJTF-OIR.
foldTo('-', '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d');
// Step 4: Arabic-Indic and Eastern Arabic-Indic digits.
for (let d = 0; d < 10; d++) {
  FOLD[0x660 + d] = 0x30 + d;
  FOLD[0x6f0 + d] = 0x30 + d;
}

/** NFKC of one presentation form, folded; cached per code point. */
const compatCache = new Map<number, string>();
function compatFold(c: number): string {
  let out = compatCache.get(c);
  if (out === undefined) {
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    // NFKC leaves some forms alone (U+FDFD): those are kept as they are.
    out = nfkc === String.fromCharCode(c) ? nfkc : foldString(nfkc);
    compatCache.set(c, out);
  }
  return out;
}

// The hot loop's table: FOLD's value in the low 16 bits and flags above it,
// so that one load per source unit says everything the loop needs. The usual
// units (letters, digits, punctuation, spaces) are emitted without a branch on
// their kind; deleted, slow and not-yet-classified ones take the one rare branch.
const WORD = 1 << 16;
const SPACE_FLAG = 1 << 17;
/** Everything at or above RARE leaves the branch-free path. */
const RARE = 1 << 18;
const DELETED = 1 << 18;
const SLOW = 1 << 19;
/** A kept unit whose word class (chars.ts) is looked up the first time it is seen. */
const UNCLASSIFIED = 1 << 20;

const ENTRY = new Int32Array(0x10000).fill(UNCLASSIFIED);

/** Works out a unit's entry the first time it is met, and returns it. */
function classifyEntry(c: number): number {
  const v = foldOf(c);
  let e: number;
  if (v === DELETE) e = DELETED;
  else if (v === COMPAT || v === COMBINE) e = SLOW | v;
  else if (v === SPACE) e = SPACE | SPACE_FLAG;
  else e = isWordCode(v) ? v | WORD : v;
  ENTRY[c] = e;
  return e;
}

class Output {
  codes: Uint16Array;
  readonly map = new SourceMap();
  starts: Int32Array;
  length = 0;
  startCount = 0;
  /** Whether the last emitted unit is the space of a collapsed run. */
  lastSpace = false;

  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    // A word start needs a non-word unit before it, the first one excepted.
    this.starts = new Int32Array((capacity >> 1) + 2);
  }

  reset(): void {
    this.length = 0;
    this.startCount = 0;
    this.lastSpace = false;
    this.map.clear();
  }

  /** Makes room for at least `needed` units in all. */
  reserve(needed: number): void {
    if (needed > this.codes.length) {
      const codes = new Uint16Array(Math.max(needed, this.codes.length * 2));
      codes.set(this.codes.subarray(0, this.length));
      this.codes = codes;
    }
    if ((needed >> 1) + 2 > this.starts.length) {
      const starts = new Int32Array((this.codes.length >> 1) + 2);
      starts.set(this.starts.subarray(0, this.startCount));
      this.starts = starts;
    }
  }

  /** Recomputes the word starts from folded index `from` on, after a slow path rewrote them. */
  rescanStarts(from: number): void {
    while (this.startCount > 0 && this.starts[this.startCount - 1]! >= from) this.startCount--;
    let prevWord = from > 0 && isWordCode(this.codes[from - 1]!);
    for (let k = from; k < this.length; k++) {
      const word = isWordCode(this.codes[k]!);
      if (word && !prevWord) this.starts[this.startCount++] = k;
      prevWord = word;
    }
  }

  /** Emits the fold of `s` (already NFKC/NFC text), every unit mapped to `src`. */
  emitFolded(s: string, src: number): void {
    for (let k = 0; k < s.length; k++) {
      const v = foldOf(s.charCodeAt(k));
      if (v === DELETE) continue;
      if (v === SPACE) {
        if (this.lastSpace) continue;
        this.put(SPACE, src);
        this.lastSpace = true;
      } else {
        // What NFKC leaves a presentation form (U+FDFD), and marks NFC could
        // not compose, stay as they are.
        this.put(v === COMBINE || v === COMPAT ? s.charCodeAt(k) : v, src);
        this.lastSpace = false;
      }
    }
  }

  put(code: number, src: number): void {
    if (this.length >= this.codes.length) this.reserve(this.length + 1);
    this.codes[this.length] = code;
    this.map.set(this.length, src);
    this.length++;
  }
}

/**
 * Folds `source` and returns the folded code units with their offset map. A
 * match at folded [s, e) starts at source map.get(s) and ends at
 * sourceEnd(source, map.get, e): its last letter's harakat are inside the span,
 * nothing of the next word is.
 */
export function foldCodes(source: string): FoldedCodes {
  return foldInto(source, new Output(source.length));
}

/**
 * foldCodes into buffers that every call shares: the result is valid until the
 * next call. For the detector, which folds whole pages and keeps nothing of the
 * fold once it has its mentions: a page's worth of typed arrays is not
 * allocated (and collected) again on every scan.
 */
export function foldCodesShared(source: string): FoldedCodes {
  let out = shared;
  if (out === null || out.codes.length < source.length) out = new Output(Math.max(source.length, 1024));
  else out.reset();
  const f = foldInto(source, out);
  shared = out.codes.length <= SHARED_MAX ? out : null;
  return f;
}

// Buffers for pages up to 2M units are kept between calls.
const SHARED_MAX = 1 << 21;
let shared: Output | null = null;

/** The fold into `out`, which must be empty with room for source.length units. */
function foldInto(source: string, out: Output): FoldedCodes {
  const n = source.length;
  const state = RUN_STATE;
  state.fill(0);
  // Runs of ordinary units go through fastRun; it stops at anything else (a
  // deleted or slow unit, one met for the first time, a second space), which
  // is dealt with here. Keeping the rare cases out of the hot loop keeps V8
  // from compiling that loop around branches it has never seen taken.
  for (let i = fastRun(source, 0, out, state); i < n; i = fastRun(source, i + 1, out, state)) {
    const c = source.charCodeAt(i);
    let e = ENTRY[c]!;
    if (e >= UNCLASSIFIED) e = classifyEntry(c);
    if (e < RARE) {
      // A unit met for the first time, now classified, or a space after a space.
      if ((e & SPACE_FLAG) !== 0 && state[LAST_SPACE] === 1) out.map.set(state[LEN]!, i + 1);
      else emitOne(out, state, e, i);
    } else if (e < SLOW) {
      out.map.set(state[LEN]!, i + 1);
    } else {
      out.length = state[LEN]!;
      out.startCount = state[START_COUNT]!;
      out.lastSpace = state[LAST_SPACE] === 1;
      i = slowPath(source, i, c, e & 0xffff, out);
      state[LEN] = out.length;
      state[START_COUNT] = out.startCount;
      state[LAST_SPACE] = out.lastSpace ? 1 : 0;
      state[PREV_WORD] = out.length > 0 && isWordCode(out.codes[out.length - 1]!) ? 1 : 0;
    }
  }
  out.length = state[LEN]!;
  out.startCount = state[START_COUNT]!;
  out.lastSpace = state[LAST_SPACE] === 1;
  return { codes: out.codes, length: out.length, map: out.map, starts: out.starts, startCount: out.startCount };
}

// The fold's running state between fastRun and foldInto: folded length, word
// starts found, and whether the last unit was a word unit or a space (0 or 1).
const LEN = 0;
const START_COUNT = 1;
const PREV_WORD = 2;
const LAST_SPACE = 3;
const RUN_STATE = new Int32Array(4);

/** Emits one ordinary unit (entry `e`, from source index `i`). */
function emitOne(out: Output, state: Int32Array, e: number, i: number): void {
  const len = state[LEN]!;
  const word = (e >>> 16) & 1;
  if (word === 1 && state[PREV_WORD] === 0) out.starts[state[START_COUNT]!++] = len;
  out.codes[len] = e;
  out.map.set(len, i);
  state[LEN] = len + 1;
  state[PREV_WORD] = word;
  state[LAST_SPACE] = (e >>> 17) & 1;
}

/**
 * Folds ordinary units from source index `i` on, the common case and the hot
 * loop: each emits exactly one unit with no branch on its kind. Returns the
 * index of the first unit it could not take.
 */
function fastRun(source: string, i: number, out: Output, state: Int32Array): number {
  const n = source.length;
  const codes = out.codes;
  const starts = out.starts;
  let len = state[LEN]!;
  let startCount = state[START_COUNT]!;
  let prevWord = state[PREV_WORD]!;
  let lastSpace = state[LAST_SPACE]!;
  for (; i < n; i++) {
    const e = ENTRY[source.charCodeAt(i)]!;
    if (e >= RARE) break;
    const word = (e >>> 16) & 1;
    const space = (e >>> 17) & 1;
    if ((space & lastSpace) !== 0) break;
    // A word unit after a non-word one starts a word: the slot is written
    // every time and kept only then, which costs less than a branch.
    codes[len] = e;
    starts[startCount] = len;
    startCount += word & (prevWord ^ 1);
    len++;
    prevWord = word;
    lastSpace = space;
  }
  state[LEN] = len;
  state[START_COUNT] = startCount;
  state[PREV_WORD] = prevWord;
  state[LAST_SPACE] = lastSpace;
  return i;
}

/**
 * A presentation form or a combining mark at source index `i`, folded into
 * `out` (whose length and word starts are brought up to date); returns the
 * index of the last source unit consumed. Kept out of foldInto's loop so that
 * the loop stays small.
 */
function slowPath(source: string, i: number, c: number, v: number, out: Output): number {
  let from = out.length;
  let last = i;
  if (v === COMPAT) out.emitFolded(compatFold(c), i);
  else [last, from] = composeCluster(source, i, out);
  out.reserve(out.length + source.length - last);
  out.rescanStarts(from);
  out.map.set(out.length, last + 1);
  return last;
}

/**
 * NFC of the cluster that the combining mark at `i` belongs to: the last kept
 * letter before it plus the run of marks after it. Replaces that letter's
 * output; every composed unit maps to the letter's source index. Returns the
 * index of the cluster's last source unit and the first folded index rewritten.
 */
function composeCluster(source: string, i: number, out: Output): [number, number] {
  let j = i + 1;
  while (j < source.length && (foldOf(source.charCodeAt(j)) === COMBINE || foldOf(source.charCodeAt(j)) === DELETE)) j++;
  const hasBase = out.length > 0 && !out.lastSpace;
  const from = hasBase ? out.map.get(out.length - 1) : i;
  // A presentation form may have emitted several units for that one letter.
  while (hasBase && out.length > 0 && out.map.get(out.length - 1) === from) out.length--;
  const rewritten = out.length;
  out.map.truncate(rewritten);
  out.emitFolded(source.slice(from, j).normalize('NFC'), from);
  return [j - 1, rewritten];
}

/**
 * Where in the source a folded span ending at `end` ends: just past its last
 * kept character and the harakat, Quranic marks, combining marks and tatweel
 * that belong to that letter, but never past a zero-width or bidi control
 * (U+200E after a name is not part of the name). `map(end)` alone would be
 * the next kept character, swallowing whatever the fold deleted in between.
 */
export function sourceEnd(source: string, map: (k: number) => number, end: number): number {
  if (end === 0) return map(0);
  let k = map(end - 1) + 1;
  const limit = map(end);
  while (k < limit && belongsToLetter(source.charCodeAt(k))) k++;
  return k;
}

/** A unit the fold drops or composes that is part of the letter before it: a mark or tatweel, not a format control. */
function belongsToLetter(c: number): boolean {
  return (
    foldOf(c) === COMBINE ||
    (c >= 0x64b && c <= 0x65f) ||
    c === 0x670 ||
    c === 0x640 ||
    (c >= 0x610 && c <= 0x61a) ||
    (c >= 0x6d6 && c <= 0x6ed && c !== 0x6dd && c !== 0x6de && c !== 0x6e9) ||
    c === 0x674 ||
    c === 0x34f ||
    (c >= 0xfe70 && c <= 0xfe7f)
  );
}

/** Turns folded code units into a string without one call per unit. */
export function codesToString(codes: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let s = '';
  for (let k = 0; k < length; k += CHUNK) {
    s += String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + CHUNK)) as unknown as number[]);
  }
  return s;
}

/** ARABIC.md's fold with every whitespace run collapsed to one ' ', plus the offset map. */
export function fold(source: string): Folded {
  const f = foldCodes(source);
  return { text: codesToString(f.codes, f.length), map: f.map.toArray(f.length) };
}

/** The same fold without the map: aliases, cue words, search. */
export function foldString(s: string): string {
  // Short strings (aliases, cue words, queries) reuse one buffer instead of
  // allocating three typed arrays each; a nested call (presentation forms
  // fold their NFKC text) gets its own.
  if (scratchBusy || s.length > SCRATCH_SIZE) {
    const f = foldCodes(s);
    return codesToString(f.codes, f.length);
  }
  scratchBusy = true;
  try {
    scratch.reset();
    const f = foldInto(s, scratch);
    return codesToString(f.codes, f.length);
  } finally {
    if (scratch.codes.length > SCRATCH_SIZE * 4) scratch = new Output(SCRATCH_SIZE);
    scratchBusy = false;
  }
}

const SCRATCH_SIZE = 256;
let scratch = new Output(SCRATCH_SIZE);
let scratchBusy = false;

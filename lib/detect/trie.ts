/**
 * A trie of folded phrases over typed arrays, and the clitic-aware walk that
 * finds them at a word start.
 *
 * Transitions live in one open-addressing hash keyed by (state, code unit), with
 * a dense table for the root because every word start begins there. Matching
 * cost therefore depends on how far page words share a prefix with some alias,
 * not on how many aliases there are.
 */
import { isWordCode } from '../arabic/chars';

// Module-local bindings: once transpiled to CommonJS (tsx, tests), an imported
// binding is a getter call on every use, which the per-character loops feel.
const isWord = isWordCode;
const ALEF = 0x627;
const BEH = 0x628;
const FEH = 0x641;
const KAF = 0x643;
const LAM = 0x644;
const WAW = 0x648;
const EMPTY = -1;
/** States this deep or less get a dense row of children; see Trie.alpha. */
const DENSE_DEPTH = 2;
/** Columns of a dense row: column 0 is unused, so 127 code units get one. */
const DENSE_WIDTH = 128;

export class Trie {
  /** Child of the root for each code unit, 0 when none (the root is never a child). */
  private readonly rootNext = new Int32Array(0x10000);
  private hState: Int32Array;
  private hCode: Int32Array;
  private hNext: Int32Array;
  private hCount = 0;
  /** 32 − log2(table size): slot() keeps the best-mixed high bits. */
  private hShift: number;
  private states = 1;
  /** First output of each state (index into outValue/outNext), or -1. */
  private outHead: Int32Array;
  private outValue: number[] = [];
  private outNext: number[] = [];
  /** The state after «ال», where the لل forms of ال-phrases continue; 0 if no phrase starts with ال. */
  alNode = 0;
  /**
   * States one or two letters deep (every page word is looked up in them)
   * keep their children in a dense row indexed by a small alphabet rather than
   * in the hash: alpha[code] is a code unit's column, 0 when it has none.
   */
  private readonly alpha = new Uint8Array(0x10000);
  private alphaSize = 0;
  private dense = new Int32Array(DENSE_WIDTH * 64);
  private denseRows = 0;
  /** Offset of each state's dense row in `dense`, or -1. */
  private denseRow: Int32Array;
  private depth: Uint8Array;

  /** `transitions`: about how many the trie will hold, to size its tables once. */
  constructor(transitions = 0) {
    let bits = 10;
    while (1 << bits < transitions * 2) bits++;
    this.hState = new Int32Array(1 << bits).fill(EMPTY);
    this.hCode = new Int32Array(1 << bits);
    this.hNext = new Int32Array(1 << bits);
    this.hShift = 32 - bits;
    this.outHead = new Int32Array(Math.max(256, transitions + 1)).fill(EMPTY);
    this.denseRow = new Int32Array(this.outHead.length).fill(EMPTY);
    this.depth = new Uint8Array(this.outHead.length);
  }

  /** The state reached from `state` by `code`, or -1. */
  next(state: number, code: number): number {
    if (state === 0) return this.rootNext[code]! || EMPTY;
    const row = this.denseRow[state]!;
    if (row !== EMPTY) {
      const a = this.alpha[code]!;
      if (a !== 0) return this.dense[row + a]! || EMPTY;
      // Without a column the code unit's transitions are in the hash, and
      // only once the alphabet is full can there be any.
      if (this.alphaSize < DENSE_WIDTH - 1) return EMPTY;
    }
    const mask = this.hState.length - 1;
    let h = slot(state, code, this.hShift);
    for (;;) {
      const s = this.hState[h]!;
      if (s === EMPTY) return EMPTY;
      if (s === state && this.hCode[h] === code) return this.hNext[h]!;
      h = (h + 1) & mask;
    }
  }

  hasOutput(state: number): boolean {
    return this.outHead[state]! !== EMPTY;
  }

  /** Calls `f` with every value stored at `state`, in insertion order. */
  forEachOutput(state: number, f: (value: number) => void): void {
    for (let o = this.outHead[state]!; o !== EMPTY; o = this.outNext[o]!) f(this.outValue[o]!);
  }

  /** Whether a phrase can begin with this code unit. */
  startsWith(code: number): boolean {
    return this.rootNext[code]! !== 0;
  }

  /** Adds a folded phrase; a value already stored for the same phrase is not stored twice. */
  add(phrase: string, value: number): void {
    this.addOutput(this.extend(0, phrase), value);
    if (this.alNode === 0 && phrase.startsWith('ال')) this.alNode = this.next(this.next(0, ALEF), LAM);
  }

  /**
   * Follows `s` from index `from` on, starting at `state` and creating the
   * states that are missing; returns the state reached.
   */
  extend(state: number, s: string, from = 0): number {
    for (let i = from; i < s.length; i++) {
      const code = s.charCodeAt(i);
      let child = this.next(state, code);
      if (child === EMPTY) {
        child = this.newState(this.depth[state]! + 1);
        this.link(state, code, child);
      }
      state = child;
    }
    return state;
  }

  /** States after each prefix of a phrase already in the trie: [0] is the root. */
  statesAlong(phrase: string): Int32Array {
    const states = new Int32Array(phrase.length + 1);
    for (let i = 0; i < phrase.length; i++) states[i + 1] = this.next(states[i]!, phrase.charCodeAt(i));
    return states;
  }

  /** How many values all states hold: a mark to tell later values from earlier ones. */
  get outputCount(): number {
    return this.outValue.length;
  }

  /** Whether `state` holds a value stored before the mark `outputCount` had. */
  hasOutputBefore(state: number, mark: number): boolean {
    const first = this.outHead[state]!;
    return first !== EMPTY && first < mark;
  }

  addOutput(state: number, value: number): void {
    let last = EMPTY;
    for (let o = this.outHead[state]!; o !== EMPTY; o = this.outNext[o]!) {
      if (this.outValue[o] === value) return;
      last = o;
    }
    const o = this.outValue.length;
    this.outValue.push(value);
    this.outNext.push(EMPTY);
    if (last === EMPTY) this.outHead[state] = o;
    else this.outNext[last] = o;
  }

  private newState(depth: number): number {
    if (this.states >= this.outHead.length) {
      const size = this.outHead.length * 2;
      const outHead = new Int32Array(size).fill(EMPTY);
      outHead.set(this.outHead);
      this.outHead = outHead;
      const denseRow = new Int32Array(size).fill(EMPTY);
      denseRow.set(this.denseRow);
      this.denseRow = denseRow;
      const depths = new Uint8Array(size);
      depths.set(this.depth);
      this.depth = depths;
    }
    const state = this.states++;
    this.depth[state] = Math.min(depth, 255);
    if (depth <= DENSE_DEPTH) {
      if ((this.denseRows + 1) * DENSE_WIDTH > this.dense.length) {
        const dense = new Int32Array(this.dense.length * 2);
        dense.set(this.dense);
        this.dense = dense;
      }
      this.denseRow[state] = this.denseRows++ * DENSE_WIDTH;
    }
    return state;
  }

  private link(state: number, code: number, child: number): void {
    if (state === 0) {
      this.rootNext[code] = child;
      return;
    }
    const row = this.denseRow[state]!;
    if (row !== EMPTY) {
      if (this.alpha[code] === 0 && this.alphaSize < DENSE_WIDTH - 1) this.alpha[code] = ++this.alphaSize;
      const a = this.alpha[code]!;
      if (a !== 0) {
        this.dense[row + a] = child;
        return;
      }
    }
    if ((this.hCount + 1) * 2 > this.hState.length) this.rehash();
    this.insert(state, code, child);
    this.hCount++;
  }

  private insert(state: number, code: number, child: number): void {
    const mask = this.hState.length - 1;
    let h = slot(state, code, this.hShift);
    while (this.hState[h] !== EMPTY) h = (h + 1) & mask;
    this.hState[h] = state;
    this.hCode[h] = code;
    this.hNext[h] = child;
  }

  private rehash(): void {
    const { hState, hCode, hNext } = this;
    const size = hState.length * 2;
    this.hShift--;
    this.hState = new Int32Array(size).fill(EMPTY);
    this.hCode = new Int32Array(size);
    this.hNext = new Int32Array(size);
    for (let h = 0; h < hState.length; h++) {
      if (hState[h] !== EMPTY) this.insert(hState[h]!, hCode[h]!, hNext[h]!);
    }
  }
}

/** Fibonacci hashing of a (state, code unit) pair onto a table of 2^(32 − shift) slots. */
function slot(state: number, code: number, shift: number): number {
  return Math.imul(state ^ Math.imul(code, 0x27d4eb2d), 0x9e3779b1) >>> shift;
}

/**
 * Receives a phrase found at a word start: the trie state holding its values,
 * where the name itself begins (after any proclitic) and where it ends.
 */
export type Hit = (state: number, nameStart: number, end: number) => void;

/** Follows the trie from `state` at `pos`, reporting each phrase that ends at a word boundary. */
function walk(trie: Trie, codes: Uint16Array, len: number, pos: number, state: number, nameStart: number, hit: Hit): void {
  while (pos < len) {
    state = trie.next(state, codes[pos]!);
    if (state === EMPTY) return;
    pos++;
    if (trie.hasOutput(state) && (pos === len || !isWord(codes[pos]!))) hit(state, nameStart, pos);
  }
}

/**
 * Finds every phrase at the word starting at `p`, bare or behind the proclitics
 * Arabic news puts on names (ARABIC.md): an optional و/ف, then an optional
 * ب/ك/ل, then the phrase. The ل of an ال-phrase drops its alef: لل+R, or ل+R
 * when R itself starts with ل (للجنة). Whole phrase forms are matched, never
 * letters stripped off page words, so names that begin with those letters
 * (لويد، بلينكن، بشار، وزير) stay whole. For لل+R the reported name starts at
 * the second ل, the one letter left of the elided «ال».
 */
export function findAt(trie: Trie, codes: Uint16Array, len: number, p: number, hit: Hit): void {
  walk(trie, codes, len, p, 0, p, hit);
  afterPreposition(trie, codes, len, p, hit);
  const c0 = codes[p];
  if ((c0 === WAW || c0 === FEH) && p + 1 < len) {
    walk(trie, codes, len, p + 1, 0, p + 1, hit);
    afterPreposition(trie, codes, len, p + 1, hit);
  }
  // A Latin name written onto the article or two proclitics (الـHMC، وبالـISIS;
  // the tatweel is folded away). One proclitic was handled above.
  if (isProclitic(c0!)) {
    for (let k = p + 1; k < len && k <= p + 4; k++) {
      const c = codes[k]!;
      if (c >= 0x61 && c <= 0x7a) {
        if (k >= p + 2) walk(trie, codes, len, k, 0, k, hit);
        break;
      }
      if (!isProclitic(c)) break;
    }
  }
}

/** A letter of the proclitics and the article: و ف ب ك ل and the article's alef. */
function isProclitic(c: number): boolean {
  return c === WAW || c === FEH || c === BEH || c === KAF || c === LAM || c === ALEF;
}

/** The phrase behind a ب/ك/ل at `b`, including the لل forms of ال-phrases. */
function afterPreposition(trie: Trie, codes: Uint16Array, len: number, b: number, hit: Hit): void {
  const c = codes[b];
  const r = b + 1;
  if ((c !== BEH && c !== KAF && c !== LAM) || r >= len) return;
  walk(trie, codes, len, r, 0, r, hit);
  if (c === LAM && trie.alNode !== 0) {
    // ل+R for an R that starts with ل (للجنة), else لل+R (للسوداني).
    walk(trie, codes, len, r, trie.alNode, r, hit);
    if (codes[r] === LAM && codes[r + 1] !== LAM) walk(trie, codes, len, r + 1, trie.alNode, r, hit);
  }
}

/** Whether any phrase can start at a word beginning with this code unit. */
export function mayStart(trie: Trie, code: number): boolean {
  return trie.startsWith(code) || isProclitic(code);
}

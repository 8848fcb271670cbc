/**
 * The detector: the one function the background (for the content script),
 * `npm run detect`, the tests and the benchmarks all call.
 *
 * fold the text (keeping the offset map) → find alias forms at word starts →
 * context rules → longest match wins → mentions in the original's offsets.
 */
import { type FoldedCodes, foldCodesShared, sourceEnd } from '../arabic/normalize';
import type { FoundMention } from '../messages';
import type { Matcher } from './matcher';
import { isWordCode } from '../arabic/chars';
import { isGivenName, isOrdinaryWord } from './lexicon';
import { type Scan, crossesBreak, isDefiniteNoun, nextWordStart, previousWordEnd } from './rules';
import { findAt as findAtImport, mayStart as mayStartImport } from './trie';

// Local bindings for the per-character loop (see trie.ts).
const findAt = findAtImport;
const mayStart = mayStartImport;

export type { Matcher } from './matcher';
export { compileMatcher } from './matcher';

export interface Mention {
  topic: string;
  /** UTF-16 offsets into the text given to detect; text === original.slice(start, end). */
  start: number;
  end: number;
  text: string;
  /** The corpus alias that matched (also when a spelling variant of it did). */
  alias: string;
  /** Found through an alias that needs a cue: it does not vouch for its topic elsewhere on the page. */
  cued: boolean;
  /**
   * A name inside a longer one of another topic («داعش» in «التحالف الدولي
   * لدحر داعش»): only with DetectOptions.inner, and it overlaps that mention.
   */
  inner?: true;
}

export interface DetectOptions {
  /** Topics already mentioned unambiguously elsewhere on the page (incremental scans). */
  knownTopics?: ReadonlySet<string>;
  /** Also report the names nested in a longer name of another topic, flagged `inner`. */
  inner?: boolean;
}

interface Candidate {
  /** Folded start of the whole form, proclitic included. */
  form: number;
  /** Folded start of the name itself. */
  name: number;
  end: number;
  alias: number;
  ok: boolean;
  /** Nested in a longer winner of another topic. */
  inner?: boolean;
}

/** How far (folded units) a shared surname may stand from its bearer's full name. */
const SURNAME_WINDOW = 200;
/** Letters of the longest given name looked up (with a و before it). */
const MAX_GIVEN_NAME = 12;

/**
 * The mentions in a page's text as the background answers the content script:
 * offsets into the text it sent (docs/adr/0006-detection-in-the-background.md),
 * the names nested in a longer name included, so that the page counts them and
 * a reader on the inner word reaches its card.
 */
export function findMentions(text: string, matcher: Matcher, known: readonly string[]): FoundMention[] {
  return detect(text, matcher, { knownTopics: new Set(known), inner: true }).map(({ topic, start, end, cued, inner }) =>
    inner ? { topic, start, end, cued, inner } : { topic, start, end, cued },
  );
}

/**
 * Every mention of a corpus topic in `text`, sorted by start, never
 * overlapping (but for the `inner` ones asked for). Where alias forms overlap
 * the longest wins («عين الأسد» over «الأسد»); at equal length one that
 * passes its rules beats one that does not, then the topic listed first, then
 * the alias listed first. A form its rules reject still claims its words: a
 * shorter alias inside it does not fire.
 *
 * Beside the corpus's rules, three guards need no corpus help:
 * - a surname after another person's given name (ماهر الأسد) is not the
 *   topic, and once a text names such a namesake, the bare surname counts
 *   only near the topic's full name;
 * - a form that is also an ordinary word (بحماس, with zeal; رسول, messenger)
 *   counts only after the text has named its topic unambiguously;
 * - an adjective-like alias after a definite noun qualifies it (rules.ts).
 *
 * The mention covers the name without its proclitic: «والسوداني» marks
 * «السوداني»; in «للسوداني» (ل + السوداني, alef elided) it marks «لسوداني».
 */
export function detect(text: string, matcher: Matcher, opts: DetectOptions = {}): Mention[] {
  const folded = foldCodesShared(text);
  const scan: Scan = { source: text, codes: folded.codes, len: folded.length, map: folded.map };
  // Page text joins blocks with '\n' (which the fold made a space): a name
  // never runs from one block into the next, and such a form is no form at all,
  // so it does not even claim its words. A name broken by <br>, which the page
  // reader also writes as '\n', is lost with it; that is rare.
  const candidates = findCandidates(folded, matcher).filter(
    (c) => !matcher.aliases[c.alias]!.multiWord || !crossesBreak(scan, c.name, c.end),
  );
  if (candidates.length === 0) return [];
  const namesakes = new Set<number>();
  for (const c of candidates) {
    c.ok = passesContext(scan, matcher, c);
    if (isNamesake(scan, matcher, c)) {
      c.ok = false;
      namesakes.add(matcher.aliases[c.alias]!.topic);
    }
  }
  const winners = longestFirst(candidates, matcher, opts.inner === true);

  // Where each topic is first named unambiguously: from the start for the
  // topics the caller knows, else at its first winner that needs no help.
  const firstSure = new Map<number, number>();
  matcher.topicIds.forEach((id, t) => {
    if (opts.knownTopics?.has(id)) firstSure.set(t, -1);
  });
  const sure: Candidate[] = [];
  for (const w of winners) {
    const entry = matcher.aliases[w.alias]!;
    if (entry.needsCue || isOrdinaryForm(scan, matcher, w) || (entry.surname && namesakes.has(entry.topic))) continue;
    sure.push(w);
    if (!firstSure.has(entry.topic)) firstSure.set(entry.topic, w.form);
  }
  const mentions: Mention[] = [];
  for (const w of winners) {
    const entry = matcher.aliases[w.alias]!;
    const topic = matcher.topicIds[entry.topic]!;
    const first = firstSure.get(entry.topic);
    if (entry.needsCue && first === undefined) {
      if (!entry.rules.every((r) => matcher.rules.cueNear(scan, w.form, w.end, r))) continue;
    }
    if (isOrdinaryForm(scan, matcher, w) && (first === undefined || first >= w.form)) continue;
    if (entry.surname && namesakes.has(entry.topic) && !nearFullName(w, sure, matcher)) continue;
    const start = folded.map.get(w.name);
    const end = sourceEnd(text, (k) => folded.map.get(k), w.end);
    const m: Mention = { topic, start, end, text: text.slice(start, end), alias: entry.alias, cued: entry.needsCue };
    if (w.inner) m.inner = true;
    mentions.push(m);
  }
  return mentions;
}

/**
 * A bare surname right after a common given name that is not its topic's own
 * (ماهر الأسد، حسين الشرع، سيث ماكفارلين): another bearer of the surname.
 */
function isNamesake(scan: Scan, matcher: Matcher, c: Candidate): boolean {
  const entry = matcher.aliases[c.alias]!;
  if (!entry.surname || c.name !== c.form || c.form < 2 || scan.codes[c.form - 1] !== 0x20) return false;
  const before = previousWordEnd(scan, c.form);
  if (before < 0 || before + 1 !== c.form) return false;
  let start = before;
  while (start > 0 && before - start <= MAX_GIVEN_NAME && isWordCode(scan.codes[start - 1]!)) start--;
  if (before - start > MAX_GIVEN_NAME) return false;
  const word = String.fromCharCode(...scan.codes.subarray(start, before));
  const given = word.length > 3 && word.startsWith('و') && !isGivenName(word) ? word.slice(1) : word;
  // Folded, «على» (on) is «علي»: a name written with ى is not the given name.
  if (given.endsWith('ي') && scan.source.charCodeAt(scan.map.get(before - 1)) === 0x649) return false;
  return isGivenName(given) && !matcher.topicWords.get(entry.topic)?.has(given);
}

/** Whether the whole word of a winner, proclitic included, is an ordinary Arabic word. */
function isOrdinaryForm(scan: Scan, matcher: Matcher, w: Candidate): boolean {
  if (!matcher.aliases[w.alias]!.ordinary || w.end - w.form > 12) return false;
  return isOrdinaryWord(String.fromCharCode(...scan.codes.subarray(w.form, w.end)));
}

/** Whether an unambiguous mention of the winner's topic, not a surname, stands within reach. */
function nearFullName(w: Candidate, sure: readonly Candidate[], matcher: Matcher): boolean {
  const topic = matcher.aliases[w.alias]!.topic;
  return sure.some((s) => {
    const e = matcher.aliases[s.alias]!;
    return e.topic === topic && !e.surname && s.end > w.form - SURNAME_WINDOW && s.form < w.end + SURNAME_WINDOW;
  });
}

/** Every alias form that starts at a word start and ends at a word boundary, in order of start. */
function findCandidates(folded: FoldedCodes, matcher: Matcher): Candidate[] {
  const { codes, length: len, starts, startCount } = folded;
  const { trie } = matcher;
  const out: Candidate[] = [];
  let form = 0;
  const hit = (state: number, name: number, end: number): void => {
    trie.forEachOutput(state, (alias) => out.push({ form, name, end, alias, ok: true }));
  };
  for (let k = 0; k < startCount; k++) {
    const i = starts[k]!;
    if (mayStart(trie, codes[i]!)) {
      form = i;
      findAt(trie, codes, len, i, hit);
    }
  }
  return out;
}

/** The corpus's notAfter/notBefore rules and the nisba-adjective guard. */
function passesContext(scan: Scan, matcher: Matcher, c: Candidate): boolean {
  const entry = matcher.aliases[c.alias]!;
  // A proclitic opens a new phrase (والسوداني، للسوداني): the word before
  // cannot be a noun this alias qualifies, so only bare forms look back.
  const bare = c.name === c.form;
  const before = bare ? previousWordEnd(scan, c.form) : -1;
  if (entry.nisba && before >= 0 && scan.codes[before] === 0x20 && before + 1 === c.form) {
    if (isDefiniteNoun(scan, before, c.end)) return false;
  }
  for (const rule of entry.rules) {
    if (rule.notAfter !== null && before >= 0 && matcher.rules.endsWith(scan, before, rule.notAfter)) return false;
    if (rule.notBefore !== null) {
      const after = nextWordStart(scan, c.end);
      if (after >= 0 && matcher.rules.phraseHere(scan, after, rule.notBefore)) return false;
    }
  }
  return true;
}

/**
 * Resolves overlaps, longest form first, and returns the winners that passed
 * their rules, in order of start (with `inner`, also the names nested in a
 * winner of another topic). Overlaps are rare and local, so candidates
 * (already in order of start) are cut into runs of mutually overlapping ones
 * and only a run of two or more is sorted.
 */
function longestFirst(candidates: Candidate[], matcher: Matcher, inner: boolean): Candidate[] {
  const winners: Candidate[] = [];
  let runStart = 0;
  let runEnd = -1;
  for (let k = 0; k <= candidates.length; k++) {
    const c = candidates[k];
    if (c !== undefined && c.form < runEnd) {
      runEnd = Math.max(runEnd, c.end);
      continue;
    }
    if (k - runStart === 1) {
      if (candidates[runStart]!.ok) winners.push(candidates[runStart]!);
    } else if (k > runStart) {
      winners.push(...resolveRun(candidates.slice(runStart, k), matcher, inner));
    }
    runStart = k;
    runEnd = c?.end ?? -1;
  }
  return winners;
}

function resolveRun(run: Candidate[], matcher: Matcher, inner: boolean): Candidate[] {
  const order = (c: Candidate): number => matcher.aliases[c.alias]!.topic;
  run.sort(
    (a, b) =>
      b.end - b.form - (a.end - a.form) || a.form - b.form || Number(b.ok) - Number(a.ok) || order(a) - order(b) || a.alias - b.alias,
  );
  const taken: Candidate[] = [];
  const nested: Candidate[] = [];
  for (const c of run) {
    if (taken.every((t) => c.end <= t.form || c.form >= t.end)) {
      taken.push(c);
      continue;
    }
    // A name of another topic wholly inside a winner that passed: «داعش» in
    // «التحالف الدولي لدحر داعش». The longest such name at a place wins.
    if (!inner || !c.ok || nested.some((n) => c.end > n.form && c.form < n.end)) continue;
    const host = taken.find((t) => c.form >= t.form && c.end <= t.end);
    if (host?.ok && order(host) !== order(c) && c.form > host.form) {
      c.inner = true;
      nested.push(c);
    }
  }
  return [...taken.filter((c) => c.ok), ...nested].sort((a, b) => a.form - b.form);
}

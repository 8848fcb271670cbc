/**
 * `pack draft`: proposals for the author, never decisions. Every sentence of
 * a source that carries a date (lib/dates: absolute in any month system,
 * Hijri, numeric, or relative to the source's publication date) and a
 * mention of a pack topic (lib/detect, with the pack's own rules) becomes a
 * proposed event: the date with its precision and basis, the sentence as its
 * verbatim quote, the topics, and a guess at its status with the reason. Names
 * the sources repeat that are not topics yet are listed as candidates.
 *
 * The review file keeps the author's decisions: drafting again proposes only
 * what is new, and never one whose quote an event of the pack already cites.
 */
import { foldString } from '../arabic/normalize';
import type { CorpusEvent, EventStatus } from '../corpus/types';
import type { DateMention } from '../dates/find';
import { GREGORIAN_MONTHS, HIJRI_MONTHS } from '../dates/words';
import { type Matcher, type Mention, compileMatcher, detect } from '../detect/detect';
import { whollyAfter } from './date-range';
import type { PackFolder, PackSource } from './folder';
import { type Span, SourceView } from './source-view';

export type Decision = 'pending' | 'accept' | 'reject';

/** A proposed event: the event as pack.json would hold it, the author's decision and the draft's reasons. */
export interface Proposal extends CorpusEvent {
  /** The author's: "accept" (after writing the title and summary) or "reject"; `pack accept` moves accepted ones into pack.json. */
  decision: Decision;
  /** Why the draft proposes this date, status and these topics; the author checks each. */
  why: { date: string; status: string; topics: string };
}

export interface Candidate {
  /** As the source first writes it. */
  name: string;
  count: number;
  sources: string[];
}

export interface Review {
  about: string;
  proposals: Proposal[];
  candidates: { latin: Candidate[]; arabic: Candidate[] };
}

export const REVIEW_ABOUT =
  'Proposals from `npm run pack -- draft`. For each: check the date, status and topics against the quote; ' +
  'write title and summary (ar and en); set "decision" to "accept" or "reject"; then `npm run pack -- accept DIR`. ' +
  'Candidates are names the sources repeat that are not topics yet: add the ones a reader would want as topics in pack.json.';

/** Quotes longer than this are cut to the clause around the date and the name (docs/corpus.md: at most 300). */
export const MAX_QUOTE = 300;

export function draftReview(folder: PackFolder, previous: Review | null): Review {
  const matcher = compileMatcher(folder.manifest.topics ?? []);
  const cited = citedQuotes(folder.manifest.events ?? []);
  const decided = new Map((previous?.proposals ?? []).map((p) => [proposalKey(p), p]));
  const ids = new Set((folder.manifest.events ?? []).map((e) => e.id));
  const proposals: Proposal[] = [];
  for (const s of folder.sources) {
    for (const p of proposeFrom(s, matcher)) {
      const evidence = p.evidence[0]!;
      if (cited.get(evidence.source)?.some((q) => overlapsQuote(q, evidence.quote))) continue;
      const kept = decided.get(proposalKey(p));
      if (kept) {
        ids.add(kept.id);
        proposals.push(kept);
        continue;
      }
      p.id = uniqueId(p.id, ids);
      proposals.push(p);
    }
  }
  return { about: REVIEW_ABOUT, proposals, candidates: candidates(folder.sources, matcher) };
}

function proposalKey(p: Proposal): string {
  const e = p.evidence[0];
  return e ? `${e.source}\u0000${e.quote}` : '';
}

function citedQuotes(events: CorpusEvent[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of events) for (const ev of e.evidence ?? []) out.set(ev.source, [...(out.get(ev.source) ?? []), foldString(ev.quote)]);
  return out;
}

function overlapsQuote(foldedCited: string, quote: string): boolean {
  const q = foldString(quote);
  return foldedCited.includes(q) || q.includes(foldedCited);
}

function uniqueId(base: string, ids: Set<string>): string {
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** The proposals of one source, in text order. */
export function proposeFrom(s: PackSource, matcher: Matcher): Proposal[] {
  const view = new SourceView(s.text, s.source.published);
  const mentions = detect(s.text, matcher);
  const out: Proposal[] = [];
  for (const sentence of sentences(s.text)) {
    const dates = view.datesIn(sentence);
    const named = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end);
    if (dates.length === 0 || named.length === 0) continue;
    // «اليوم الأربعاء (26 آذار 2025)»: the date as written beats the weekday read against the publication date.
    const date = dates.find((d) => !d.relative) ?? dates[0]!;
    const quote = clip(s.text, sentence, date, named);
    const topics = [...new Set(named.map((m) => m.topic))];
    const status = guessStatus(quote, date, s.source.published);
    out.push({
      decision: 'pending',
      id: `${s.source.id}-${date.date}`,
      date: date.date,
      datePrecision: date.precision,
      dateBasis: date.relative ? 'inferred' : 'stated',
      status: status.status,
      title: { ar: '', en: '' },
      summary: { ar: '', en: '' },
      topics,
      evidence: [{ source: s.source.id, quote }],
      why: {
        date: date.relative
          ? `«${s.text.slice(date.start, date.end)}» read against the source's publication date ${s.source.published}`
          : `«${s.text.slice(date.start, date.end)}» as written`,
        status: status.why,
        topics: named.map((m) => `«${m.text}» → ${m.topic}`).join('، '),
      },
    });
  }
  return out;
}

/** Sentences of the text as spans, ends trimmed of spaces: cut at . ! ? ؟ … and line breaks. */
export function sentences(text: string): Span[] {
  const out: Span[] = [];
  const cut = /[.!?؟…]+(?=\s|$)|\n+/g;
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ start, end });
  };
  for (let m = cut.exec(text); m; m = cut.exec(text)) {
    push(from, m[0].startsWith('\n') ? m.index : m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(from, text.length);
  return out;
}

/** The sentence, or when it is too long the clauses (cut at ، ؛ ,) around its date and names. */
function clip(text: string, sentence: Span, date: DateMention, named: Mention[]): string {
  if (sentence.end - sentence.start <= MAX_QUOTE) return text.slice(sentence.start, sentence.end);
  const near = named.reduce((best, m) => (Math.abs(m.start - date.start) < Math.abs(best.start - date.start) ? m : best));
  const lo = Math.min(date.start, near.start);
  const hi = Math.max(date.end, near.end);
  let start = sentence.start;
  for (let k = lo; k > sentence.start; k--) {
    if (/[،؛,;]/.test(text[k - 1]!) && hi - k <= MAX_QUOTE) {
      start = k;
      break;
    }
  }
  let end = sentence.end;
  for (let k = hi; k < sentence.end; k++) {
    if (/[،؛,;]/.test(text[k]!)) {
      end = k;
      break;
    }
  }
  if (end - start > MAX_QUOTE) {
    start = Math.max(start, hi - MAX_QUOTE);
    end = Math.min(end, start + MAX_QUOTE);
  }
  return text.slice(start, end).trim();
}

const REPORTING =
  /(?:^| )[وف]?(?:قال|قالت|اعلن|اعلنت|اكد|اكدت|ذكر|ذكرت|افاد|افادت|صرح|صرحت|اوضح|اوضحت|كشف|كشفت|اشار|اشارت|نقلت|نقل|بحسب|وفق|حسب)(?= |$)/u;
const FUTURE = /(?:^| )[وف]?(?:سوف|من المقرر|من المتوقع|يعتزم|تعتزم|بحلول|المقبل|المقبله|القادم|القادمه)(?= |$)/u;

function guessStatus(quote: string, date: DateMention, published: string | null): { status: EventStatus; why: string } {
  if (published && whollyAfter(date.date, published))
    return { status: 'planned', why: `the date is after the source was published (${published})` };
  const folded = foldString(quote);
  const future = FUTURE.exec(folded);
  if (future) return { status: 'planned', why: `a word of the future: «${future[0].trim()}»` };
  const reported = REPORTING.exec(folded);
  if (reported) return { status: 'reported', why: `a word of reporting: «${reported[0].trim()}»` };
  return { status: 'happened', why: 'a past date with no word of reporting or of the future' };
}

/* Candidates: names the sources repeat that no topic covers. */

const STOPWORDS = new Set(
  (
    'في من الي علي عن ان او و ما لا لم لن قد ثم حتي بعد قبل عند كما بين خلال حول منذ مع هذا هذه ذلك تلك التي الذي الذين ' +
    'كان كانت يكون تكون هو هي هم انه انها الا اذا اي كل بعض غير ضد لدي نحو عبر اليوم امس ايضا وفي ومن وقال قال قالت وان بان ' +
    'لان وقد فقد عام العام سنه شهر يوم الاسبوع الماضي المقبل الحالي الجاري اجل اطار عدد عده'
  ).split(' '),
);
/** Latin words of dates and times, not names. */
const LATIN_CALENDAR =
  /^(?:GMT|UTC|AM|PM|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/i;
/** A month name (of any system, folded) as one of the words: a date's words, not a name. */
const MONTH_WORD = new RegExp(`(?:^|[ /])(?:${GREGORIAN_MONTHS.pattern}|${HIJRI_MONTHS.pattern})(?=[ /]|$)`, 'u');
/** «المتحدة والعراق»: a conjunction joins two names; it does not make one. */
const JOINED = /(?:^| )وال/;
const MIN_COUNT = { latin: 2, arabic: 3 };
const MAX_CANDIDATES = 40;

export function candidates(sources: PackSource[], matcher: Matcher): Review['candidates'] {
  const latin = new Map<string, Candidate>();
  const arabic = new Map<string, Candidate>();
  const count = (into: Map<string, Candidate>, key: string, name: string, source: string) => {
    const c = into.get(key) ?? { name, count: 0, sources: [] };
    c.count++;
    if (!c.sources.includes(source)) c.sources.push(source);
    into.set(key, c);
  };
  for (const s of sources) {
    const id = s.source.id;
    for (const m of s.text.matchAll(
      /(?<![\p{L}\p{N}])[A-Z][\p{L}'’.-]*[\p{L}](?:\s+(?:(?:al|el|bin|de|van|von)[- ])?[A-Z][\p{L}'’.-]*[\p{L}])*/gu,
    )) {
      if (!LATIN_CALENDAR.test(m[0])) count(latin, m[0].toLowerCase(), m[0], id);
    }
    const view = new SourceView(s.text, null);
    const { text: f, map } = view.folded;
    const words = [...f.matchAll(/[\u0621-\u064A]{2,}/gu)];
    for (let i = 0; i < words.length; i++) {
      for (const n of [2, 3]) {
        const run = words.slice(i, i + n);
        if (run.length < n) break;
        // Words of one phrase: nothing but a space between them.
        if (run.some((w, k) => k > 0 && w.index !== run[k - 1]!.index + run[k - 1]![0].length + 1)) break;
        if (STOPWORDS.has(run[0]![0]) || STOPWORDS.has(run[n - 1]![0])) continue;
        const start = run[0]!.index;
        const end = run[n - 1]!.index + run[n - 1]![0].length;
        const phrase = f.slice(start, end);
        if (!MONTH_WORD.test(phrase) && !JOINED.test(phrase)) count(arabic, phrase, s.text.slice(map[start], map[end]), id);
      }
    }
  }
  // Known: an alias stands in it (rules aside), or it is part of an alias («محمد شياع» of «محمد شياع السوداني»).
  const bare = compileMatcher(
    matcher.topicIds.map((id, i) => ({ id, aliases: matcher.aliases.filter((a) => a.topic === i).map((a) => a.alias) })),
  );
  const folded = matcher.aliases.map((a) => ` ${a.folded} `);
  const known = (name: string) => detect(name, bare).length > 0 || folded.some((a) => a.includes(` ${foldString(name)} `));
  const pick = (all: Map<string, Candidate>, min: number): Candidate[] => {
    const kept = [...all.entries()].filter(([, c]) => c.count >= min && !known(c.name));
    // A phrase inside a longer one seen as often is that longer name, cut short.
    const keys = kept.map(([k]) => k);
    return kept
      .filter(([k, c]) => !keys.some((o) => o !== k && o.includes(k) && all.get(o)!.count >= c.count))
      .map(([, c]) => c)
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, MAX_CANDIDATES);
  };
  return { latin: pick(latin, MIN_COUNT.latin), arabic: pick(arabic, MIN_COUNT.arabic) };
}

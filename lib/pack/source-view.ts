/**
 * One source's text as the pack tools look at it: folded with the detector's
 * normalisation (lib/arabic/normalize.ts) to find quotes whatever their
 * diacritics, hamza forms or spaces, and its dates read by lib/dates against
 * the source's own publication date. Each is worked out once per source.
 */
import { type Folded, fold, foldString, sourceEnd } from '../arabic/normalize';
import { type DateMention, findArabicDates } from '../dates/find';

export interface Span {
  start: number;
  end: number;
}

export interface Passage extends Span {
  text: string;
  /** 0–1: the share of the quote's letter pairs the passage holds. */
  similarity: number;
}

export class SourceView {
  private foldedText?: Folded;
  private dateList?: DateMention[];

  constructor(
    readonly text: string,
    readonly published: string | null,
  ) {}

  get folded(): Folded {
    return (this.foldedText ??= fold(this.text));
  }

  /** Every date in the text; relative ones resolved against the publication date. */
  get dates(): DateMention[] {
    return (this.dateList ??= findArabicDates(this.text, this.published));
  }

  datesIn(span: Span): DateMention[] {
    return this.dates.filter((d) => d.start >= span.start && d.end <= span.end);
  }

  /** Where `quote` stands in the text: verbatim, or else after normalisation; null when it does not. */
  locate(quote: string): Span | null {
    const exact = this.text.indexOf(quote);
    if (exact >= 0) return { start: exact, end: exact + quote.length };
    const q = foldString(quote).trim();
    if (q === '') return null;
    const at = this.folded.text.indexOf(q);
    return at < 0 ? null : this.sourceSpan(at, at + q.length);
  }

  /**
   * The passage most like `quote` (same length, starting at a word): what the
   * author probably meant to copy, so a report can show what changed.
   */
  nearest(quote: string): Passage | null {
    const q = foldString(quote).trim();
    const f = this.folded.text;
    if (q.length < 2 || f.length < 2) return null;
    const want = bigrams(q);
    const total = q.length - 1;
    let best = { at: -1, score: -1 };
    for (let at = 0; at < f.length; at++) {
      if (at > 0 && f[at - 1] !== ' ') continue;
      const have = new Map(want);
      let shared = 0;
      const end = Math.min(f.length, at + q.length);
      for (let k = at; k + 1 < end; k++) {
        const pair = f.slice(k, k + 2);
        const left = have.get(pair) ?? 0;
        if (left > 0) {
          shared++;
          have.set(pair, left - 1);
        }
      }
      if (shared > best.score) best = { at, score: shared };
    }
    if (best.at < 0) return null;
    const span = this.sourceSpan(best.at, Math.min(f.length, best.at + q.length));
    const text = this.text.slice(span.start, span.end);
    const lead = text.length - text.trimStart().length;
    const trimmed = text.trim();
    return { start: span.start + lead, end: span.start + lead + trimmed.length, text: trimmed, similarity: best.score / total };
  }

  private sourceSpan(foldedStart: number, foldedEnd: number): Span {
    const map = this.folded.map;
    return { start: map[foldedStart]!, end: sourceEnd(this.text, (k) => map[k]!, foldedEnd) };
  }
}

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k + 1 < s.length; k++) {
    const pair = s.slice(k, k + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/**
 * Scoring for `npm run eval` and its --wild mode: precision and recall of the
 * detector on labelled texts, at the (text, topic) and the mention level.
 */
import { type Matcher, detect } from '../lib/detect/detect';

export const TARGET_P = 0.98;
export const TARGET_R = 0.95;

export interface Labelled {
  name: string;
  text: string;
  expected: { topic: string; text: string }[];
  /** Topics scored for this text; null: every topic. */
  scope: ReadonlySet<string> | null;
}

export class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  get precision(): number {
    return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn);
  }
  add(other: Score): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
  }
  /** `gated`: whether P and R are held to TARGET_P / TARGET_R here (the own fixtures), so a miss is flagged. */
  format(gated: boolean): string {
    const ok = !gated || meetsTarget(this) ? '' : '  (below target)';
    return `P ${this.precision.toFixed(3)}  R ${this.recall.toFixed(3)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})${ok}`;
  }
}

export interface Result {
  topics: Score;
  mentions: Score;
  problems: string[];
}

export function evaluate(items: Labelled[], matcher: Matcher): Result {
  const result: Result = { topics: new Score(), mentions: new Score(), problems: [] };
  for (const item of items) {
    const inScope = (topic: string): boolean => item.scope === null || item.scope.has(topic);
    const found = detect(item.text, matcher).filter((m) => inScope(m.topic));
    const expected = item.expected.filter((e) => inScope(e.topic));

    const want = new Set(expected.map((e) => e.topic));
    const got = new Set(found.map((m) => m.topic));
    for (const t of want) if (got.has(t)) result.topics.tp++;
    for (const t of want) if (!got.has(t)) result.topics.fn++;
    for (const t of got) if (!want.has(t)) result.topics.fp++;

    const unmatched = [...found];
    for (const e of expected) {
      const k = unmatched.findIndex((m) => m.topic === e.topic && (m.text.includes(e.text) || e.text.includes(m.text)));
      if (k >= 0) {
        unmatched.splice(k, 1);
        result.mentions.tp++;
      } else {
        result.mentions.fn++;
        result.problems.push(`miss   ${item.name}: ${e.topic} «${e.text}»${excerpt(item)}`);
      }
    }
    for (const m of unmatched) {
      result.mentions.fp++;
      result.problems.push(`extra  ${item.name}: ${m.topic} «${m.text}» (alias ${m.alias})${excerpt(item, m.start)}`);
    }
  }
  return result;
}

function excerpt(item: Labelled, at = -1): string {
  if (item.text.length <= 160) return `  — ${item.text}`;
  if (at < 0) return '';
  return `  — …${item.text.slice(Math.max(0, at - 60), at + 60).replace(/\s+/g, ' ')}…`;
}

export function meetsTarget(s: Score): boolean {
  return s.precision >= TARGET_P && s.recall >= TARGET_R;
}

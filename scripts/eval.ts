/**
 * `npm run eval`: precision and recall of the detector with the real corpus
 * (data/corpus.json) on labelled text, at two levels:
 *   - (text, topic): does the detector find the topic in the sentence or page?
 *   - mention: each labelled mention, matched in order to a detected mention of
 *     the same topic whose text holds it or is held by it (the label may name
 *     «عين الأسد» where a longer alias marks «قاعدة عين الأسد»).
 *
 * Each text is scored only for the topics its labels cover: the topics
 * sentences.json lists (the 19 required ones), a fixture page's
 * `labeledTopics`; mentions of other corpus topics (إيران، أربيل…) there are
 * neither hits nor misses.
 * Targets: P ≥ 0.98 and R ≥ 0.95 at both levels. Misses and false hits are
 * listed so that each can be traced to the detector or to the corpus.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusPack } from '../lib/corpus/types';
import { type Matcher, compileMatcher, detect } from '../lib/detect/detect';
import { articleRoot } from '../lib/detect/article';
import { pageText, readBlocks } from '../lib/detect/page-text';
import * as pages from '../test/fixtures/pages';
import { REPO_ROOT } from '../test/seeds';

interface Labelled {
  name: string;
  text: string;
  expected: { topic: string; text: string }[];
  /** Topics scored for this text; null: every topic. */
  scope: ReadonlySet<string> | null;
}

interface FixturePage {
  name: string;
  html: string;
  expected: { topic: string; text: string }[];
  /** The topics the page's labels cover (all of them when absent). */
  labeledTopics?: readonly string[];
}

class Score {
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
  toString(): string {
    const ok = this.precision >= 0.98 && this.recall >= 0.95 ? '' : '  (below target)';
    return `P ${this.precision.toFixed(3)}  R ${this.recall.toFixed(3)}  (tp ${this.tp}, fp ${this.fp}, fn ${this.fn})${ok}`;
  }
}

interface Result {
  topics: Score;
  mentions: Score;
  problems: string[];
}

function evaluate(items: Labelled[], matcher: Matcher): Result {
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

function sentences(): Labelled[] {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sentences.json'), 'utf8')) as {
    topics: string[];
    sentences: { text: string; expected: { topic: string; text: string }[] }[];
  };
  const scope = new Set(file.topics);
  return file.sentences.map((s, i) => ({ name: `sentence ${i + 1}`, text: s.text, expected: s.expected, scope }));
}

/** The fixture pages, read as the content script reads them; null while that fixture does not exist. */
async function fixturePages(): Promise<Labelled[] | null> {
  const build = (pages as { fixturePages?: () => FixturePage[] | Promise<FixturePage[]> }).fixturePages;
  if (typeof build !== 'function') return null;
  return (await build()).map((p) => {
    const doc = pages.parseDocument(p.html);
    const scope = p.labeledTopics ? new Set(p.labeledTopics) : null;
    return { name: `page ${p.name}`, text: pageText(readBlocks(articleRoot(doc))).text, expected: p.expected, scope };
  });
}

function report(label: string, r: Result): void {
  console.log(`${label}\n  (text, topic)  ${r.topics}\n  mentions       ${r.mentions}`);
}

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
const matcher = compileMatcher(pack.topics);
console.log(`corpus: ${pack.topics.length} topics, ${pack.topics.reduce((n, t) => n + t.aliases.length, 0)} aliases`);

const s = evaluate(sentences(), matcher);
report(`\nsentences (${sentences().length}, labelled for the 19 required topics)`, s);
const labelledPages = await fixturePages();
const all: Result = { topics: new Score(), mentions: new Score(), problems: [...s.problems] };
all.topics.add(s.topics);
all.mentions.add(s.mentions);
if (labelledPages === null) {
  console.log('\npages: test/fixtures/pages.ts has no fixturePages() yet, so no pages were scored');
} else {
  const p = evaluate(labelledPages, matcher);
  report(`\npages (${labelledPages.length})`, p);
  all.topics.add(p.topics);
  all.mentions.add(p.mentions);
  all.problems.push(...p.problems);
  report('\nall', all);
}
if (all.problems.length > 0) console.log(`\n${all.problems.join('\n')}`);

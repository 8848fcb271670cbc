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
 * Targets: P ≥ 0.98 and R ≥ 0.95 at both levels, for the sentences, the pages
 * and both together; under any of them the command exits 1. Misses and false
 * hits are listed so that each can be traced to the detector or to the corpus.
 *
 * `npm run eval -- --wild`: the same detector on real news the rules were not
 * written from (scripts/wild-eval.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusPack } from '../lib/corpus/types';
import { compileMatcher } from '../lib/detect/detect';
import { articleRoot } from '../lib/reading/article';
import { pageText, readBlocks } from '../lib/reading/page-text';
import * as pages from '../test/fixtures/pages';
import { REPO_ROOT } from '../test/seeds';
import { type Labelled, type Result, Score, TARGET_P, TARGET_R, evaluate, meetsTarget } from './eval-score';
import { runWild } from './wild-eval';

function sentences(): Labelled[] {
  const file = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'sentences.json'), 'utf8')) as {
    topics: string[];
    sentences: { text: string; expected: { topic: string; text: string }[] }[];
  };
  const scope = new Set(file.topics);
  return file.sentences.map((s, i) => ({ name: `sentence ${i + 1}`, text: s.text, expected: s.expected, scope }));
}

/** The fixture pages, read as the content script reads them. */
function fixturePages(): Labelled[] {
  return pages.fixturePages().map((p) => {
    const doc = pages.parseDocument(p.html);
    const scope = p.labeledTopics ? new Set(p.labeledTopics) : null;
    return { name: `page ${p.name}`, text: pageText(readBlocks(articleRoot(doc))).text, expected: p.expected, scope };
  });
}

function report(label: string, r: Result): void {
  console.log(`${label}\n  (text, topic)  ${r.topics.format(true)}\n  mentions       ${r.mentions.format(true)}`);
}

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
const matcher = compileMatcher(pack.topics);
console.log(`corpus: ${pack.topics.length} topics, ${pack.topics.reduce((n, t) => n + t.aliases.length, 0)} aliases`);

if (process.argv.includes('--wild')) {
  process.exitCode = runWild(matcher) ? 0 : 1;
} else {
  const labelledSentences = sentences();
  const s = evaluate(labelledSentences, matcher);
  report(`\nsentences (${labelledSentences.length}, labelled for the 19 required topics)`, s);
  const labelledPages = fixturePages();
  const p = evaluate(labelledPages, matcher);
  report(`\npages (${labelledPages.length})`, p);
  const all: Result = { topics: new Score(), mentions: new Score(), problems: [...s.problems, ...p.problems] };
  for (const r of [s, p]) {
    all.topics.add(r.topics);
    all.mentions.add(r.mentions);
  }
  report('\nall', all);
  if (all.problems.length > 0) console.log(`\n${all.problems.join('\n')}`);
  const ok = [s, p, all].every((r) => meetsTarget(r.topics) && meetsTarget(r.mentions));
  if (!ok) console.error(`\neval: below target (P ≥ ${TARGET_P}, R ≥ ${TARGET_R} at every level)`);
  process.exitCode = ok ? 0 : 1;
}

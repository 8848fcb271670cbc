/**
 * The largest pack the schema lets a reader import (lib/corpus/schema.ts
 * LIMITS), built to cost the matcher the most: the most aliases, each as
 * long as allowed, as many with spelling variants as the variant budget
 * lets through, and rules with the widest cue window. Prints what it
 * costs the background (Node, fake-indexeddb):
 *
 * - compile: the matcher for the bundled corpus and this pack together, as the
 *   background builds it once per set of pack versions (lib/background/matcher-set.ts);
 * - first marks: a cold background (nothing compiled) answering the first
 *   64 KB batch a page sends, compile included: how long the first page after
 *   an import waits for its marks;
 * - each later batch, once compiled.
 *
 * Figures only; the compile budget an import must meet is COMPILE_BUDGET_MS.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LIMITS } from '../../lib/corpus/schema';
import { random } from '../fixtures/synthetic-pack';
import type { CorpusPack, Topic } from '../../lib/corpus/types';
import { validatePack } from '../../lib/corpus/validate';
import { spellingEdits, variantSteps } from '../../lib/detect/variants';
import { importPack, openDb, seedBundled } from '../../lib/db';
import type { Sender } from '../../lib/background/handlers';
import { COMPILE_BUDGET_MS, MatcherSets } from '../../lib/background/matcher-set';
import type { FoundMention } from '../../lib/messages';
import { REPO_ROOT, readSeed, seedFiles } from '../seeds';

const CONSONANTS = [...'بتثجحخدذرزسشصضطظعغفقكلمنه'];
const WORD_LETTERS = 15;
const WORDS = 4;

/**
 * The largest pack the limits let through, at its costliest: the most aliases,
 * each 63 characters in four words; as many of them foreign-looking (spelling
 * variants) as the variant budget allows, the rest with the article.
 */
export function largestPack(): CorpusPack {
  const next = random(7);
  const word = () => Array.from({ length: WORD_LETTERS }, () => CONSONANTS[Math.floor(next() * CONSONANTS.length)]!).join('');
  let steps = 0;
  const alias = () => {
    const plain = Array.from({ length: WORDS }, word).join(' ');
    const cost = variantSteps(plain, spellingEdits(plain));
    if (steps + cost <= LIMITS.variantSteps) {
      steps += cost;
      return plain;
    }
    return `ال${plain.slice(2)}`;
  };
  const aliasesPerTopic = 2;
  const topicCount = Math.min(LIMITS.topics, Math.floor(LIMITS.aliasesPerPack / aliasesPerTopic));
  const cues = Array.from({ length: LIMITS.phrasesPerRule }, () => word().slice(0, 6));
  const topics: Topic[] = Array.from({ length: topicCount }, (_, i) => {
    const aliases = [alias(), alias()];
    const topic: Topic = {
      id: `t${i}`,
      kind: 'person',
      label: { ar: aliases[0]!, en: `Topic ${i}` },
      aliases,
      description: { ar: 'وصف', en: 'description' },
    };
    if (i % 20 === 0) topic.rules = [{ alias: aliases[1]!, requireCue: cues, window: LIMITS.ruleWindow }];
    return topic;
  });
  return {
    format: 'siyaq-corpus',
    version: 1,
    id: 'largest-valid',
    title: { ar: 'أكبر مكتبة مقبولة', en: 'The largest valid pack' },
    sources: [{ id: 'lv-src', file: 'x.txt', outlet: 'x', title: 'x', published: null, publishedBasis: 'x' }],
    topics,
    events: topics.slice(0, 1000).map((t, i) => ({
      id: `lv-e${i}`,
      date: '2024',
      datePrecision: 'year' as const,
      dateBasis: 'stated' as const,
      status: 'happened' as const,
      title: { ar: 'حدث', en: 'event' },
      summary: { ar: 'ملخص', en: 'summary' },
      topics: [t.id],
      evidence: [{ source: 'lv-src', quote: 'x' }],
    })),
  };
}

/** 64 KB of real Arabic (the seeds), with a few of the pack's aliases in it: one batch as the content script sends it. */
function batch(pack: CorpusPack): string {
  let text = '';
  for (const file of seedFiles()) text += readSeed(file) + '\n';
  while (text.length < 64 * 1024) text += text;
  const names = pack.topics.slice(0, 40).map((t) => t.aliases[0]!);
  const words = text.slice(0, 64 * 1024).split(' ');
  names.forEach((name, i) => words.splice(Math.floor(((i + 1) * words.length) / (names.length + 1)), 0, name));
  return words.join(' ').slice(0, 64 * 1024);
}

const ms = (t: number) => `${t.toFixed(t < 10 ? 1 : 0)} ms`.padStart(10);

export async function run(): Promise<void> {
  // The background reads the extension APIs (sender checks, settings): outside a browser, WXT's in-memory one.
  (globalThis as { chrome?: unknown }).chrome ??= fakeBrowser;
  const { Background } = await import('../../lib/background/handlers');
  const pack = largestPack();
  const json = JSON.stringify(pack);
  const aliases = pack.topics.reduce((n, t) => n + t.aliases.length, 0);
  console.log(
    `largest valid pack: ${pack.topics.length.toLocaleString('en')} topics, ${aliases.toLocaleString('en')} aliases of ${pack.topics[0]!.aliases[0]!.length} characters (${WORDS} words), ${(json.length / 1024 / 1024).toFixed(1)} MB`,
  );
  let t = performance.now();
  const checked = validatePack(json);
  if (!checked.ok) throw new Error(`the bench pack is not valid: ${checked.errors.slice(0, 3).join('; ')}`);
  console.log(`  validate                        ${ms(performance.now() - t)}`);

  const db = await openDb(`bench-limits-${Date.now()}`);
  const bundled = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
  await seedBundled(db, bundled);
  const imported = await importPack(db, json);
  if (!imported.ok) throw new Error(imported.errors.join('\n'));

  const text = batch(pack);
  const sender: Sender = {
    id: fakeBrowser.runtime.id,
    url: 'https://www.aljazeera.net/x',
    tab: { id: 1, url: 'https://www.aljazeera.net/x' },
  };
  const runs = 3;
  const compiles: number[] = [];
  const firsts: number[] = [];
  let skipped = 0;
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const matchers = new MatcherSets();
    t = performance.now();
    const set = await matchers.get(db, true);
    compiles.push(performance.now() - t);
    skipped = set.skipped.length;

    const cold = new Background(async () => db);
    t = performance.now();
    const answer = (await cold.handle({ type: 'detect', id: `first-${i}`, text, known: [] }, sender)) as FoundMention[];
    firsts.push(performance.now() - t);
    found = answer.length;
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `  compile (bundled + this pack)   ${ms(median(compiles))}   median of ${runs}; an import compiles alone first, budget ${COMPILE_BUDGET_MS} ms; left out: ${skipped}`,
  );
  console.log(`  first marks (cold, 64 KB batch) ${ms(median(firsts))}   median of ${runs}; ${found} mentions`);

  const warm = new Background(async () => db);
  await warm.matcherSet();
  const later: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await warm.handle({ type: 'detect', id: `warm-${i}`, text, known: [] }, sender);
    later.push(performance.now() - t);
  }
  console.log(`  each later 64 KB batch          ${ms(median(later))}   median of 5`);
  db.close();
}

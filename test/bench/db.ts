/**
 * Database figures against DESIGN.md's budgets (seeding the bundled corpus
 * ≤ 300 ms, a 10,000-topic pack ≤ 3 s; a card's data well inside the 50 ms
 * from dwell to paint): validation, seeding into a fresh database, the
 * start-up check when nothing changed, matcherTopics and cardFor, for the
 * bundled corpus and a synthetic 10,000-topic, 50,000-event pack.
 *
 * Taken twice, by the same code (./db-figures/measure.ts): in Node on
 * fake-indexeddb, an in-memory IndexedDB written in JavaScript whose writes are
 * much slower than a browser's; and in headless Chromium on its real, on-disk
 * IndexedDB (skipped when /usr/bin/chromium is missing). The budgets are for
 * the browser. Medians; figures only.
 */
import 'fake-indexeddb/auto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { CorpusPack } from '../../lib/corpus/types';
import { REPO_ROOT } from '../seeds';
import { CHROMIUM_FLAGS, CHROMIUM_PATH as CHROMIUM } from '../e2e/helpers/paths';
import { bigPack, measure, type Figures } from './db-figures/measure';

const BUNDLED_RUNS = 7;
const BIG_RUNS = 3;

function ms(t: number): string {
  return t < 1 ? `${(t * 1000).toFixed(0)} µs` : `${t.toFixed(t < 10 ? 2 : 0)} ms`;
}

function print(label: string, f: Figures, seedBudget: string): void {
  console.log(`${label}: ${f.topics.toLocaleString('en')} topics, ${f.events.toLocaleString('en')} events`);
  const row = (name: string, t: number, note = '') => console.log(`  ${name.padEnd(34)}${ms(t).padStart(10)}   ${note}`);
  row('validate', f.validate);
  row('seed (validate + write, fresh db)', f.seed, `budget ${seedBudget}; median of ${f.runs}`);
  row('start-up check, nothing changed', f.unchanged);
  row('matcherTopics', f.matcher);
  row('cardFor (topic → card data)', f.card, `median of ${f.cards} topics`);
}

function bundledPack(): CorpusPack {
  return JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
}

async function inChromium(bundled: CorpusPack): Promise<void> {
  const script = await build({
    stdin: {
      contents: `import { measure, bigPack } from './test/bench/db-figures/measure'; globalThis.siyaqDbBench = { measure, bigPack };`,
      resolveDir: REPO_ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'es2022',
    charset: 'ascii',
    write: false,
  });
  // A persistent profile, so IndexedDB is on disk as in a real install (a private context keeps it in memory).
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-db-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
  });
  try {
    const page = await context.newPage();
    await page.route('https://siyaq-bench.example/**', (route) =>
      route.fulfill({ body: '<!doctype html><meta charset="utf-8"><title>bench</title>', contentType: 'text/html; charset=utf-8' }),
    );
    await page.goto('https://siyaq-bench.example/');
    await page.addScriptTag({ content: script.outputFiles[0]!.text });
    const api = 'globalThis.siyaqDbBench';
    const small = (await page.evaluate(`${api}.measure(${JSON.stringify(bundled)}, ${BUNDLED_RUNS})`)) as Figures;
    print('bundled corpus', small, '≤ 300 ms');
    const big = (await page.evaluate(`${api}.measure(${api}.bigPack(), ${BIG_RUNS})`)) as Figures;
    print('synthetic pack', big, '≤ 3 s');
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  const bundled = bundledPack();
  console.log("-- Node, fake-indexeddb (in-memory IndexedDB in JavaScript; writes far slower than a browser's)");
  print('bundled corpus', await measure(bundled, BUNDLED_RUNS), '≤ 300 ms');
  print('synthetic pack', await measure(bigPack(), BIG_RUNS), '≤ 3 s');
  console.log('\n-- headless Chromium, on-disk IndexedDB');
  if (!existsSync(CHROMIUM)) console.log(`(not measured: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`);
  else await inChromium(bundled);
}

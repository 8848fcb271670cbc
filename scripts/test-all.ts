/**
 * `npm test`: every check, in order, stopping at the first failure.
 *
 *   1. types          tsc --noEmit
 *      lint           eslint . (type-aware; the content script's import boundary)
 *      format         prettier --check .
 *   2. unit           vitest run (unit + component tests)
 *   3. eval           npm run eval (the detector against its labelled pages)
 *   4. build          both production extensions (Chrome, Firefox MV3)
 *   5. lint:firefox   web-ext lint on the Firefox build: 0 errors
 *   6. e2e            the built extensions in real Chromium and Firefox ESR
 *
 * Prints how long each stage took and, last, one line "N passed, N failed"
 * counting the tests of the vitest stages (a failing stage that is not a test
 * runner counts as one failed).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(import.meta.url), '..', '..');
const BIN = join(ROOT, 'node_modules', '.bin');
const reports = mkdtempSync(join(tmpdir(), 'siyaq-test-'));

interface Stage {
  name: string;
  command: string[];
  /** Where vitest writes its JSON report, for the pass/fail counts. */
  report?: string;
  env?: Record<string, string>;
  /** Runs just before the command. */
  before?: () => void;
}

const vitest = (name: string, args: string[]): Stage => {
  const report = join(reports, `${name}.json`);
  return {
    name,
    command: [join(BIN, 'vitest'), 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
    report,
  };
};

const stages: Stage[] = [
  { name: 'types', command: [join(BIN, 'tsc'), '--noEmit'] },
  { name: 'lint', command: [join(BIN, 'eslint'), '.'] },
  { name: 'format', command: [join(BIN, 'prettier'), '--check', '.', '--log-level', 'warn'] },
  vitest('unit', []),
  { name: 'eval', command: ['npm', 'run', '--silent', 'eval'] },
  { name: 'build:chrome', command: ['npm', 'run', '--silent', 'build'] },
  { name: 'build:firefox', command: ['npm', 'run', '--silent', 'build:firefox'] },
  { name: 'lint:firefox', command: ['npm', 'run', '--silent', 'lint:firefox'] },
  // The builds above are what the e2e tests drive, copied aside first so that a
  // build started elsewhere in the same tree (which empties .output) cannot
  // change them mid-run; the e2e setup need not build again.
  {
    ...vitest('e2e', ['--config', 'vitest.e2e.config.ts']),
    before: () => {
      for (const dir of ['chrome-mv3', 'firefox-mv3']) cpSync(join(ROOT, '.output', dir), join(reports, dir), { recursive: true });
    },
    env: {
      SIYAQ_E2E_BUILT: '1',
      SIYAQ_E2E_CHROME_BUILD: join(reports, 'chrome-mv3'),
      SIYAQ_E2E_FIREFOX_BUILD: join(reports, 'firefox-mv3'),
    },
  },
];

const total = Date.now();
let passed = 0;
let failed = 0;
const timings: string[] = [];

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { status: string; assertionResults: { status: string }[] }[];
}

function countTests(report: string): void {
  if (!existsSync(report)) return;
  const json = JSON.parse(readFileSync(report, 'utf8')) as VitestReport;
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file whose setup failed reports its tests as skipped: they did not pass, so count them as failed.
  for (const file of json.testResults) {
    if (file.status === 'failed' && !file.assertionResults.some((t) => t.status === 'failed')) {
      failed += file.assertionResults.filter((t) => t.status !== 'passed').length;
    }
  }
}

function finish(code: number): never {
  rmSync(reports, { recursive: true, force: true });
  timings.push(`${'total'.padEnd(14)} ${((Date.now() - total) / 1000).toFixed(1).padStart(6)} s`);
  console.log('\nStage timings:');
  for (const line of timings) console.log(`  ${line}`);
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

for (const stage of stages) {
  console.log(`\n▶ ${stage.name}: ${stage.command.map((c) => c.replace(`${BIN}/`, '')).join(' ')}`);
  const started = Date.now();
  const [cmd, ...args] = stage.command as [string, ...string[]];
  let run: { status: number | null; signal?: NodeJS.Signals | null; error?: Error };
  try {
    stage.before?.();
    run = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...stage.env } });
  } catch (e) {
    run = { status: null, error: e instanceof Error ? e : new Error(String(e)) };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${stage.name.padEnd(14)} ${seconds.padStart(6)} s`);
  const failedBefore = failed;
  if (stage.report) countTests(stage.report);
  if (run.status !== 0) {
    // A runner that failed before any test did (setup, a missing browser) still counts as one failure.
    if (failed === failedBefore) failed += 1;
    const how = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    const later = stages.slice(stages.indexOf(stage) + 1).map((s) => s.name);
    console.error(
      `\n✖ npm test stopped: stage "${stage.name}" failed (${how}) after ${seconds} s.` +
        (later.length > 0 ? ` Not run: ${later.join(', ')}.` : ''),
    );
    finish(1);
  }
  console.log(`✔ ${stage.name} (${seconds} s)`);
}
finish(0);

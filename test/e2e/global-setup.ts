/**
 * Runs once before the e2e suite: checks that both browsers are installed and
 * builds both production extensions, so the tests drive exactly what ships.
 * `npm test` builds just before the e2e stage and sets SIYAQ_E2E_BUILT=1 so the
 * same builds are not made twice.
 */
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../seeds';
import { CHROME_BUILD, FIREFOX_BUILD, requireBrowsers, requireBuild } from './helpers/paths';

function npmRun(script: string): void {
  const started = Date.now();
  try {
    execFileSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`e2e setup: \`npm run ${script}\` failed:\n${err.stdout?.toString() ?? ''}${err.stderr?.toString() ?? ''}`);
  }
  console.log(`e2e setup: npm run ${script} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

export default function setup(): void {
  requireBrowsers();
  if (process.env.SIYAQ_E2E_BUILT !== '1') {
    npmRun('build');
    npmRun('build:firefox');
  }
  requireBuild(CHROME_BUILD, 'npm run build');
  requireBuild(FIREFOX_BUILD, 'npm run build:firefox');
}

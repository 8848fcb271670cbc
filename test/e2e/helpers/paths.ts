/**
 * Where the e2e tests find the browsers and the built extensions. The browsers
 * are Debian's (CI installs them in .ci/run); a missing one is an error that
 * says how to install it, never a skipped test.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../seeds';

export const CHROMIUM_PATH = process.env.SIYAQ_CHROMIUM ?? '/usr/bin/chromium';

/**
 * TOOLCHAIN.md's flags for a headless Chromium with no network of its own:
 * without the background-networking ones, its connections are refused by this
 * machine's closed network many at a time. Tests and benchmarks share them.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
export const FIREFOX_PATH = process.env.SIYAQ_FIREFOX ?? '/usr/bin/firefox-esr';

// SIYAQ_E2E_CHROME_BUILD / SIYAQ_E2E_FIREFOX_BUILD may name copies of the
// builds, so that a `wxt build` started elsewhere in the same tree (which
// empties .output first) cannot pull an extension out from under a test.
export const CHROME_BUILD = process.env.SIYAQ_E2E_CHROME_BUILD ?? join(REPO_ROOT, '.output', 'chrome-mv3');
export const FIREFOX_BUILD = process.env.SIYAQ_E2E_FIREFOX_BUILD ?? join(REPO_ROOT, '.output', 'firefox-mv3');

const INSTALL_HINT = 'Install both browsers with: sudo apt-get update && sudo apt-get install -y chromium firefox-esr';

/** Throws a clear, actionable error when a browser the e2e tests need is missing. */
export function requireBrowser(name: 'Chromium' | 'Firefox ESR', path: string, envVar: string): void {
  if (!existsSync(path)) {
    throw new Error(
      `${name} not found at ${path}. The browser tests need it and are never skipped.\n` +
        `${INSTALL_HINT}\n(or point ${envVar} at another binary).`,
    );
  }
}

export function requireBrowsers(): void {
  requireBrowser('Chromium', CHROMIUM_PATH, 'SIYAQ_CHROMIUM');
  requireBrowser('Firefox ESR', FIREFOX_PATH, 'SIYAQ_FIREFOX');
}

export function requireBuild(dir: string, command: string): void {
  if (!existsSync(join(dir, 'manifest.json'))) {
    throw new Error(`No extension build in ${dir}: run \`${command}\` first.`);
  }
}

/** A 1×1 transparent GIF: what the tests serve for any image a page asks for, so no load fails. */
export const BLANK_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

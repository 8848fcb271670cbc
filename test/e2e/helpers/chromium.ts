/**
 * Drives the production Chrome build (.output/chrome-mv3) in Debian's Chromium
 * through playwright-core. Pages are served at real https URLs of listed outlets
 * by context.route, so the manifest's match patterns run exactly as shipped and
 * nothing reaches the network: every other request is aborted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { BLANK_GIF, CHROME_BUILD, CHROMIUM_FLAGS, CHROMIUM_PATH, requireBrowser, requireBuild } from './paths';

export interface ChromiumOptions {
  /** URL (without #hash) → HTML served there. */
  pages: Record<string, string>;
  headless?: boolean;
  extensionDir?: string;
  viewport?: { width: number; height: number };
  /** The browser's UI language, which the extension's own UI follows. Default: Arabic. */
  lang?: string;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface ChromiumSession {
  context: BrowserContext;
  extensionId: string;
  /** Errors the pages logged (console.error and uncaught exceptions), page by page. */
  pageErrors: string[];
  /** Errors the extension's service worker logged (it reports a failed corpus set-up there). */
  backgroundErrors: string[];
  /** Opens a new tab at url. */
  open(url: string): Promise<Page>;
  /** chrome-extension://ID/<path>. */
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export async function launchChromium(opts: ChromiumOptions): Promise<ChromiumSession> {
  const extensionDir = opts.extensionDir ?? CHROME_BUILD;
  requireBrowser('Chromium', CHROMIUM_PATH, 'SIYAQ_CHROMIUM');
  requireBuild(extensionDir, 'npm run build');
  const profile = mkdtempSync(join(tmpdir(), 'siyaq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    viewport: opts.viewport ?? { width: 1280, height: 800 },
    locale: opts.lang ?? 'ar',
    // Chromium on Linux takes its UI language (chrome.i18n.getUILanguage) from LANGUAGE.
    env: { ...process.env, LANGUAGE: opts.lang ?? 'ar' },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...CHROMIUM_FLAGS,
      `--lang=${opts.lang ?? 'ar'}`,
      ...(opts.args ?? []),
    ],
  });
  const close = async (): Promise<void> => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    // Only the web: the extension's own chrome-extension:// files load as usual.
    const web = (url: URL) => url.protocol === 'http:' || url.protocol === 'https:';
    await context.route(web, async (route) => {
      const url = route.request().url().split('#')[0] ?? '';
      const body = opts.pages[url];
      if (body !== undefined) {
        await route.fulfill({ status: 200, body, contentType: 'text/html; charset=utf-8' });
      } else if (route.request().resourceType() === 'image' && !url.endsWith('/favicon.ico')) {
        await route.fulfill({ status: 200, body: BLANK_GIF, contentType: 'image/gif' });
      } else {
        // No network in tests: anything not served here (favicons, stray links) fails fast.
        await route.abort('internetdisconnected');
      }
    });

    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 20_000 }).catch(() => undefined);
    if (!worker) {
      throw new Error(
        `The extension in ${extensionDir} did not start: no service worker appeared in Chromium. ` +
          'Chromium drops an extension silently when its manifest or a script is invalid (e.g. not UTF-8).',
      );
    }
    const extensionId = new URL(worker.url()).host;
    const pageErrors: string[] = [];
    const backgroundErrors: string[] = [];
    const watchWorker = (w: Worker): void => {
      w.on('console', (msg) => {
        if (msg.type() === 'error') backgroundErrors.push(`${w.url()}: console.error: ${msg.text()}`);
      });
    };
    watchWorker(worker);
    // A stopped service worker comes back as a new one.
    context.on('serviceworker', watchWorker);

    const watch = (page: Page): void => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`${page.url()}: console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: uncaught: ${err.message}`));
    };
    context.on('page', watch);
    context.pages().forEach(watch);

    return {
      context,
      extensionId,
      pageErrors,
      backgroundErrors,
      async open(url: string) {
        const page = await context.newPage();
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      extensionUrl: (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/**
 * Drives the production Firefox build (.output/firefox-mv3) in Debian's Firefox
 * ESR through puppeteer-core over WebDriver BiDi (no geckodriver). Pages come
 * from a local HTTP server on 127.0.0.1; the pref network.dns.forceResolve sends
 * every host name there, so http://www.aljazeera.net:PORT/... is a listed
 * outlet's URL to the extension and the manifest's match patterns (which ignore
 * the port) run exactly as shipped, with no network.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { BLANK_GIF, FIREFOX_BUILD, FIREFOX_PATH, requireBrowser, requireBuild } from './paths';

/** The extension's internal UUID, pinned so moz-extension:// URLs are known in advance. */
export const FIREFOX_EXTENSION_UUID = '5a1c0e2b-7d3f-4e6a-9b1c-51a9a0c0ffee';

export interface FirefoxOptions {
  /** Path (with query, without #hash) → HTML served there, whatever the host. */
  pages: Record<string, string>;
  extensionDir?: string;
  /** More Firefox prefs for this session (say, a shorter idle time for the background). */
  prefs?: Record<string, string | number | boolean>;
}

export interface FirefoxSession {
  browser: Browser;
  /** The local server's port: page URLs are http://<any outlet host>:port/<path>. */
  port: number;
  pageErrors: string[];
  /** console.error lines of the extension's pages and background, read from Firefox's stdout. */
  backgroundErrors: string[];
  /** http://host:port/path on the local server, under a real outlet's host name. */
  urlFor(host: string, path: string): string;
  open(url: string): Promise<Page>;
  /** Opens moz-extension://UUID/<path> in a new tab and waits until it has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  extensionUrl(path: string): string;
  close(): Promise<void>;
}

export function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  return id;
}

function startServer(pages: Record<string, string>): Promise<Server> {
  const server = createServer((req, res) => {
    const body = pages[req.url ?? ''];
    if (body === undefined && /\.(png|jpe?g|gif|webp|svg)(\?|$)/.test(req.url ?? '')) {
      res.writeHead(200, { 'content-type': 'image/gif' }).end(BLANK_GIF);
      return;
    }
    if (body === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not served in tests');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    // Loopback only, on a free port the OS picks.
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export async function launchFirefox(opts: FirefoxOptions): Promise<FirefoxSession> {
  const extensionDir = opts.extensionDir ?? FIREFOX_BUILD;
  requireBrowser('Firefox ESR', FIREFOX_PATH, 'SIYAQ_FIREFOX');
  requireBuild(extensionDir, 'npm run build:firefox');
  const server = await startServer(opts.pages);
  const port = (server.address() as AddressInfo).port;
  let browser: Browser | undefined;
  const close = async (): Promise<void> => {
    await browser?.close().catch(() => undefined);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      // BiDi refuses moz-extension:// navigation without it; fine for a throwaway profile.
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [geckoId(extensionDir)]: FIREFOX_EXTENSION_UUID }),
        // Every host name resolves to the local server.
        'network.dns.forceResolve': '127.0.0.1',
        'network.trr.mode': 5,
        // The outlets are on the HSTS preload list and HTTPS-First would upgrade
        // http:// to https://, which the local server does not speak.
        'network.stricttransportsecurity.preloadlist': false,
        'dom.security.https_first': false,
        'dom.security.https_first_pbm': false,
        'dom.security.https_first_schemeless': false,
        'dom.security.https_only_mode': false,
        'network.proxy.type': 0,
        'browser.shell.checkDefaultBrowser': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'toolkit.telemetry.enabled': false,
        'app.update.enabled': false,
        // Console messages go to stdout, the extension's background page's among
        // them (a content one to Firefox): BiDi gives Puppeteer no handle on it.
        'devtools.console.stdout.content': true,
        ...opts.prefs,
      },
    });
    const backgroundErrors: string[] = [];
    let pending = '';
    browser.process()?.stdout?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // Firefox's own code logs errors here too (its remote agent does, under
        // BiDi), as bare error objects or from chrome:// and resource:// files;
        // the extension's messages start with a string.
        if (line.startsWith('console.error: "') && !/(chrome|resource):\/\//.test(line)) backgroundErrors.push(line);
      }
    });
    await browser.installExtension(extensionDir);
    const pageErrors: string[] = [];
    const watch = (page: Page): void => {
      page.on('console', (msg) => {
        if (msg.type() === 'error') pageErrors.push(`${page.url()}: console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => pageErrors.push(`${page.url()}: uncaught: ${String(err)}`));
    };
    const extensionUrl = (path: string): string => `moz-extension://${FIREFOX_EXTENSION_UUID}/${path.replace(/^\//, '')}`;
    const b = browser;
    return {
      browser: b,
      port,
      pageErrors,
      backgroundErrors,
      urlFor: (host, path) => `http://${host}:${port}${path}`,
      async open(url: string) {
        const page = await b.newPage();
        watch(page);
        await page.goto(url, { waitUntil: 'load' });
        return page;
      },
      async openExtensionPage(path: string) {
        const page = await b.newPage();
        watch(page);
        const url = extensionUrl(path);
        // Firefox never reports this navigation as finished over BiDi, so
        // page.goto may not resolve: start it, then wait for the page itself.
        void page.goto(url).catch(() => undefined);
        const deadline = Date.now() + 15_000;
        for (;;) {
          const href = await page.evaluate(() => `${location.href}|${document.readyState}`).catch(() => '');
          if (href.startsWith(url) && href.endsWith('|complete')) return page;
          if (Date.now() > deadline) throw new Error(`Firefox did not open ${url} (last: ${href || 'nothing'})`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
      extensionUrl,
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

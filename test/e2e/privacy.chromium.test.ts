/**
 * Privacy in Chromium with the production build: nothing Siyaq does reaches
 * the network, its manifests ask for no host at install and lock extension
 * pages down, and pack text can never become markup in the card.
 *
 * Network watch: every request the browser context reports, from the
 * extension's service worker (Playwright attaches to service workers and
 * reports their requests, request.serviceWorker()), from extension pages
 * (popup, timeline, options, opened as tabs) and from the web pages Siyaq
 * runs in (where a content script's fetch or an <img> in the card would show
 * up). Allowed: chrome-extension://<Siyaq>/ itself (also under the dynamic id
 * Chromium gives its web-accessible reader UI), data: and blob: URLs, and
 * the documents the test itself serves. The watch starts before the extension
 * is reloaded, so the worker's start-up (seeding the corpus) is watched too,
 * and a positive control shows the watch does see an extension page's request.
 *
 * Complements lifecycle-privacy.chromium.test.ts (the Chrome manifest, no
 * fetch in the bundle) with the watch's control, the content script's world,
 * an import, the Firefox manifest and markup in packs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD } from './helpers/paths';
import { ESCAPED_MARKUP, escapedMarkupPack, liveMarkupPack } from './helpers/robust-packs';
import {
  cardText,
  enableDeveloperMode,
  hoverForCard,
  launchRobustChromium,
  waitForMarked,
  type RobustChromium,
} from './helpers/robust-browser';
import { LISTED_ORIGIN, PLAIN_TARGETS, PROBE_TOPIC, plainArticleHtml } from './helpers/robust-pages';
import { chromiumCard } from './helpers/card-access';

const ARTICLE = `${LISTED_ORIGIN}/news/2024/9/24/privacy`;
/** The positive control's request: an extension page asks for it on purpose. */
const CONTROL_URL = 'https://example.com/siyaq-watch-control.gif';

interface Seen {
  url: string;
  from: string;
  type: string;
}

let browser: RobustChromium;
const seen: Seen[] = [];
const dialogs: string[] = [];

function origin(request: Request): string {
  if (request.serviceWorker()) return `service worker ${request.serviceWorker()!.url()}`;
  try {
    return request.frame().url() || 'a frame with no URL yet';
  } catch {
    return 'no frame';
  }
}

/**
 * The files pages may load from Siyaq (web_accessible_resources): Chromium
 * serves them under a per-session dynamic id (use_dynamic_url), not the
 * extension id, so they are recognised by path; Siyaq is the only extension here.
 */
const webAccessible: string[] =
  (
    JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as { web_accessible_resources?: { resources: string[] }[] }
  ).web_accessible_resources?.flatMap((w) => w.resources) ?? [];
const isSiyaqDynamic = (url: string): boolean =>
  webAccessible.some((r) => new RegExp(`^chrome-extension://[0-9a-f-]+/${r.replace('.', '\\.')}$`).test(url));

/** Requests that went anywhere but Siyaq itself or the test's own documents. */
function leaks(): Seen[] {
  const own = `chrome-extension://${browser.extensionId}/`;
  return seen.filter(
    (s) =>
      !s.url.startsWith(own) &&
      !isSiyaqDynamic(s.url) &&
      !s.url.startsWith('data:') &&
      !s.url.startsWith('blob:') &&
      !(s.type === 'document' && s.url.split('#')[0]! in browser.pages) &&
      s.url !== CONTROL_URL,
  );
}

async function openExtensionPage(path: string, ready: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(browser.extensionUrl(path));
  await page.waitForSelector(ready, { timeout: 10_000 });
  return page;
}

beforeAll(async () => {
  browser = await launchRobustChromium({ [ARTICLE]: plainArticleHtml() });
  browser.context.on('request', (request) => seen.push({ url: request.url(), from: origin(request), type: request.resourceType() }));
  browser.context.on('page', (page) =>
    page.on('dialog', (d) => {
      dialogs.push(`${page.url()}: ${d.message()}`);
      void d.dismiss();
    }),
  );
  // Reload the extension under the watch, so its worker starts (and checks its corpus) in view.
  // Without developer mode Chromium disables an unpacked extension that reloads itself (robust-browser.ts).
  await enableDeveloperMode(browser.context);
  const worker = await browser.worker();
  const closed = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  await worker
    .evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload())
    .catch(() => undefined);
  await closed;
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium: no network', () => {
  it('the watch sees an extension page’s request (positive control), and the worker’s CSP refuses a fetch', async () => {
    const popup = await openExtensionPage('popup.html', '[data-event-id]');
    try {
      await popup.evaluate((url) => {
        new Image().src = url;
      }, CONTROL_URL);
      await expect.poll(() => seen.some((s) => s.url === CONTROL_URL && s.from.startsWith('chrome-extension://'))).toBe(true);
    } finally {
      await popup.close();
    }
    // Even code that tried could not reach out from the worker: connect-src 'none'.
    const worker = await browser.worker();
    const outcome = await worker.evaluate(() =>
      fetch('https://example.com/siyaq-should-never-leave').then(
        () => 'fetched',
        (e: unknown) => `refused: ${String(e)}`,
      ),
    );
    expect(outcome).toMatch(/^refused/);
    expect(seen.filter((s) => s.url.includes('siyaq-should-never-leave'))).toEqual([]);
  });

  it('makes no request while it reads a page, opens cards, and shows its popup, timeline and options', async () => {
    const { page, errors } = await browser.openProbed(ARTICLE);
    try {
      await waitForMarked(page, (t) => t.includes('محمد شياع السوداني'), 'the article’s marks');
      await hoverForCard(page, PLAIN_TARGETS.sudani, 'محمد شياع السوداني');
      await hoverForCard(page, PLAIN_TARGETS.austin, 'لويد أوستن');
      await page.keyboard.press('Escape');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    for (const [path, ready] of [
      ['popup.html', '[data-event-id]'],
      ['timeline.html#topic=sudani', '[data-event-id]'],
      ['options.html', 'input[type=file]'],
    ] as const) {
      const ext = await openExtensionPage(path, ready);
      await ext.waitForTimeout(300);
      await ext.close();
    }
    expect(
      seen.some((s) => s.url === ARTICLE && s.type === 'document'),
      'the watch missed even the article itself',
    ).toBe(true);
    expect(leaks()).toEqual([]);
  });
});

describe('Chromium: pack text is never markup', () => {
  it('refuses a pack whose description holds markup, saying which field, and changes nothing', async () => {
    const options = await openExtensionPage('options.html', 'input[type=file]');
    try {
      const before = await options.locator('[data-pack-id]').count();
      await options.locator('input[type=file]').setInputFiles({
        name: 'markup.json',
        mimeType: 'application/json',
        buffer: Buffer.from(liveMarkupPack()),
      });
      const alert = options.locator('[role=alert]');
      await alert.waitFor({ timeout: 5_000 });
      const text = await alert.innerText();
      expect(text).toContain(PROBE_TOPIC.id);
      expect(text).toMatch(/description/);
      expect(text).toMatch(/markup|script/i);
      expect(await options.locator('[data-pack-id]').count()).toBe(before);
      expect(await options.locator('[data-pack-id="siyaq-probe-markup"]').count()).toBe(0);
    } finally {
      await options.close();
    }
    expect(dialogs).toEqual([]);
  });

  it('shows markup written as entities in an imported pack as the very characters, never as elements', async () => {
    const options = await openExtensionPage('options.html', 'input[type=file]');
    try {
      await options.locator('input[type=file]').setInputFiles({
        name: 'escaped.json',
        mimeType: 'application/json',
        buffer: Buffer.from(escapedMarkupPack()),
      });
      await options.locator('[data-pack-id="siyaq-probe-escaped"]').waitFor({ timeout: 5_000 });
      expect(await options.locator('[role=alert]').count(), 'the entity-only pack was refused').toBe(0);
    } finally {
      await options.close();
    }

    const { page, errors } = await browser.openProbed(ARTICLE);
    try {
      await waitForMarked(page, (t) => t.includes(PROBE_TOPIC.alias), 'the imported topic’s mark');
      await hoverForCard(page, { within: '#p4', phrase: PROBE_TOPIC.alias, word: PROBE_TOPIC.alias }, PROBE_TOPIC.alias);
      const text = await cardText(page);
      expect(text).toContain(ESCAPED_MARKUP);
      const inside = await chromiumCard(
        page,
        (root) => {
          const all = Array.from(root!.querySelectorAll('*'));
          return {
            elements: all
              .filter((el) => /^(img|script|iframe|object|embed|svg|math|link|meta|base|form)$/.test(el.localName))
              .map((el) => el.localName),
            handlers: all.flatMap((el) =>
              el
                .getAttributeNames()
                .filter((a) => a.startsWith('on'))
                .map((a) => `${el.localName}[${a}]`),
            ),
          };
        },
        null,
      );
      expect(inside).toEqual({ elements: [], handlers: [] });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
    expect(dialogs).toEqual([]);
    // An <img src=x> anywhere would have asked for https://www.aljazeera.net/…/x.
    expect(leaks()).toEqual([]);
  });
});

describe('the built manifests', () => {
  for (const [name, dir] of [
    ['Chrome', CHROME_BUILD],
    ['Firefox', FIREFOX_BUILD],
  ] as const) {
    it(`${name}: no host at install, content scripts on listed outlets only, a strict CSP for extension pages`, () => {
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        host_permissions?: string[];
        permissions?: string[];
        content_scripts?: { matches: string[] }[];
        content_security_policy?: { extension_pages?: string };
      };
      const broad = /^(<all_urls>|\*:\/\/\*\/.*|https?:\/\/\*\/.*)$/;
      expect(manifest.host_permissions ?? []).toEqual([]);
      expect((manifest.permissions ?? []).filter((p) => broad.test(p))).toEqual([]);
      const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
      expect(matches.length).toBeGreaterThan(0);
      expect(matches.filter((m) => broad.test(m) || /^\*:\/\/\*\.\*|^\*:\/\/\*\//.test(m))).toEqual([]);

      const csp = manifest.content_security_policy?.extension_pages ?? '';
      const directives = new Map(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([key, ...values]) => [key!, values]),
      );
      // Images, styles, fonts and frames too come only from the extension itself.
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(["'none'"]);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    });
  }
});

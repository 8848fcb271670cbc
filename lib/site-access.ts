/**
 * Turning Siyaq on or off for a site, from the popup and the options page.
 * Built-in outlets are in the manifest: a setting is enough. Any other site
 * needs the optional host permission and a content script registered at run
 * time with the same files the manifest declares (WXT's names for
 * entrypoints/content/: content-scripts/content.js and .css).
 */
import { browser } from 'wxt/browser';
import { setExtraHost, setOutletEnabled } from './settings';

const CONTENT_JS = '/content-scripts/content.js';
const CONTENT_CSS = '/content-scripts/content.css';

function scriptId(host: string): string {
  return `siyaq-extra-${host}`;
}

/** The host and its subdomains (www., m.), over http and https. */
export function extraOrigins(host: string): string[] {
  return [`*://${host}/*`, `*://*.${host}/*`];
}

/** The host an origin pattern of extraOrigins() stands for ("*://example.com/*" → "example.com"). */
export function hostOfOrigin(pattern: string): string | null {
  const m = /^\*:\/\/([^*/]+)\/\*$/.exec(pattern);
  return m ? m[1]! : null;
}

export type SiteChange = 'done' | 'denied' | 'reload';

/**
 * Must be called straight from a click handler: the permission prompt needs the
 * reader's gesture, so nothing may be awaited before it.
 */
export async function setSiteOn(site: { host: string; builtIn: boolean }, on: boolean, tabId?: number): Promise<SiteChange> {
  if (site.builtIn) {
    await setOutletEnabled(site.host, on);
    return 'done';
  }
  return on ? enableExtraSite(site.host, tabId) : disableExtraSite(site.host).then(() => 'done' as const);
}

async function enableExtraSite(host: string, tabId: number | undefined): Promise<SiteChange> {
  const granted = await browser.permissions.request({ origins: extraOrigins(host) });
  if (!granted) return 'denied';
  await registerExtraSite(host);
  if (tabId === undefined) return 'reload';
  // Start on the page in view now rather than at its next load.
  try {
    await browser.scripting.insertCSS({ target: { tabId }, files: [CONTENT_CSS] });
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_JS] });
    return 'done';
  } catch {
    return 'reload';
  }
}

/**
 * Registers the content script for a host whose permission is granted, and
 * records the host. Idempotent. Firefox may close the popup while its
 * permission prompt is open, so the background can finish the job from
 * `permissions.onAdded` with this same function.
 */
export async function registerExtraSite(host: string): Promise<void> {
  const id = scriptId(host);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: extraOrigins(host), js: [CONTENT_JS], css: [CONTENT_CSS], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  await setExtraHost(host, true);
}

/** Unregisters the site's script, gives the permission back and forgets the host. */
export async function disableExtraSite(host: string): Promise<void> {
  const id = scriptId(host);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  await setExtraHost(host, false);
  await browser.permissions.remove({ origins: extraOrigins(host) });
}

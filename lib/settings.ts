/**
 * The reader's settings: one item in extension storage, read by every part.
 * Content scripts watch it, so a change made in the popup or the options page
 * reaches open tabs at once, without a reload.
 */
import { browser } from 'wxt/browser';
import { outletFor, siteKey } from './sites';
import type { LanguageSetting } from './i18n';
import type { DigitsSetting } from './digits';

export type MarkStyle = 'underline' | 'tint';

export interface Settings {
  /** Master switch: when false Siyaq reads no page. */
  enabled: boolean;
  /** Built-in outlet hosts (lib/sites.ts `Outlet.host`) the reader turned off. */
  disabledHosts: string[];
  /** Hosts outside the built-in list the reader turned on (optional permission granted, script registered). */
  extraHosts: string[];
  markStyle: MarkStyle;
  /** Mark every mention, or only the first of each topic. */
  markAll: boolean;
  /** How long the pointer rests on a mark before the card opens. */
  dwellMs: number;
  /** Topic ids the reader does not want marked. */
  mutedTopics: string[];
  /** The interface language of the popup, the options, the timeline and the card. */
  language: LanguageSetting;
  /** The digits of the Arabic interface (lib/digits.ts). */
  digits: DigitsSetting;
  /**
   * Mark names from imported packs on pages. A page can see which words are
   * marked, so a reader with a private pack may keep its names unmarked
   * (docs/adr/0012-what-a-page-can-learn.md).
   */
  markImported: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledHosts: [],
  extraHosts: [],
  markStyle: 'tint',
  markAll: false,
  dwellMs: 300,
  mutedTopics: [],
  language: 'browser',
  digits: 'page',
  markImported: true,
});

/** Dwell delays offered in the options page and accepted from storage. */
export const DWELL_MIN_MS = 100;
export const DWELL_MAX_MS = 1500;

/**
 * The key in `storage.local`. Read through the plain API rather than WXT's
 * storage wrapper: the content script starts cold on every page, and the
 * wrapper's code was a good share of its start-up.
 */
const KEY = 'settings';

function strings(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string'))] : fallback;
}

/**
 * Every field checked on the way out: the stored object may come from an older
 * version (missing fields) or be edited by hand, and one bad field must not
 * break every tab.
 */
function complete(stored: Partial<Settings> | null): Settings {
  const s = stored ?? {};
  const dwell = typeof s.dwellMs === 'number' && Number.isFinite(s.dwellMs) ? s.dwellMs : DEFAULT_SETTINGS.dwellMs;
  return {
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledHosts: strings(s.disabledHosts, []),
    extraHosts: strings(s.extraHosts, []),
    markStyle: s.markStyle === 'tint' || s.markStyle === 'underline' ? s.markStyle : DEFAULT_SETTINGS.markStyle,
    markAll: typeof s.markAll === 'boolean' ? s.markAll : DEFAULT_SETTINGS.markAll,
    dwellMs: Math.min(DWELL_MAX_MS, Math.max(DWELL_MIN_MS, Math.round(dwell))),
    mutedTopics: strings(s.mutedTopics, []),
    language: s.language === 'ar' || s.language === 'en' ? s.language : DEFAULT_SETTINGS.language,
    digits: s.digits === 'latn' || s.digits === 'arab' ? s.digits : DEFAULT_SETTINGS.digits,
    markImported: typeof s.markImported === 'boolean' ? s.markImported : DEFAULT_SETTINGS.markImported,
  };
}

export async function getSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return complete((stored[KEY] as Partial<Settings> | undefined) ?? null);
}

// Changes made in quick succession (a slider, several clicks) must not read the
// same old value and overwrite each other: each waits for the one before.
let pending: Promise<unknown> = Promise.resolve();

/** Merge a change into the stored settings; a function sees the current ones first. */
export function updateSettings(change: Partial<Settings> | ((current: Settings) => Partial<Settings>)): Promise<Settings> {
  const next = pending.then(async () => {
    const current = await getSettings();
    const merged = complete({ ...current, ...(typeof change === 'function' ? change(current) : change) });
    // An unchanged value is not written: every open tab would wake for nothing.
    if (JSON.stringify(merged) !== JSON.stringify(current)) await browser.storage.local.set({ [KEY]: merged });
    return merged;
  });
  pending = next.catch(() => undefined);
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await browser.storage.local.set({ [KEY]: { ...DEFAULT_SETTINGS } });
  return complete(null);
}

/** Calls `cb` with the complete settings after every change, until `signal` aborts. */
export function watchSettings(cb: (settings: Settings) => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    const change = changes[KEY];
    if (area === 'local' && change) cb(complete((change.newValue as Partial<Settings> | undefined) ?? null));
  };
  browser.storage.onChanged.addListener(onChanged);
  signal.addEventListener('abort', () => releaseListener(() => browser.storage.onChanged.removeListener(onChanged)), { once: true });
}

export function muteTopic(topic: string): Promise<Settings> {
  return updateSettings((s) => ({ mutedTopics: [...s.mutedTopics, topic] }));
}

export function unmuteTopic(topic: string): Promise<Settings> {
  return updateSettings((s) => ({ mutedTopics: s.mutedTopics.filter((id) => id !== topic) }));
}

/** Turns a built-in outlet on or off (its `Outlet.host`). */
export function setOutletEnabled(host: string, on: boolean): Promise<Settings> {
  return updateSettings((s) => ({
    disabledHosts: on ? s.disabledHosts.filter((h) => h !== host) : [...s.disabledHosts, host],
  }));
}

export function setExtraHost(host: string, on: boolean): Promise<Settings> {
  return updateSettings((s) => ({
    extraHosts: on ? [...new Set([...s.extraHosts, host])] : s.extraHosts.filter((h) => h !== host),
  }));
}

/**
 * The site a page's settings are kept under (lib/sites.ts `siteKey`: the
 * built-in outlet's host, else the host without "www."), for web pages only.
 */
export function siteOf(url: string): { host: string; builtIn: boolean } | undefined {
  if (!/^https?:\/\//i.test(url)) return undefined;
  const host = siteKey(url);
  return host ? { host, builtIn: outletFor(url) !== undefined } : undefined;
}

/** Whether Siyaq should read a page at `url` under these settings. */
export function siteEnabled(settings: Settings, url: string): boolean {
  const site = siteOf(url);
  if (!settings.enabled || !site) return false;
  return site.builtIn ? !settings.disabledHosts.includes(site.host) : settings.extraHosts.includes(site.host);
}

/**
 * Removes an extension-API listener on teardown. Chromium throws "Extension
 * context invalidated" from any extension API, removeListener included, once
 * the extension was reloaded under a content script; by then the listener is
 * dead anyway, and the page must not see the error.
 */
export function releaseListener(remove: () => void): void {
  try {
    remove();
  } catch {
    // The runtime is gone, and the listener with it.
  }
}

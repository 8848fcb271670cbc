/**
 * The keyboard commands (wxt.config.ts `commands`) as the reader has them now:
 * the browser lets the reader change or clear them, so the popup and the
 * options page read them rather than print the suggested keys.
 */
import { browser } from 'wxt/browser';

export interface Shortcuts {
  /** The key combination, as the browser prints it ("Alt+Shift+J"), or '' when the reader cleared it. */
  next: string;
  previous: string;
}

export type BrowserKind = 'chrome' | 'firefox';

/** The browser this build is for (WXT's build-time flag). */
export const BROWSER_KIND: BrowserKind = import.meta.env.FIREFOX ? 'firefox' : 'chrome';

export async function readShortcuts(): Promise<Shortcuts> {
  const all = await browser.commands.getAll();
  const key = (name: string): string => all.find((c) => c.name === name)?.shortcut ?? '';
  return { next: key('next-mention'), previous: key('previous-mention') };
}

/** Opens the browser's own page for changing extension shortcuts. */
export async function openShortcutSettings(kind: BrowserKind): Promise<void> {
  if (kind === 'firefox') {
    // Firefox 137+ (the ESR Siyaq supports has it); an extension may not open about:addons itself. Not in WXT's Chrome-based types.
    await (browser.commands as unknown as { openShortcutSettings(): Promise<void> }).openShortcutSettings();
  } else {
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  }
}

import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  getSettings,
  muteTopic,
  setOutletEnabled,
  siteEnabled,
  unmuteTopic,
  updateSettings,
  watchSettings,
} from '../../lib/settings';

beforeEach(() => fakeBrowser.reset());

describe('settings', () => {
  it('starts from the defaults and completes what storage lacks', async () => {
    expect(await getSettings()).toEqual(DEFAULT_SETTINGS);
    await fakeBrowser.storage.local.set({ settings: { markAll: true, dwellMs: 'soon', mutedTopics: ['isis', 3] } });
    const s = await getSettings();
    expect(s.markAll).toBe(true);
    expect(s.dwellMs).toBe(DEFAULT_SETTINGS.dwellMs);
    expect(s.mutedTopics).toEqual(['isis']);
    expect(s.enabled).toBe(true);
  });

  it('keeps the interface language and digits to their choices, following the browser and the page by default', async () => {
    expect(await getSettings()).toMatchObject({ language: 'browser', digits: 'page' });
    await fakeBrowser.storage.local.set({ settings: { language: 'fr', digits: 'roman' } });
    expect(await getSettings()).toMatchObject({ language: 'browser', digits: 'page' });
    await updateSettings({ language: 'ar', digits: 'arab' });
    expect(await getSettings()).toMatchObject({ language: 'ar', digits: 'arab' });
    await updateSettings({ language: 'en', digits: 'latn' });
    expect(await getSettings()).toMatchObject({ language: 'en', digits: 'latn' });
  });

  it('merges changes, keeps lists free of repeats, and tells watchers until aborted', async () => {
    const seen: boolean[] = [];
    const controller = new AbortController();
    watchSettings((s) => seen.push(s.markAll), controller.signal);
    await updateSettings({ markAll: true });
    await muteTopic('isis');
    await muteTopic('isis');
    expect((await getSettings()).mutedTopics).toEqual(['isis']);
    await unmuteTopic('isis');
    expect((await getSettings()).mutedTopics).toEqual([]);
    controller.abort();
    await updateSettings({ markAll: false });
    // The repeated mute changed nothing, so it woke no one; nothing after the abort either.
    expect(seen).toEqual([true, true, true]);
  });

  it('decides per site: built-in outlets unless turned off, other hosts only when added', async () => {
    let s = await getSettings();
    expect(siteEnabled(s, 'https://www.aljazeera.net/news/1')).toBe(true);
    expect(siteEnabled(s, 'https://example.org/a')).toBe(false);
    expect(siteEnabled(s, 'chrome://extensions')).toBe(false);
    s = await setOutletEnabled('aljazeera.net', false);
    expect(siteEnabled(s, 'https://www.aljazeera.net/news/1')).toBe(false);
    s = await updateSettings({ extraHosts: ['example.org'] });
    expect(siteEnabled(s, 'https://example.org/a')).toBe(true);
    s = await updateSettings({ enabled: false });
    expect(siteEnabled(s, 'https://example.org/a')).toBe(false);
  });
});

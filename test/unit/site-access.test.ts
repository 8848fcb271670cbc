import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setSiteOn } from '../../lib/site-access';
import { getSettings } from '../../lib/settings';

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

function mockScripting(granted: boolean) {
  const registered: { id: string }[] = [];
  const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(granted);
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
  vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockImplementation(async (filter) =>
    registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
  );
  const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockImplementation(async (scripts) => {
    registered.push(...scripts);
  });
  const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockImplementation(async (filter) => {
    registered.splice(0, registered.length, ...registered.filter((s) => !filter?.ids?.includes(s.id)));
  });
  const insertCSS = vi.spyOn(fakeBrowser.scripting, 'insertCSS').mockResolvedValue(undefined);
  const execute = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([]);
  return { registered, request, remove, register, unregister, insertCSS, execute };
}

describe('site access', () => {
  it('turns a built-in outlet off and on with a setting alone', async () => {
    const m = mockScripting(true);
    await setSiteOn({ host: 'alhurra.com', builtIn: true }, false);
    expect((await getSettings()).disabledHosts).toEqual(['alhurra.com']);
    await setSiteOn({ host: 'alhurra.com', builtIn: true }, true);
    expect((await getSettings()).disabledHosts).toEqual([]);
    expect(m.request).not.toHaveBeenCalled();
  });

  it('asks for another site within the gesture, registers the script and starts it in the tab', async () => {
    const m = mockScripting(true);
    const done = setSiteOn({ host: 'example.org', builtIn: false }, true, 7);
    // Before any await: the permission prompt still belongs to the click.
    expect(m.request).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://*.example.org/*'] });
    expect(await done).toBe('done');
    expect(m.register).toHaveBeenCalledWith([
      expect.objectContaining({
        id: 'siyaq-extra-example.org',
        js: ['/content-scripts/content.js'],
        css: ['/content-scripts/content.css'],
      }),
    ]);
    expect(m.execute).toHaveBeenCalledWith({ target: { tabId: 7 }, files: ['/content-scripts/content.js'] });
    expect((await getSettings()).extraHosts).toEqual(['example.org']);

    expect(await setSiteOn({ host: 'example.org', builtIn: false }, false)).toBe('done');
    expect(m.registered).toEqual([]);
    expect(m.remove).toHaveBeenCalled();
    expect((await getSettings()).extraHosts).toEqual([]);
  });

  it('changes nothing when the permission is refused', async () => {
    const m = mockScripting(false);
    expect(await setSiteOn({ host: 'example.org', builtIn: false }, true, 7)).toBe('denied');
    expect(m.register).not.toHaveBeenCalled();
    expect((await getSettings()).extraHosts).toEqual([]);
  });
});

describe('origin patterns', () => {
  it('reads the host back from the patterns a site is enabled with', async () => {
    const { extraOrigins, hostOfOrigin } = await import('../../lib/site-access');
    expect(extraOrigins('example.org').map(hostOfOrigin)).toEqual(['example.org', null]);
    expect(hostOfOrigin('https://*/*')).toBeNull();
  });
});

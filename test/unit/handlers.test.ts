import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { openDb, seedBundled, type SiyaqDb } from '../../lib/db';
import { createMessageListener, once, relayCommand, type Sender } from '../../lib/background/handlers';
import type { CardData, FoundMention } from '../../lib/messages';
import { getSettings } from '../../lib/settings';
import { pack } from './db-fixtures';

let n = 0;
const open: SiyaqDb[] = [];
function seededLater(bundled = pack()): () => Promise<SiyaqDb> {
  return once(async () => {
    const db = await openDb(`handlers-test-${n++}`);
    open.push(db);
    await seedBundled(db, bundled);
    return db;
  });
}

/** A content script on a news page in tab `tabId`, as the browser describes it. */
function page(url = 'https://www.aljazeera.net/news/2024/9/24/x', tabId = 1): Sender {
  return { id: fakeBrowser.runtime.id, url, tab: { id: tabId, url }, frameId: 0 };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  vi.restoreAllMocks();
});

describe('once', () => {
  it('starts once for every caller, and again after a failure', async () => {
    let calls = 0;
    const start = vi.fn(async () => {
      if (++calls === 1) throw new Error('first start fails');
      return {} as SiyaqDb;
    });
    const ready = once(start);
    await expect(Promise.all([ready(), ready()])).rejects.toThrow('first start fails');
    const [a, b] = await Promise.all([ready(), ready()]);
    expect(a).toBe(b);
    expect(start).toHaveBeenCalledTimes(2);
  });
});

describe('the message listener', () => {
  it('answers a card request that arrives before seeding has finished', async () => {
    const listen = createMessageListener(seededLater());
    const card = (await listen({ type: 'card', topic: 'sudani', articleDate: '2024-09-24', limit: 2 }, page())) as CardData;
    expect(card.topic.id).toBe('sudani');
    expect(card.events.map((e) => e.id)).toEqual(['e2024b', 'e2025']);
  });

  it('finds the corpus topics in text a page sends, as offsets into that text', async () => {
    const text = 'هجوم داعش على قاعدة عين الأسد';
    const found = (await createMessageListener(seededLater())({ type: 'detect', id: 'r1', text, known: [] }, page())) as FoundMention[];
    expect(found.map((m) => [m.topic, text.slice(m.start, m.end), m.cued])).toEqual([
      ['isis', 'داعش', false],
      ['ain-al-asad', 'عين الأسد', false],
    ]);
  });

  it('answers the names nested in a longer name too, flagged inner, so the page counts them and can open their cards', async () => {
    const base = pack();
    const coalition = {
      id: 'coalition',
      kind: 'organization' as const,
      label: { ar: 'التحالف الدولي', en: 'The coalition' },
      aliases: ['التحالف الدولي لدحر داعش'],
      description: { ar: 'تحالف دولي', en: 'A coalition' },
    };
    const listen = createMessageListener(seededLater(pack({ topics: [...base.topics, coalition] })));
    const text = 'أعلن التحالف الدولي لدحر داعش انتهاء مهمته، وبقي داعش في الصحراء';
    const found = (await listen({ type: 'detect', id: 'r1', text, known: [] }, page())) as FoundMention[];
    expect(found.map((m) => [m.topic, text.slice(m.start, m.end), m.inner ?? false])).toEqual([
      ['coalition', 'التحالف الدولي لدحر داعش', false],
      ['isis', 'داعش', true],
      ['isis', 'داعش', false],
    ]);
    // Only the nested name carries the flag: the answer crosses to the page as JSON, with no empty fields.
    expect(found.map((m) => 'inner' in m)).toEqual([false, true, false]);
  });

  it('leaves messages that are not Siyaq requests, or are malformed, to other listeners', () => {
    const listen = createMessageListener(() => Promise.reject(new Error('must not be opened')));
    for (const m of [
      undefined,
      'card',
      { type: 'page-summary' },
      { type: 'card', topic: 1, articleDate: null },
      { type: 'mute-topic' },
      { type: 'detect', text: 'داعش' },
      { type: 'detect', text: 'داعش', known: [1] },
    ]) {
      expect(listen(m, page())).toBeUndefined();
    }
  });

  it('opens the timeline page at the topic in a new tab', async () => {
    const listen = createMessageListener(seededLater());
    expect(await listen({ type: 'open-timeline', topic: 'ain-al-asad' }, page())).toEqual({ ok: true });
    await listen({ type: 'open-timeline' }, page(undefined, 2));
    // The fake browser starts with a blank tab of its own.
    const urls = (await fakeBrowser.tabs.query({})).flatMap((t) => t.url ?? []);
    expect(urls).toEqual([
      fakeBrowser.runtime.getURL('/timeline.html') + '#topic=ain-al-asad',
      fakeBrowser.runtime.getURL('/timeline.html'),
    ]);
  });

  it('mutes a topic and turns a site off in the settings', async () => {
    const listen = createMessageListener(seededLater());
    expect(await listen({ type: 'mute-topic', topic: 'isis' }, page())).toEqual({ ok: true });
    expect(await listen({ type: 'disable-site' }, page())).toEqual({ ok: true });
    const settings = await getSettings();
    expect(settings.mutedTopics).toEqual(['isis']);
    expect(settings.disabledHosts).toEqual(['aljazeera.net']);
  });

  it('turns off a site the reader added: script unregistered, permission given back', async () => {
    const unregister = vi.spyOn(fakeBrowser.scripting, 'unregisterContentScripts').mockResolvedValue(undefined);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([{ id: 'siyaq-extra-example.org' }]);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await fakeBrowser.storage.local.set({ settings: { extraHosts: ['example.org'] } });
    await createMessageListener(seededLater())({ type: 'disable-site' }, page('https://www.example.org/a'));
    expect((await getSettings()).extraHosts).toEqual([]);
    expect(unregister).toHaveBeenCalledWith({ ids: ['siyaq-extra-example.org'] });
    expect(remove).toHaveBeenCalledWith({ origins: ['*://example.org/*', '*://*.example.org/*'] });
  });
});

describe('relayCommand', () => {
  it('sends step-mention to the active tab, and ignores a tab without a content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number]]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    await relayCommand('next-mention');
    await relayCommand('previous-mention');
    await relayCommand('_execute_action');
    expect(send.mock.calls).toEqual([
      [7, { type: 'step-mention', direction: 1 }],
      [7, { type: 'step-mention', direction: -1 }],
    ]);
    send.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(relayCommand('next-mention')).resolves.toBeUndefined();
  });
});

describe('the background entry point', () => {
  it('seeds the bundled corpus and answers a request sent right after it starts', async () => {
    // The fake browser has no commands or permissions events; the relay and
    // registerExtraSite are tested on their own.
    vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    background.main();
    const sender = page() as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
    const [card] = (await fakeBrowser.runtime.onMessage.trigger(
      { type: 'card', topic: 'sudani', articleDate: null },
      sender,
    )) as unknown as [CardData];
    expect(card.topic.label.ar).toBeTruthy();
    expect(card.events.length).toBeGreaterThan(0);
    const db = await openDb();
    open.push(db);
    expect((await db.packs.toArray()).map((p) => p.origin)).toEqual(['bundled']);
  });
});

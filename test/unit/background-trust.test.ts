/**
 * The background trusts no message (issue 10): each attack below is a
 * request a page, another extension or a stalled retry could make, sent to
 * the listener with a crafted sender as the browser would describe it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { importPack, openDb, seedBundled, type SiyaqDb } from '../../lib/db';
import { Background, REQUEST_LIMITS, createMessageListener, once, type Sender } from '../../lib/background/handlers';
import { MatcherSets } from '../../lib/background/matcher-set';
import type { FoundMention } from '../../lib/messages';
import { getSettings, updateSettings } from '../../lib/settings';
import { importedPack, pack } from './db-fixtures';

let n = 0;
const open: SiyaqDb[] = [];
let db: SiyaqDb;
const ready = () => Promise.resolve(db);

beforeEach(async () => {
  fakeBrowser.reset();
  db = await openDb(`background-trust-${n++}`);
  open.push(db);
  await seedBundled(db, pack());
});
afterEach(() => {
  for (const d of open.splice(0)) d.close();
  vi.restoreAllMocks();
});

const NEWS = 'https://www.aljazeera.net/news/2024/9/24/x';

function page(url = NEWS, tabId = 1): Sender {
  return { id: fakeBrowser.runtime.id, url, tab: { id: tabId, url }, frameId: 0 };
}
const optionsPage = (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

/** A clock the test moves. */
function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

const topicsIn = (found: unknown) => (found as FoundMention[]).map((m) => m.topic);

describe('who may ask', () => {
  it('another extension gets no answer, even with a well-formed request', () => {
    const listen = createMessageListener(ready);
    const other = { ...page(), id: 'someone-else' };
    expect(listen({ type: 'card', topic: 'sudani', articleDate: null }, other)).toBeUndefined();
    expect(listen({ type: 'mute-topic', topic: 'isis' }, other)).toBeUndefined();
    expect(listen({ type: 'detect', id: 'a', text: 'داعش', known: [] }, other)).toBeUndefined();
  });

  it('page requests need a tab with a web page in it', () => {
    const listen = createMessageListener(ready);
    const noTab: Sender = { id: fakeBrowser.runtime.id, url: NEWS };
    const extensionTab: Sender = { id: fakeBrowser.runtime.id, tab: { id: 3, url: fakeBrowser.runtime.getURL('/timeline.html') } };
    for (const sender of [noTab, extensionTab, optionsPage()]) {
      expect(listen({ type: 'mute-topic', topic: 'isis' }, sender)).toBeUndefined();
      expect(listen({ type: 'disable-site' }, sender)).toBeUndefined();
    }
  });

  it('only Siyaq’s own pages may announce a pack change, never a page', async () => {
    const listen = createMessageListener(ready);
    expect(listen({ type: 'packs-changed' }, page())).toBeUndefined();
    expect(await listen({ type: 'packs-changed' }, optionsPage())).toEqual({ skipped: [] });
  });
});

describe('what a page may ask', () => {
  it('disable-site turns off the sending tab’s site, whatever host the message names ("*" gave back every origin)', async () => {
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    const listen = createMessageListener(ready);
    expect(await listen({ type: 'disable-site', host: '*' }, page())).toEqual({ ok: true });
    expect(remove).not.toHaveBeenCalled();
    expect((await getSettings()).disabledHosts).toEqual(['aljazeera.net']);

    // On a site the reader added, only that site's permission is given back.
    await listen({ type: 'disable-site', host: '*' }, page('https://news.example.org/a', 2));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(remove.mock.calls[0]![0]).toEqual({ origins: ['*://news.example.org/*', '*://*.news.example.org/*'] });
  });

  it('a 50 MB detect is refused before any work (it took 6.8 s and 552 MB)', async () => {
    const matchers = new MatcherSets();
    const get = vi.spyOn(matchers, 'get');
    const listen = createMessageListener(ready, { matchers });
    expect(listen({ type: 'detect', id: 'big', text: 'د'.repeat(REQUEST_LIMITS.detectChars + 1), known: [] }, page())).toBeUndefined();
    expect(
      listen({ type: 'detect', id: 'k', text: 'داعش', known: Array.from({ length: REQUEST_LIMITS.known + 1 }, (_, i) => `t${i}`) }, page()),
    ).toBeUndefined();
    expect(get).not.toHaveBeenCalled();
    // The largest batch allowed is still read.
    const text = `داعش ${'د'.repeat(REQUEST_LIMITS.detectChars - 5)}`;
    expect(topicsIn(await listen({ type: 'detect', id: 'ok', text, known: [] }, page()))).toEqual(['isis']);
  });

  it('topic ids are checked against the corpus: no muting, card or timeline for a topic Siyaq does not have', async () => {
    const listen = createMessageListener(ready);
    expect(await listen({ type: 'mute-topic', topic: 'not-a-topic' }, page())).toEqual({ ok: false });
    expect(listen({ type: 'mute-topic', topic: '"><img src=x>' }, page())).toBeUndefined();
    expect(listen({ type: 'open-timeline', topic: 'x'.repeat(500) }, page())).toBeUndefined();
    expect(await listen({ type: 'open-timeline', topic: 'not-a-topic' }, page())).toEqual({ ok: false });
    expect(await listen({ type: 'card', topic: 'not-a-topic', articleDate: null }, page())).toBeNull();
    expect((await getSettings()).mutedTopics).toEqual([]);
    expect(await fakeBrowser.tabs.query({})).toHaveLength(1);
  });

  it('background actions are de-duplicated and rate-limited per tab (a page opened five timeline tabs)', async () => {
    const time = clock();
    const listen = createMessageListener(ready, { now: time.now });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await listen({ type: 'open-timeline', topic: 'sudani' }, page()));
    expect(answers).toEqual([{ ok: true }, { ok: false }, { ok: false }, { ok: false }, { ok: false }]);
    // Another tab is another reader's click.
    expect(await listen({ type: 'open-timeline', topic: 'isis' }, page(NEWS, 2))).toEqual({ ok: true });
    time.advance(3000);
    expect(await listen({ type: 'open-timeline', topic: 'isis' }, page())).toEqual({ ok: true });
    expect((await fakeBrowser.tabs.query({})).length).toBe(1 + 3);

    const mutes = [];
    for (const topic of ['sudani', 'isis', 'ain-al-asad', 'sudani', 'isis'])
      mutes.push(await listen({ type: 'mute-topic', topic }, page()));
    expect(mutes.map((m) => (m as { ok: boolean }).ok)).toEqual([true, true, true, false, false]);
  });
});

describe('detect work is done once', () => {
  it('a retry with the same id joins its attempt instead of piling up', async () => {
    const matchers = new MatcherSets();
    const get = vi.spyOn(matchers, 'get');
    const listen = createMessageListener(ready, { matchers });
    const request = { type: 'detect', id: 'batch-1', text: 'هجوم داعش على عين الأسد', known: [] };
    const attempts = [listen(request, page()), listen(request, page()), listen(request, page())];
    const answers = await Promise.all(attempts.map((a) => Promise.resolve(a)));
    expect(answers[0]).toBe(answers[1]);
    expect(answers[0]).toBe(answers[2]);
    expect(topicsIn(answers[0])).toEqual(['isis', 'ain-al-asad']);
    expect(get).toHaveBeenCalledTimes(1);
    // The same id from another tab is another request.
    await listen(request, page(NEWS, 2));
    expect(get).toHaveBeenCalledTimes(2);
  });

  it('compiles once per set of pack versions, not per request, and again after an import', async () => {
    const compile = vi.spyOn(MatcherSets.prototype as unknown as { compile: () => unknown }, 'compile');
    const stringify = vi.spyOn(JSON, 'stringify');
    const listen = createMessageListener(ready);
    for (let i = 0; i < 5; i++) await listen({ type: 'detect', id: `r${i}`, text: 'قاعدة حرير', known: [] }, page());
    expect(compile).toHaveBeenCalledTimes(1);
    expect(stringify).not.toHaveBeenCalled();
    stringify.mockRestore();
    expect((await importPack(db, JSON.stringify(importedPack()))).ok).toBe(true);
    expect(topicsIn(await listen({ type: 'detect', id: 'r9', text: 'قاعدة حرير', known: [] }, page()))).toEqual(['harir']);
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it('an import that takes longer than the budget to compile is left out whole and reported', async () => {
    expect((await importPack(db, JSON.stringify(importedPack()))).ok).toBe(true);
    // Every reading of the clock is three seconds later: each import "takes" longer than the two-second budget.
    let t = 0;
    const slow = new MatcherSets({ budgetMs: 2000, now: () => (t += 3000) });
    const listen = createMessageListener(ready, { matchers: slow });
    expect(await listen({ type: 'packs-changed' }, optionsPage())).toEqual({
      skipped: [{ id: 'reader-notes', title: importedPack().title, ms: 3000 }],
    });
    // None of it is marked; the bundled corpus is.
    const found = await listen({ type: 'detect', id: 'x', text: 'قاعدة حرير و داعش', known: [] }, page());
    expect(topicsIn(found)).toEqual(['isis']);
  });

  it('imported packs can be left unmarked on pages (a page can see which words are marked)', async () => {
    expect((await importPack(db, JSON.stringify(importedPack()))).ok).toBe(true);
    const listen = createMessageListener(ready);
    expect(topicsIn(await listen({ type: 'detect', id: 'a', text: 'قاعدة حرير و داعش', known: [] }, page()))).toEqual(['harir', 'isis']);
    await updateSettings({ markImported: false });
    expect(topicsIn(await listen({ type: 'detect', id: 'b', text: 'قاعدة حرير و داعش', known: [] }, page()))).toEqual(['isis']);
    expect(await listen({ type: 'card', topic: 'harir', articleDate: null }, page())).toBeNull();
  });
});

describe('the background class', () => {
  it('compiles at start-up, before any page asks', async () => {
    const background = new Background(once(ready));
    const set = await background.matcherSet();
    expect(set.topics.has('sudani')).toBe(true);
    expect(set.skipped).toEqual([]);
  });
});

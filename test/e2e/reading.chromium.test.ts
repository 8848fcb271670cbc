/**
 * "The reading experience", end to end, with the production Chrome build in
 * Chromium (one browser for the file): hover and dwell, stepping through the
 * mentions from the keyboard command's path, the popup on the article's tab,
 * the site switch, options applied live, and the timeline page's deep link.
 *
 * Tests run in order on one article tab and each leaves the settings at their
 * defaults (afterEach), so any one failing does not cascade into the next.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './helpers/chromium';
import { CHROME_BUILD } from './helpers/paths';
import { corpus, playwrightDriver, until, waitForMarks, type Driver } from './helpers/scenario';
import { wordCentre } from './helpers/dom';
import { listedEvents, markWindow, mentionBox, windowMarked } from './helpers/reading-dom';
import {
  AUSTIN,
  COALITION,
  EXPECTED_COUNTS,
  NESTED,
  READING_HOST,
  READING_PATH,
  READING_PUBLISHED,
  readingArticleHtml,
  readingQuestions,
  SUDANI,
} from './helpers/reading-pages';
import {
  card,
  followScenario,
  hoverScenario,
  nestedHoverScenario,
  muteFromCard,
  rangesNaming,
  siyaqMarks,
  syntheticEventsScenario,
  waitForCard,
  waitForClosed,
  waitForMarksLike,
} from './helpers/reading-steps';
import { countAfter } from '../../components/event-time';
import { UNDO_MS } from '../../lib/page/undo';
import { formatDate, t, tn } from '../../lib/i18n';

const ARTICLE_URL = `https://${READING_HOST}${READING_PATH}`;

/** The slice of the chrome.* API the service-worker snippets use (typed here: the test process has no chrome types). */
interface ChromeApi {
  tabs: {
    query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  storage: { local: { remove(key: string): Promise<void> } };
}

const c = corpus();
const questions = readingQuestions();
const labelOf = (id: string): string => c.topics.find((tp) => tp.id === id)!.label.ar;
const eventsOf = (id: string): string[] => c.events.filter((e) => e.topics.includes(id)).map((e) => e.id);

describe('Chromium: the reading experience (production build)', () => {
  let session: ChromiumSession;
  let article: Page;
  let d: Driver;
  let tabId: number;

  /** The extension's service worker (a stopped one comes back as a new Worker). */
  const worker = async (): Promise<Worker> =>
    session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker', { timeout: 10_000 }));

  /** What the popup sends when the reader presses Enter on a topic of its "on this page" list. */
  const showTopic = async (topic: string): Promise<unknown> =>
    (await worker()).evaluate(
      ([id, t]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'show-topic', topic: t }),
      [tabId, topic] as const,
    );

  /** What the background does on the next-mention / previous-mention command, for this tab. */
  const step = async (direction: 1 | -1): Promise<unknown> =>
    (await worker()).evaluate(
      ([id, dir]) => (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.sendMessage(id, { type: 'step-mention', direction: dir }),
      [tabId, direction] as const,
    );

  beforeAll(async () => {
    session = await launchChromium({ pages: { [ARTICLE_URL]: readingArticleHtml() }, extensionDir: CHROME_BUILD });
    article = await session.open(ARTICLE_URL);
    d = playwrightDriver(article);
    await waitForMarks(d);
    // The background finds "the active tab" this way (relayCommand); without the tabs
    // permission a query by URL sees nothing, so bring the article to the front and
    // check by asking its content script for the page's URL.
    await article.bringToFront();
    const found = await (
      await worker()
    ).evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: ChromeApi };
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      if (tab?.id === undefined) return null;
      const summary = (await chrome.tabs.sendMessage(tab.id, { type: 'page-summary' })) as { url?: string } | undefined;
      return { id: tab.id, url: summary?.url ?? '' };
    });
    if (!found || found.url !== ARTICLE_URL) throw new Error(`the active tab is not the article: ${JSON.stringify(found)}`);
    const id = found.id;
    tabId = id;
  });

  afterEach(async () => {
    // Back to the default settings; the content script follows storage, so the tab does too.
    await (await worker()).evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.remove('settings'));
    await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 4 && !m['siyaq-mention-underline'], 'marks back to the defaults');
    for (const p of session.context.pages()) if (p !== article) await p.close();
    await article.bringToFront();
    await article.keyboard.press('Escape');
  });

  afterAll(async () => {
    await session?.close();
  });

  it('marks the first mention of each topic found in the article, and nothing else', async () => {
    const marks = await siyaqMarks(d);
    // Four topics, first mention each (the default); sudani's full name is the first of its three.
    expect(marks).toEqual({ 'siyaq-mention-tint': 4 });
    expect(await rangesNaming(d, 'siyaq-mention-tint', [SUDANI.phrase])).toBe(1);
    expect(session.pageErrors).toEqual([]);
  });

  it('opens the card after the dwell, keeps it open over the card, closes it after the grace period and on Escape, never taking focus', async () => {
    await article.bringToFront();
    await hoverScenario(d, AUSTIN, labelOf(AUSTIN.topic));
  });

  it('a name nested in a longer one: the popup lists ISIS, named only inside «التحالف الدولي لدحر داعش», and the pointer on «داعش» opens its card', async () => {
    const popup = await session.open(session.extensionUrl(`popup.html?tab=${tabId}`));
    const isis = popup.locator(`.page-topic[data-topic="${NESTED.topic}"]`);
    await isis.waitFor({ timeout: 10_000 });
    expect(await isis.locator('.page-topic-count').textContent()).toBe(tn('mentions', 1, 'ar'));
    await popup.close();
    // Named once, inside the coalition's mark: no band of its own.
    expect(await rangesNaming(d, 'siyaq-mention-tint', [NESTED.word])).toBe(1);
    await article.bringToFront();
    await nestedHoverScenario(d, { ...NESTED, label: labelOf(NESTED.topic) }, { word: COALITION.word, label: labelOf(COALITION.topic) });
    expect(session.pageErrors).toEqual([]);
  });

  it('steps through the marked mentions the way the keyboard commands do: scrolls, opens each card with focus, Tab reaches its buttons', async () => {
    // A fresh page: stepping continues from the last card opened (the hover test's),
    // and this test starts from the first mention.
    await article.bringToFront();
    await article.reload({ waitUntil: 'load' });
    await waitForMarks(d);
    await article.evaluate(() => window.scrollTo(0, 0));
    const first = await d.evaluate(mentionBox, { highlight: 'siyaq-mention-tint', includes: SUDANI.phrase });
    expect(first?.inView, 'the first mention should start below the fold').toBe(false);

    expect(await step(1)).toEqual({ ok: true });
    const s1 = await waitForCard(d, 'no card after the first step', 5_000, labelOf(SUDANI.topic));
    // The keyboard path focuses the card's dialog (its host, seen from the page), so Tab goes into it.
    expect(s1.pageFocus).toBe('siyaq-card');
    expect(s1.cardFocus).toBe('section[role=dialog]');
    await until(
      async () => (await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.inView,
      3_000,
      'the first mention was not scrolled into view',
    );
    expect((await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.text).toBe(SUDANI.phrase);
    await article.keyboard.press('Tab');
    expect((await card(d)).cardFocus).toBe('button');

    // The next mention in the article is another topic's: the coalition, in the same paragraph.
    expect(await step(1)).toEqual({ ok: true });
    const s2 = await waitForCard(d, 'the second step did not move to the coalition', 5_000, labelOf(COALITION.topic));
    expect(s2.cardFocus).toBe('section[role=dialog]');
    expect((await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.text).toContain(COALITION.phrase);

    // The third is far below: the page must scroll to it.
    const before = await article.evaluate(() => window.scrollY);
    expect(await step(1)).toEqual({ ok: true });
    await waitForCard(d, 'the third step did not move to Austin', 5_000, labelOf(AUSTIN.topic));
    await until(
      async () => (await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.inView,
      3_000,
      'Austin was not scrolled into view',
    );
    expect(await article.evaluate(() => window.scrollY)).toBeGreaterThan(before);

    // And back.
    expect(await step(-1)).toEqual({ ok: true });
    await waitForCard(d, 'stepping back did not return to the coalition', 5_000, labelOf(COALITION.topic));
    await article.keyboard.press('Escape');
    await waitForClosed(d, 'Escape did not close a card opened from the keyboard');
  });

  it("shows a topic from the popup's list: scrolls to its first mark and opens its card with focus, announced by its label", async () => {
    await article.bringToFront();
    await article.evaluate(() => window.scrollTo(0, 0));
    expect(await showTopic(AUSTIN.topic)).toEqual({ ok: true });
    const s = await waitForCard(d, 'no card after show-topic', 5_000, labelOf(AUSTIN.topic));
    expect(s.cardFocus).toBe('section[role=dialog]');
    await until(
      async () => (await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.inView,
      3_000,
      'Austin was not scrolled into view',
    );
    expect((await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.text).toBe(AUSTIN.phrase);
    // What a screen reader is told: the focused node of the accessibility tree is the card's dialog, named by its label.
    const cdp = await session.context.newCDPSession(article);
    try {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { role?: { value?: string }; name?: { value?: string }; properties?: { name: string; value: { value?: unknown } }[] }[];
      };
      const focused = nodes.filter((n) => n.properties?.some((p) => p.name === 'focused' && p.value.value === true));
      expect(focused.map((n) => [n.role?.value, n.name?.value])).toContainEqual([
        'dialog',
        t('cardLabel', 'ar', { label: labelOf(AUSTIN.topic) }),
      ]);
    } finally {
      await cdp.detach();
    }
    expect(await showTopic('not-a-topic-on-this-page')).toEqual({ ok: false });
    await article.keyboard.press('Escape');
    await waitForClosed(d, 'Escape did not close a card opened from the popup');
  });

  it('closes a card whose mark scrolls out of view, instead of following it off-screen', async () => {
    await article.bringToFront();
    await followScenario(d, COALITION, labelOf(COALITION.topic));
  });

  it("ignores a page's synthetic pointer and key events: only the reader opens and closes cards", async () => {
    await article.bringToFront();
    await syntheticEventsScenario(d, AUSTIN, labelOf(AUSTIN.topic));
  });

  it('popup opened for the article tab (?tab=): topics with counts, the date and «events since», search, topic chips', async () => {
    const popup = await session.open(session.extensionUrl(`popup.html?tab=${tabId}`));
    await popup.locator('.page-topic').first().waitFor({ timeout: 10_000 });

    const listed = await popup.$$eval('.page-topic', (els) =>
      els.map((el) => [el.getAttribute('data-topic') ?? '', el.querySelector('.page-topic-count')?.textContent ?? '']),
    );
    expect(Object.fromEntries(listed)).toEqual(
      Object.fromEntries(Object.entries(EXPECTED_COUNTS).map(([id, n]) => [id, tn('mentions', n, 'ar')])),
    );
    const labels = await popup.$$eval('.page-topic-label', (els) => els.map((el) => el.textContent));
    expect(labels).toEqual(listed.map(([id]) => labelOf(id!)));

    const pageTopics = Object.keys(EXPECTED_COUNTS);
    const pageEvents = c.events.filter((e) => e.topics.some((id) => pageTopics.includes(id)));
    const since = countAfter(pageEvents, READING_PUBLISHED);
    expect(since).toBeGreaterThan(0);
    const marker = (await popup.locator('.marker').textContent()) ?? '';
    expect(marker).toContain(t('readingFrom', 'ar', { date: formatDate(READING_PUBLISHED, 'ar') }));
    expect(marker).toContain(tn('eventsSince', since, 'ar'));

    // The timeline is scoped to the page's topics.
    await popup.locator('[data-event-id]').first().waitFor();
    const scoped = await popup.evaluate(listedEvents);
    expect(new Set(scoped)).toEqual(new Set(pageEvents.map((e) => e.id)));

    // Search forgives the spelling: «رومانوسكي» finds Romanowski («رومانوفسكي»).
    await popup.locator('.tl-search').fill('رومانوسكي');
    const found = await until(
      async () => {
        const ids = await popup.evaluate(listedEvents);
        return ids.length < scoped.length ? ids : null;
      },
      5_000,
      'search did not filter the list',
    );
    for (const id of eventsOf('alina-romanowski')) expect(found).toContain(id);
    for (const id of found) {
      const e = c.events.find((ev) => ev.id === id)!;
      expect(e.topics.includes('alina-romanowski') || JSON.stringify(e).includes('رومانو'), `${id} does not concern Romanowski`).toBe(true);
    }

    // A topic chip filters to that topic's events.
    await popup.locator('.tl-search').fill('');
    await popup.locator(`.tl-chips .chip[data-topic="${AUSTIN.topic}"]`).click();
    await expectListed(popup, eventsOf(AUSTIN.topic));
    expect(await popup.locator(`.tl-chips .chip[data-topic="${AUSTIN.topic}"]`).getAttribute('aria-pressed')).toBe('true');
    expect(session.pageErrors).toEqual([]);
  });

  it('Enter on a topic in the popup\'s "on this page" list scrolls the article to its mention and opens its card with focus', async () => {
    await article.evaluate(() => window.scrollTo(0, 0));
    const first = await d.evaluate(mentionBox, { highlight: 'siyaq-mention-tint', includes: AUSTIN.phrase });
    expect(first?.inView, "Austin's mention should start below the fold").toBe(false);
    const popup = await session.open(session.extensionUrl(`popup.html?tab=${tabId}`));
    const topic = popup.locator(`.page-topic[data-topic="${AUSTIN.topic}"]`);
    await topic.waitFor({ timeout: 10_000 });
    // The shortcuts are named, as the browser has them.
    expect(await popup.locator('.keyboard-help kbd').allTextContents()).toEqual(['Alt+Shift+J', 'Alt+Shift+K']);
    await topic.focus();
    // The popup closes itself once the tab has answered, so the page has the keyboard;
    // the key's release may find it gone already.
    const closed = popup.waitForEvent('close', { timeout: 10_000 });
    await popup.keyboard.press('Enter').catch(() => undefined);
    await closed;
    const opened = await waitForCard(d, 'Enter in the popup opened no card in the article', 5_000, labelOf(AUSTIN.topic));
    expect(opened.pageFocus).toBe('siyaq-card');
    expect(opened.cardFocus).toBe('section[role=dialog]');
    await until(
      async () => (await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.inView,
      3_000,
      'the mention was not scrolled into view',
    );
    expect((await d.evaluate(mentionBox, { highlight: 'siyaq-mention-active' }))?.text).toContain(AUSTIN.word);
    expect(session.pageErrors).toEqual([]);
  });

  it('the popup switch turns Siyaq off and on for the site: marks leave and come back without a reload', async () => {
    await article.evaluate(markWindow);
    const popup = await session.open(session.extensionUrl(`popup.html?tab=${tabId}`));
    const toggle = popup.locator('button[role="switch"]');
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    // The switch names the outlet's site (lib/sites.ts: its host without www.).
    expect(await toggle.textContent()).toContain('aljazeera.net');

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('false');
    // Read from the page's main world: the registry is the page's, and Siyaq's entries are gone from it.
    await waitForMarksLike(d, (m) => Object.keys(m).length === 0, 'the marks stayed after turning the site off', 3_000);
    expect(await article.evaluate(() => document.querySelector('siyaq-card'))).toBeNull();

    await toggle.click();
    await expect.poll(() => toggle.getAttribute('aria-checked')).toBe('true');
    await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 4, 'the marks did not come back after turning the site on', 10_000);
    expect(await article.evaluate(windowMarked), 'the article was reloaded').toBe(true);
  });

  it('options apply live to the open article: all mentions, mark style, muting and unmuting a topic', async () => {
    await article.evaluate(markWindow);
    const options = await session.open(session.extensionUrl('options.html'));
    await options.locator('input[name="markAll"]').first().waitFor();

    // Every mention: the repeated names are marked too (3 + 2 + 2 + 1).
    await options.locator('input[name="markAll"]').nth(1).check();
    await waitForMarksLike(d, (m) => m['siyaq-mention-tint'] === 8, '"all mentions" did not reach the open tab');

    // The other style: the same ranges under the other highlight name.
    await options.locator('input[name="markStyle"]').nth(1).check();
    await waitForMarksLike(
      d,
      (m) => m['siyaq-mention-underline'] === 8 && !('siyaq-mention-tint' in m),
      'the mark style did not change in the open tab',
    );

    // Muting: the card's button does it; its ranges leave the page and the options page lists it.
    await article.bringToFront();
    const austinNames = ['أوستن'];
    expect(await rangesNaming(d, 'siyaq-mention-underline', austinNames)).toBe(2);
    await hoverAndOpen(d, AUSTIN, labelOf(AUSTIN.topic));
    await muteFromCard(d);
    await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 6, "muting did not remove the topic's ranges", UNDO_MS + 5_000);
    expect(await rangesNaming(d, 'siyaq-mention-underline', austinNames)).toBe(0);
    await waitForClosed(d, "the muted topic's card stayed open");

    // Unmuting from the options page brings them back.
    const unmute = options.locator('button', { hasText: t('unmute', 'ar', { label: labelOf(AUSTIN.topic) }) });
    await unmute.waitFor({ timeout: 5_000 });
    await unmute.click();
    await waitForMarksLike(d, (m) => m['siyaq-mention-underline'] === 8, 'unmuting did not bring the ranges back');
    expect(await article.evaluate(windowMarked), 'the article was reloaded').toBe(true);
  });

  it("timeline.html#topic=sudani shows sudani's events, and the answers to «when will coalition forces leave Iraq?»", async () => {
    const page = await session.open(session.extensionUrl('timeline.html#topic=sudani'));
    await page.locator('[data-event-id]').first().waitFor({ timeout: 10_000 });
    await expectListed(page, eventsOf('sudani'));
    expect(await page.locator('.page-title').textContent()).toContain(labelOf('sudani'));

    const question = questions.find((q) => q.id === 'when-coalition-leaves-iraq')!;
    const q = page.locator('[data-question-id="when-coalition-leaves-iraq"]');
    expect(await q.locator('.question-title').textContent()).toBe(question.question.ar);
    const answers = await q.locator('[data-answer-id]').evaluateAll((els) => els.map((el) => el.getAttribute('data-answer-id')));
    expect(new Set(answers)).toEqual(new Set(question.answers.map((a) => a.id)));
    expect(answers).toHaveLength(question.answers.length);
    expect(session.pageErrors).toEqual([]);
  });
});

async function expectListed(page: Page, ids: string[]): Promise<void> {
  await expect.poll(async () => new Set(await page.evaluate(listedEvents)), { timeout: 5_000 }).toEqual(new Set(ids));
}

/** Hovers a mention and waits for its card. */
async function hoverAndOpen(d: Driver, mention: { phrase: string; word: string }, label: string): Promise<void> {
  const p = await d.evaluate(wordCentre, { within: 'article', phrase: mention.phrase, word: mention.word });
  if (!p) throw new Error(`«${mention.phrase}» not found`);
  await d.move(p.x, p.y);
  await waitForCard(d, `no card on hovering «${mention.word}»`, 5_000, label);
}

// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData, FoundMention, MatcherTopic } from '../../lib/messages';
import { PageController, type DisplaySettings } from '../../lib/page/controller';
import { compileMatcher } from '../../lib/detect/matcher';
import { findMentions } from '../../lib/detect/detect';
import type { DetectText } from '../../lib/page/scanner';

/** The detector as the content script reaches it: the background's, its answer sent as JSON. */
function viaBackground(topics: MatcherTopic[]): DetectText {
  const matcher = compileMatcher(topics);
  return async (text, known) => JSON.parse(JSON.stringify(findMentions(text, matcher, known))) as FoundMention[];
}
import { HIGHLIGHT_NAMES } from '../../lib/page/marks';
import { createCardHost } from '../../entrypoints/content/card-host';
import { detectPublished } from '../../lib/dates/published';

// happy-dom has no CSS Custom Highlight API: a registry with the same surface
// stands in for it here; the real one is exercised in the browser e2e tests.
class TestHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}
const registry = new Map<string, TestHighlight>();
const testWindow = window as unknown as Window & typeof globalThis;
Object.assign(testWindow, { Highlight: TestHighlight });
// happy-dom's window.CSS is a getter that returns a new object on each read: pin one.
Object.defineProperty(testWindow, 'CSS', { value: Object.assign(testWindow.CSS, { highlights: registry }), configurable: true });

const TOPICS: MatcherTopic[] = [
  { id: 'sudani', aliases: ['محمد شياع السوداني', 'السوداني'] },
  { id: 'isis', aliases: ['داعش'] },
];

const CARD: CardData = {
  topic: {
    id: 'sudani',
    kind: 'person',
    label: { ar: 'محمد شياع السوداني', en: 'Mohammed Shia al-Sudani' },
    description: { ar: 'رئيس وزراء العراق.', en: 'Prime Minister of Iraq.' },
    related: [],
  },
  events: [],
  totalEvents: 0,
};

const settings: DisplaySettings = { markStyle: 'underline', markAll: false, dwellMs: 50, mutedTopics: [] };

function page(): void {
  document.documentElement.lang = 'ar';
  document.body.innerHTML = `
    <nav><a href="/">داعش في القائمة</a></nav>
    <article>
      <h1>العراق والتحالف</h1>
      <p>قال رئيس الوزراء <b>محمد شياع</b> السوداني إن خطر داعش تراجع في العراق.</p>
      <p>وأضاف السوداني أن بغداد تريد علاقة ثنائية، وأن فلول داعش ما زالت في الصحراء.</p>
    </article>`;
}

const idle = () => new Promise((r) => setTimeout(r, 400));

/** A controller that reads and marks every mention, for tests that never open a card. */
function markingController(topics: MatcherTopic[] | DetectText, signal: AbortSignal): PageController {
  return new PageController({
    win: testWindow,
    signal,
    settings: { ...settings, markAll: true },
    isAlive: () => true,
    detectText: typeof topics === 'function' ? topics : viaBackground(topics),
    fetchCard: async () => null,
    loadUi: () => Promise.reject(new Error('no card in this test')),
  });
}

describe('PageController', () => {
  let stop: AbortController;
  let cardRequests: string[];
  let uiLoads: number;
  let controller: PageController;

  beforeEach(async () => {
    page();
    registry.clear();
    stop = new AbortController();
    cardRequests = [];
    uiLoads = 0;
    controller = new PageController({
      win: testWindow,
      signal: stop.signal,
      settings: { ...settings },
      isAlive: () => true,
      detectText: viaBackground(TOPICS),
      fetchCard: async (topic) => {
        cardRequests.push(topic);
        return CARD;
      },
      loadUi: async () => {
        uiLoads++;
        return {
          detectPublished,
          createCard: () =>
            createCardHost(document, 'ar', {
              onClose: () => controller.close(),
              onOpenTimeline: () => {},
              onMute: () => {},
              onDisableSite: () => {},
            }),
        };
      },
    });
    await controller.start();
  });

  afterEach(() => stop.abort());

  const painted = () => [...(registry.get(HIGHLIGHT_NAMES.underline) ?? [])].map((r) => r.toString());

  it('marks the first mention of each topic in the article, not in the navigation', async () => {
    expect(painted()).toEqual(['محمد شياع السوداني', 'داعش']);
    // Marking never loads the card's code: most pages are read without a hover.
    expect(uiLoads).toBe(0);
    expect((await controller.summary()).topics).toEqual([
      { id: 'sudani', count: 2 },
      { id: 'isis', count: 2 },
    ]);
  });

  it('applies settings at once: all mentions, another style, muted topics', () => {
    controller.updateSettings({ ...settings, markAll: true });
    expect(painted()).toEqual(['محمد شياع السوداني', 'داعش', 'السوداني', 'داعش']);
    controller.updateSettings({ ...settings, markAll: true, markStyle: 'tint', mutedTopics: ['isis'] });
    expect(registry.has(HIGHLIGHT_NAMES.underline)).toBe(false);
    expect([...registry.get(HIGHLIGHT_NAMES.tint)!].map((r) => r.toString())).toEqual(['محمد شياع السوداني', 'السوداني']);
  });

  it('reads text the page adds later, and forgets text it removes', async () => {
    const p = document.createElement('p');
    p.textContent = 'وفي سوريا قاتل التحالف تنظيم داعش طويلاً.';
    document.querySelector('article')!.append(p);
    await idle();
    expect((await controller.summary()).topics.find((t) => t.id === 'isis')?.count).toBe(3);

    const second = document.querySelectorAll('article p')[1]!;
    second.firstChild!.textContent = 'وأضاف المتحدث أن بغداد تريد علاقة ثنائية.';
    await idle();
    expect((await controller.summary()).topics).toEqual([
      { id: 'isis', count: 2 },
      { id: 'sudani', count: 1 },
    ]);
  });

  it('reads the next article that infinite scroll appends, but not widgets added around it', async () => {
    const next = document.createElement('article');
    next.innerHTML = '<h1>قصة تالية</h1><p>أعلن التحالف أن فلول داعش تراجعت، وقال السوداني إن بغداد مستعدة.</p>';
    document.body.append(next);
    const widget = document.createElement('div');
    widget.textContent = 'الأكثر قراءة: داعش، السوداني';
    document.body.append(widget);
    await idle();
    expect((await controller.summary()).topics).toEqual([
      { id: 'sudani', count: 3 },
      { id: 'isis', count: 3 },
    ]);
  });

  it('finds the article again when client-side navigation replaces it', async () => {
    document.querySelector('article')!.remove();
    const replacement = document.createElement('article');
    replacement.innerHTML = '<h1>خبر جديد</h1><p>تنظيم داعش يتبنى هجوماً جديداً في الصحراء.</p>';
    document.body.append(replacement);
    await idle();
    expect((await controller.summary()).topics).toEqual([{ id: 'isis', count: 1 }]);
    expect(painted()).toEqual(['داعش']);
  });

  it('reads a long article that client-side navigation swaps in, in batches, to its last paragraph', async () => {
    document.querySelector('article')!.remove();
    const filler = '<p>' + 'حديث عام عن الطقس والزراعة والأسواق في المدن الكبيرة. '.repeat(40) + '</p>';
    const replacement = document.createElement('article');
    // About 90 K characters: more than one batch sent to the background.
    replacement.innerHTML = `<h1>خبر طويل</h1><p>تنظيم داعش يتبنى هجوماً.</p>${filler.repeat(40)}<p>وقال محمد شياع السوداني إن الرد سيأتي.</p>`;
    document.body.append(replacement);
    await idle();
    expect((await controller.summary()).topics).toEqual([
      { id: 'isis', count: 1 },
      { id: 'sudani', count: 1 },
    ]);
  });

  it('keeps mentions in document order when text is inserted above them', async () => {
    const p = document.createElement('p');
    p.textContent = 'تقرير: تنظيم داعش يخسر آخر معاقله.';
    document.querySelector('article h1')!.after(p);
    await idle();
    controller.updateSettings({ ...settings, markAll: true });
    expect(painted()).toEqual(['داعش', 'محمد شياع السوداني', 'داعش', 'السوداني', 'داعش']);
  });

  it('opens the card from the keyboard in a closed shadow root, and Escape closes it', async () => {
    // The root is closed: the test keeps the one the card host attaches.
    const attach = vi.spyOn(Element.prototype, 'attachShadow');
    expect(controller.step(1)).toBe(true);
    await idle();
    const host = document.querySelector('siyaq-card')!;
    const root = attach.mock.results[0]!.value as ShadowRoot;
    attach.mockRestore();
    expect(host.shadowRoot).toBeNull();
    expect(root.textContent).toContain('محمد شياع السوداني');
    expect(cardRequests).toEqual(['sudani']);
    expect(uiLoads).toBe(1);
    expect(registry.get(HIGHLIGHT_NAMES.active)?.size).toBe(1);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(root.textContent).not.toContain('رئيس وزراء العراق');
    expect(registry.has(HIGHLIGHT_NAMES.active)).toBe(false);
  });

  it('leaves nothing behind when stopped', async () => {
    controller.step(1);
    await idle();
    stop.abort();
    expect(registry.size).toBe(0);
    expect(document.querySelector('siyaq-card')).toBeNull();
    const p = document.createElement('p');
    p.textContent = 'السوداني يلتقي وفداً من التحالف.';
    document.querySelector('article')!.append(p);
    await idle();
    expect(registry.size).toBe(0);
  });

  it('takes over from an earlier Siyaq that could not clean up: its card host and its highlights go', async () => {
    stop.abort();
    page();
    const leftover = document.createElement('siyaq-card');
    leftover.setAttribute('data-siyaq-ui', '');
    document.body.append(leftover);
    registry.set(HIGHLIGHT_NAMES.active, new TestHighlight(document.createRange()));
    const other = new AbortController();
    await markingController(TOPICS, other.signal).start();
    expect(document.querySelector('[data-siyaq-ui]')).toBeNull();
    expect(registry.has(HIGHLIGHT_NAMES.active)).toBe(false);
    expect(registry.size).toBe(1);
    other.abort();
  });

  it('does nothing on a page that is not Arabic', async () => {
    stop.abort();
    document.documentElement.lang = 'en';
    document.body.innerHTML = '<article><p>The coalition fought ISIS in Iraq and Syria for a decade.</p></article>';
    const other = new AbortController();
    let asked = false;
    const c = new PageController({
      win: testWindow,
      signal: other.signal,
      settings,
      isAlive: () => true,
      detectText: async (text, known) => {
        asked = true;
        return viaBackground(TOPICS)(text, known);
      },
      fetchCard: async () => null,
      loadUi: () => Promise.reject(new Error('no card on a non-Arabic page')),
    });
    await c.start();
    expect(asked).toBe(false);
    expect((await c.summary()).arabic).toBe(false);
    other.abort();
  });
});

describe('PageScanner across chunks', () => {
  it('lets only unambiguous finds vouch for a topic in later chunks', async () => {
    const topics: MatcherTopic[] = [
      {
        id: 'sudani',
        aliases: ['محمد شياع السوداني', 'السوداني'],
        rules: [{ alias: 'السوداني', requireCue: ['العراقي', 'بغداد'], window: 100 }],
      },
    ];
    const filler = '<p>' + 'حديث عام عن الطقس والزراعة والأسواق في المدن الكبيرة. '.repeat(40) + '</p>';
    document.documentElement.lang = 'ar';
    document.body.innerHTML = `<article>
      <p>قال رئيس الوزراء العراقي السوداني إن الحكومة ماضية في خطتها.</p>
      ${filler.repeat(40)}
      <p>وفي مقابلة أخرى تحدث السوداني عن الزراعة.</p>
    </article>`;
    registry.clear();
    const stop = new AbortController();
    const c = markingController(topics, stop.signal);
    await c.start();
    // The first, cued «السوداني» is found; the far one, with no cue, stays unmarked
    // even though the article is read in several chunks.
    expect((await c.summary()).topics).toEqual([{ id: 'sudani', count: 1 }]);
    stop.abort();
  });

  it('paints a long article as it reads it, the first marks before the read is over', async () => {
    const filler = '<p>' + 'حديث عام عن الطقس والزراعة والأسواق في المدن الكبيرة. '.repeat(40) + '</p>';
    document.documentElement.lang = 'ar';
    document.body.innerHTML = `<article><p>قال محمد شياع السوداني إن داعش تراجع.</p>${filler.repeat(40)}<p>وعاد داعش.</p></article>`;
    registry.clear();
    const painted: number[] = [];
    const set = registry.set.bind(registry);
    registry.set = (name, highlight) => {
      painted.push(highlight.size);
      return set(name, highlight);
    };
    // Each reading of the clock is 300 ms after the last: every pause between slices paints.
    let clock = 0;
    const now = vi.spyOn(testWindow.performance, 'now').mockImplementation(() => (clock += 300));
    const stop = new AbortController();
    try {
      const c = markingController(TOPICS, stop.signal);
      await c.start();
      expect(painted.length).toBeGreaterThan(1);
      // The first paint had the first paragraph's marks; the last has the far «داعش» too.
      expect(painted[0]).toBe(2);
      expect(painted.at(-1)).toBe(3);
    } finally {
      now.mockRestore();
      registry.set = set;
      stop.abort();
    }
  });

  it('drops mentions whose text the page changed while the background read it, and reads that paragraph again', async () => {
    document.documentElement.lang = 'ar';
    document.body.innerHTML = '<article><p id="a">قال محمد شياع السوداني إن داعش تراجع.</p><p>وعاد داعش إلى الصحراء.</p></article>';
    registry.clear();
    const background = viaBackground(TOPICS);
    let asked = 0;
    const detectText: DetectText = async (text, known) => {
      const answer = await background(text, known);
      // The page re-renders the first paragraph while the first answer is on its way.
      if (asked++ === 0) document.getElementById('a')!.firstChild!.textContent = 'قال رئيس الوزراء إن خطر داعش تراجع كثيرا.';
      return answer;
    };
    const stop = new AbortController();
    const c = markingController(detectText, stop.signal);
    await c.start();
    await idle();
    expect(asked).toBe(2);
    expect((await c.summary()).topics).toEqual([{ id: 'isis', count: 2 }]);
    const marked = [...registry.values()].flatMap((h) => [...h].map((r) => r.toString()));
    expect(marked).toEqual(['داعش', 'داعش']);
    stop.abort();
  });

  it('yields by timers in a visible tab, and by messages in a hidden one, whose timers the browser throttles', async () => {
    const filler = '<p>' + 'حديث عام عن الطقس والزراعة والأسواق في المدن الكبيرة. '.repeat(40) + '</p>';
    const zeroTimers = async (visibility: 'visible' | 'hidden'): Promise<number> => {
      document.documentElement.lang = 'ar';
      document.body.innerHTML = `<article><p>قال محمد شياع السوداني إن داعش تراجع.</p>${filler.repeat(10)}<p>وعاد داعش.</p></article>`;
      registry.clear();
      const state = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue(visibility);
      // Each reading of the clock is 300 ms after the last: every step ends a slice.
      let clock = 0;
      const now = vi.spyOn(testWindow.performance, 'now').mockImplementation(() => (clock += 300));
      const timers = vi.spyOn(testWindow, 'setTimeout');
      const stop = new AbortController();
      try {
        await markingController(TOPICS, stop.signal).start();
        expect([...registry.values()].reduce((n, h) => n + h.size, 0)).toBe(3);
        return timers.mock.calls.filter(([, delay]) => !delay).length;
      } finally {
        timers.mockRestore();
        now.mockRestore();
        state.mockRestore();
        stop.abort();
      }
    };
    expect(await zeroTimers('visible')).toBeGreaterThan(3);
    expect(await zeroTimers('hidden')).toBe(0);
  });
});

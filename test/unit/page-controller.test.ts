// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardData, FoundMention, MatcherTopic } from '../../lib/messages';
import { PageController, type DisplaySettings } from '../../lib/page/controller';
import { CLOSE_GRACE_MS } from '../../lib/page/hover';
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
// The card's shadow root is closed (ADR 0008): the test keeps each root the card host attaches.
const shadowRoots = new WeakMap<Element, ShadowRoot>();
const attachShadow = Element.prototype.attachShadow;
Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit): ShadowRoot {
  const root = attachShadow.call(this, init);
  shadowRoots.set(this, root);
  return root;
};
const shadowOf = (host: Element | null): ShadowRoot | null => (host ? (shadowRoots.get(host) ?? null) : null);
const testWindow = window;
Object.assign(testWindow, { Highlight: TestHighlight });
// happy-dom's window.CSS is a getter that returns a new object on each read: pin one.
Object.defineProperty(testWindow, 'CSS', { value: Object.assign(testWindow.CSS, { highlights: registry }), configurable: true });

// happy-dom has no requestIdleCallback: the page's idle time comes when a test says so.
const idleTasks = new Map<number, IdleRequestCallback>();
let idleIds = 0;
Object.assign(testWindow, {
  requestIdleCallback: (task: IdleRequestCallback): number => {
    idleTasks.set(++idleIds, task);
    return idleIds;
  },
  cancelIdleCallback: (id: number): void => void idleTasks.delete(id),
});

/**
 * The page falls idle until Siyaq has nothing left to do: mutation records are
 * delivered, idle tasks run, and the reads they start run to the end (on fake timers).
 */
async function pageIdle(): Promise<void> {
  await vi.runAllTimersAsync();
  for (let round = 0; idleTasks.size > 0; round++) {
    if (round === 20) throw new Error('Siyaq never stopped asking for idle time');
    const tasks = [...idleTasks.values()];
    idleTasks.clear();
    for (const task of tasks) task({ didTimeout: false, timeRemaining: () => 50 });
    await vi.runAllTimersAsync();
  }
}

/** Timers Siyaq uses, faked: tests move time on instead of sleeping. */
const FAKED = ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] as const;

/** Runs `work` to the end on fake timers, without giving the page idle time. */
async function settle<T>(work: Promise<T>): Promise<T> {
  await vi.runAllTimersAsync();
  return work;
}

/** An event as the browser makes it for the reader's own input (happy-dom's are untrusted, like a page's). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const TOPICS: MatcherTopic[] = [
  { id: 'sudani', aliases: ['محمد شياع السوداني', 'السوداني'] },
  { id: 'isis', aliases: ['داعش'] },
];

const LABELS: Record<string, string> = { sudani: 'محمد شياع السوداني', isis: 'تنظيم داعش', coalition: 'التحالف الدولي' };

/** The card the background would send for a topic (no events: the card's own tests cover them). */
function cardOf(topic: string): CardData {
  return {
    topic: {
      id: topic,
      kind: topic === 'sudani' ? 'person' : 'organization',
      label: { ar: LABELS[topic]!, en: topic },
      description: { ar: `وصف ${LABELS[topic]!}.`, en: `About ${topic}.` },
      related: [],
    },
    events: [],
    totalEvents: 0,
  };
}

/** How long the reader UI takes to load and parse (on fake timers): the cost a first card must not wait for. */
const UI_LOAD_MS = 300;

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
  /** What ControllerDeps.isAlive answers: false once the extension is gone from under the page. */
  let alive: boolean;
  let controller: PageController;

  /** Starts the controller under test on the page as it is, with a card that opens. */
  async function build(topics: MatcherTopic[]): Promise<void> {
    stop = new AbortController();
    cardRequests = [];
    uiLoads = 0;
    alive = true;
    controller = new PageController({
      win: testWindow,
      signal: stop.signal,
      settings: { ...settings },
      isAlive: () => alive,
      detectText: viaBackground(topics),
      fetchCard: async (topic) => {
        cardRequests.push(topic);
        return cardOf(topic);
      },
      loadUi: async () => {
        uiLoads++;
        await new Promise((resolve) => setTimeout(resolve, UI_LOAD_MS));
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
    await settle(controller.start());
  }

  beforeEach(async () => {
    page();
    registry.clear();
    idleTasks.clear();
    vi.useFakeTimers({ toFake: [...FAKED] });
    await build(TOPICS);
  });

  afterEach(() => {
    stop.abort();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  const painted = () => [...(registry.get(HIGHLIGHT_NAMES.underline) ?? [])].map((r) => r.toString());
  const active = () => [...(registry.get(HIGHLIGHT_NAMES.active) ?? [])].map((r) => r.toString());
  /** The open card's dialog, or null when no card is open. */
  const dialog = () => shadowOf(document.querySelector('siyaq-card'))?.querySelector<HTMLElement>('[role="dialog"]') ?? null;
  const focused = () => shadowOf(document.querySelector('siyaq-card'))?.activeElement ?? null;

  it('marks the first mention of each topic in the article, not in the navigation', async () => {
    expect(painted()).toEqual(['محمد شياع السوداني', 'داعش']);
    // Marking never loads the card's code on the page's busy thread: it waits for idle time.
    expect(uiLoads).toBe(0);
    expect(idleTasks.size).toBe(1);
    expect((await settle(controller.summary())).topics).toEqual([
      { id: 'sudani', count: 2 },
      { id: 'isis', count: 2 },
    ]);
  });

  it('loads the reader UI once the page is idle after the first marks, so the first card waits for no code', async () => {
    await pageIdle();
    expect(uiLoads).toBe(1);
    controller.step(1);
    // Only the card's answer (a resolved promise here) stands between the step and the card.
    await vi.advanceTimersByTimeAsync(0);
    expect(dialog()?.getAttribute('aria-label')).toBe('سياق: محمد شياع السوداني');
    expect(uiLoads).toBe(1);
  });

  it('loads no reader UI once the extension is gone from under the page (its old files are refused)', async () => {
    alive = false;
    await pageIdle();
    expect(uiLoads).toBe(0);
    expect(await settle(controller.articleDate())).toBeNull();
  });

  it('loads no reader UI on an article with nothing to mark', async () => {
    stop.abort();
    document.body.innerHTML = '<article><h1>الطقس</h1><p>أمطار غزيرة على الساحل الشمالي هذا الأسبوع، ورياح قوية في الجبال.</p></article>';
    const other = new AbortController();
    let loads = 0;
    const c = new PageController({
      win: testWindow,
      signal: other.signal,
      settings,
      isAlive: () => true,
      detectText: viaBackground(TOPICS),
      fetchCard: async () => null,
      loadUi: () => {
        loads++;
        return Promise.reject(new Error('nothing to show'));
      },
    });
    await settle(c.start());
    await pageIdle();
    expect(loads).toBe(0);
    expect((await c.summary()).topics).toEqual([]);
    other.abort();
  });

  it('applies settings at once: all mentions, another style, muted topics', () => {
    controller.updateSettings({ ...settings, markAll: true });
    expect(painted()).toEqual(['محمد شياع السوداني', 'داعش', 'السوداني', 'داعش']);
    controller.updateSettings({ ...settings, markAll: true, markStyle: 'tint', mutedTopics: ['isis'] });
    expect(registry.has(HIGHLIGHT_NAMES.underline)).toBe(false);
    expect([...registry.get(HIGHLIGHT_NAMES.tint)!].map((r) => r.toString())).toEqual(['محمد شياع السوداني', 'السوداني']);
  });

  it('closes an open card when the reader mutes its topic', async () => {
    controller.step(1);
    await vi.runAllTimersAsync();
    expect(dialog()).not.toBeNull();
    controller.updateSettings({ ...settings, mutedTopics: ['sudani'] });
    expect(dialog()).toBeNull();
    expect(registry.has(HIGHLIGHT_NAMES.active)).toBe(false);
  });

  it('reads text the page adds later, and forgets text it removes', async () => {
    const p = document.createElement('p');
    p.textContent = 'وفي سوريا قاتل التحالف تنظيم داعش طويلاً.';
    document.querySelector('article')!.append(p);
    await pageIdle();
    expect((await settle(controller.summary())).topics.find((t) => t.id === 'isis')?.count).toBe(3);

    const second = document.querySelectorAll('article p')[1]!;
    second.firstChild!.textContent = 'وأضاف المتحدث أن بغداد تريد علاقة ثنائية.';
    await pageIdle();
    expect((await settle(controller.summary())).topics).toEqual([
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
    await pageIdle();
    expect((await settle(controller.summary())).topics).toEqual([
      { id: 'sudani', count: 3 },
      { id: 'isis', count: 3 },
    ]);
  });

  it('finds the article again when client-side navigation replaces it', async () => {
    document.querySelector('article')!.remove();
    const replacement = document.createElement('article');
    replacement.innerHTML = '<h1>خبر جديد</h1><p>تنظيم داعش يتبنى هجوماً جديداً في الصحراء.</p>';
    document.body.append(replacement);
    await pageIdle();
    expect((await settle(controller.summary())).topics).toEqual([{ id: 'isis', count: 1 }]);
    expect(painted()).toEqual(['داعش']);
  });

  it('reads a long article that client-side navigation swaps in, in batches, to its last paragraph', async () => {
    document.querySelector('article')!.remove();
    const filler = '<p>' + 'حديث عام عن الطقس والزراعة والأسواق في المدن الكبيرة. '.repeat(40) + '</p>';
    const replacement = document.createElement('article');
    // About 90 K characters: more than one batch sent to the background.
    replacement.innerHTML = `<h1>خبر طويل</h1><p>تنظيم داعش يتبنى هجوماً.</p>${filler.repeat(40)}<p>وقال محمد شياع السوداني إن الرد سيأتي.</p>`;
    document.body.append(replacement);
    await pageIdle();
    expect((await settle(controller.summary())).topics).toEqual([
      { id: 'isis', count: 1 },
      { id: 'sudani', count: 1 },
    ]);
  });

  it('keeps mentions in document order when text is inserted above them', async () => {
    const p = document.createElement('p');
    p.textContent = 'تقرير: تنظيم داعش يخسر آخر معاقله.';
    document.querySelector('article h1')!.after(p);
    await pageIdle();
    controller.updateSettings({ ...settings, markAll: true });
    expect(painted()).toEqual(['داعش', 'محمد شياع السوداني', 'داعش', 'السوداني', 'داعش']);
  });

  it("opens the card from the keyboard in a closed shadow root, with focus on its labelled dialog, and the reader's Escape closes it", async () => {
    expect(controller.step(1)).toBe(true);
    await vi.runAllTimersAsync();
    const host = document.querySelector('siyaq-card')!;
    const root = shadowOf(host)!;
    expect(host.shadowRoot).toBeNull();
    expect(root.textContent).toContain('محمد شياع السوداني');
    expect(cardRequests).toEqual(['sudani']);
    expect(uiLoads).toBe(1);
    expect(active()).toEqual(['محمد شياع السوداني']);
    // A screen reader announces the focused dialog by its label.
    expect(focused()).toBe(dialog());
    expect(dialog()?.getAttribute('aria-label')).toBe('سياق: محمد شياع السوداني');
    // A page's synthetic Escape closes nothing; the reader's does.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(dialog()).not.toBeNull();
    window.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape' })));
    expect(root.textContent).not.toContain('محمد شياع السوداني');
    expect(registry.has(HIGHLIGHT_NAMES.active)).toBe(false);
  });

  it('moves focus to each card a keyboard step opens, so its label is announced even when the last card had focus', async () => {
    const focusedLabels: string[] = [];
    const host = () => document.querySelector('siyaq-card')!;
    controller.step(1);
    await vi.runAllTimersAsync();
    shadowOf(host())!.addEventListener('focusin', (e) => focusedLabels.push((e.target as Element).getAttribute('aria-label') ?? ''));
    expect(focused()).toBe(dialog());
    controller.step(1);
    await vi.runAllTimersAsync();
    expect(focusedLabels).toEqual(['سياق: تنظيم داعش']);
    expect(focused()).toBe(dialog());
  });

  it("shows a topic the popup's list asks for: scrolls to its first painted mention and opens its card with focus", async () => {
    const scrolledTo: (string | null)[] = [];
    vi.spyOn(Element.prototype, 'scrollIntoView').mockImplementation(function (this: Element) {
      scrolledTo.push(this.textContent);
    });
    // Every mention painted: the topic's first is in the first paragraph, its last in the second.
    controller.updateSettings({ ...settings, markAll: true });
    expect(await controller.handle({ type: 'show-topic', topic: 'isis' })).toEqual({ ok: true });
    await vi.runAllTimersAsync();
    expect(cardRequests).toEqual(['isis']);
    expect(active()).toEqual(['داعش']);
    expect(scrolledTo).toEqual([document.querySelectorAll('article p')[0]!.textContent]);
    expect(focused()).toBe(dialog());
    expect(dialog()?.getAttribute('aria-label')).toBe('سياق: تنظيم داعش');
    // Stepping goes on from there.
    controller.step(-1);
    await vi.runAllTimersAsync();
    expect(active()).toEqual(['محمد شياع السوداني']);
    // A topic with nothing painted (muted, or not on the page) is refused.
    controller.updateSettings({ ...settings, markAll: true, mutedTopics: ['isis'] });
    expect(await controller.handle({ type: 'show-topic', topic: 'isis' })).toEqual({ ok: false });
    expect(await controller.handle({ type: 'show-topic', topic: 'nobody' })).toEqual({ ok: false });
  });

  describe('with the page laid out', () => {
    /** Where each marked word sits in the viewport (happy-dom lays nothing out). */
    let boxes: Map<string, DOMRect>;
    const place = (word: string, top: number): void => void boxes.set(word, new DOMRect(100, top, 40, 20));

    beforeEach(() => {
      boxes = new Map();
      const rectOf = (range: Range): DOMRect => boxes.get(range.toString()) ?? new DOMRect(0, -1000, 0, 0);
      vi.spyOn(Range.prototype, 'getBoundingClientRect').mockImplementation(function (this: Range) {
        return rectOf(this);
      });
      vi.spyOn(Range.prototype, 'getClientRects').mockImplementation(function (this: Range) {
        return [rectOf(this)] as unknown as DOMRectList;
      });
      // The caret under a point: in the text of the painted mention whose box holds it.
      Object.assign(document, {
        caretPositionFromPoint: (x: number, y: number) => {
          const ranges = [...registry.values()].flatMap((h) => [...h]);
          const under = ranges.find((r) => {
            const b = rectOf(r);
            return x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
          });
          return under ? { offsetNode: under.startContainer, offset: under.startOffset } : null;
        },
      });
    });

    afterEach(() => {
      delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
    });

    const pointAt = (x: number, y: number) => new PointerEvent('pointermove', { clientX: x, clientY: y });

    it("opens the card when the reader's pointer dwells on a mark, never for a page's synthetic pointer", async () => {
      place('داعش', 200);
      window.dispatchEvent(pointAt(120, 210));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(cardRequests).toEqual([]);
      expect(dialog()).toBeNull();

      window.dispatchEvent(trusted(pointAt(120, 210)));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(cardRequests).toEqual(['isis']);
      // Hover never takes focus from the page.
      expect(dialog()?.getAttribute('aria-label')).toBe('سياق: تنظيم داعش');
      expect(focused()).toBeNull();

      // Off the page: a synthetic pointerleave keeps the card; the reader's closes it after the grace period.
      document.documentElement.dispatchEvent(new PointerEvent('pointerleave'));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(dialog()).not.toBeNull();
      document.documentElement.dispatchEvent(trusted(new PointerEvent('pointerleave')));
      await vi.advanceTimersByTimeAsync(CLOSE_GRACE_MS - 50);
      expect(dialog()).not.toBeNull();
      await vi.advanceTimersByTimeAsync(100);
      expect(dialog()).toBeNull();
    });

    it('steps on from the card the pointer opened', async () => {
      place('داعش', 200);
      window.dispatchEvent(trusted(pointAt(120, 210)));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(active()).toEqual(['داعش']);
      controller.step(-1);
      await vi.runAllTimersAsync();
      expect(active()).toEqual(['محمد شياع السوداني']);
    });

    it('moves the open card with its mark as the page scrolls, and closes it when the mark scrolls away', async () => {
      place('داعش', 200);
      window.dispatchEvent(trusted(pointAt(120, 210)));
      await vi.advanceTimersByTimeAsync(1_000);
      const frame = () => shadowOf(document.querySelector('siyaq-card'))!.querySelector<HTMLElement>('.siyaq-frame')!;
      const topBefore = parseFloat(frame().style.top);
      place('داعش', 150);
      window.dispatchEvent(new Event('scroll'));
      expect(parseFloat(frame().style.top)).toBe(topBefore - 50);
      place('داعش', -30);
      window.dispatchEvent(new Event('scroll'));
      expect(dialog()).toBeNull();
      expect(registry.has(HIGHLIGHT_NAMES.active)).toBe(false);
    });

    it('keeps a card a keyboard step opened while its mark scrolls into view, and closes it once it scrolls away', async () => {
      place('محمد شياع السوداني', 2_000);
      controller.step(1);
      await vi.runAllTimersAsync();
      expect(dialog()).not.toBeNull();
      // The page's smooth scroll brings the mark up from below the fold.
      for (const top of [1_500, 900, 400]) {
        place('محمد شياع السوداني', top);
        window.dispatchEvent(new Event('scroll'));
        expect(dialog(), `closed with the mark at ${top}`).not.toBeNull();
      }
      place('محمد شياع السوداني', 1_000);
      window.dispatchEvent(new Event('scroll'));
      expect(dialog()).toBeNull();
    });

    it('shows the card a keyboard step asks for even when the page scrolls the last card out of view first', async () => {
      place('محمد شياع السوداني', 200);
      place('داعش', 2_000);
      controller.step(1);
      await vi.runAllTimersAsync();
      expect(dialog()?.getAttribute('aria-label')).toBe('سياق: محمد شياع السوداني');
      controller.step(1);
      // The page scrolls towards «داعش» before its card is ready: al-Sudani's mark moves up, then leaves the view.
      place('محمد شياع السوداني', 100);
      place('داعش', 1_900);
      window.dispatchEvent(new Event('scroll'));
      place('محمد شياع السوداني', -500);
      place('داعش', 1_300);
      window.dispatchEvent(new Event('scroll'));
      await vi.runAllTimersAsync();
      expect(dialog()?.getAttribute('aria-label')).toBe('سياق: تنظيم داعش');
    });

    describe('a name nested in a longer name («داعش» in «التحالف الدولي لدحر داعش»)', () => {
      const OUTER = 'التحالف الدولي لدحر داعش';
      const NESTED_TOPICS: MatcherTopic[] = [
        { id: 'coalition', aliases: [OUTER, 'التحالف الدولي'] },
        { id: 'isis', aliases: ['داعش'] },
      ];

      beforeEach(async () => {
        stop.abort();
        document.body.innerHTML = `
          <article>
            <h1>نهاية مهمة قتالية</h1>
            <p>أعلن ${OUTER} انتهاء مهمته القتالية في العراق.</p>
            <p>وقال المتحدث إن فلول داعش ما زالت في الصحراء، وإن ${OUTER} باق لتدريب القوات.</p>
          </article>`;
        registry.clear();
        idleTasks.clear();
        await build(NESTED_TOPICS);
        // The whole name is a 200 px band; its last word, «داعش», the 40 px at its left (Arabic runs right to left).
        boxes.set(OUTER, new DOMRect(100, 200, 200, 20));
        boxes.set('داعش', new DOMRect(100, 200, 40, 20));
      });

      /** The active mark's text and the paragraph it stands in (0 or 1). */
      const activeAt = (): [string, number] | null => {
        const range = [...(registry.get(HIGHLIGHT_NAMES.active) ?? [])][0];
        if (!range) return null;
        return [range.toString(), [...document.querySelectorAll('article p')].indexOf(range.startContainer.parentElement!)];
      };
      const rest = async (x: number, y: number): Promise<void> => {
        window.dispatchEvent(trusted(pointAt(x, y)));
        await vi.advanceTimersByTimeAsync(1_000);
      };
      const label = () => dialog()?.getAttribute('aria-label');

      it('counts the nested name for the page, and paints the longer name only, as the settings say', async () => {
        expect((await settle(controller.summary())).topics).toEqual([
          { id: 'isis', count: 3 },
          { id: 'coalition', count: 2 },
        ]);
        // ISIS's first mention is inside the coalition's mark: no second band over the word.
        expect(painted()).toEqual([OUTER]);
        controller.updateSettings({ ...settings, markAll: true });
        expect(painted()).toEqual([OUTER, 'داعش', OUTER]);
        // With the longer name muted, the first nested name is a mark of its own.
        controller.updateSettings({ ...settings, mutedTopics: ['coalition'] });
        const [alone] = [...registry.get(HIGHLIGHT_NAMES.underline)!];
        expect(alone!.toString()).toBe('داعش');
        expect(alone!.startContainer.parentElement).toBe(document.querySelector('article p'));
        controller.updateSettings({ ...settings, markAll: true, mutedTopics: ['isis'] });
        expect(painted()).toEqual([OUTER, OUTER]);
        // Muting changes what is marked, not what the page names.
        expect((await settle(controller.summary())).topics.map((t) => t.id)).toEqual(['isis', 'coalition']);
      });

      it("opens the nested name's card when the pointer rests on it, the longer name's anywhere else on it", async () => {
        await rest(120, 210);
        expect(label()).toBe('سياق: تنظيم داعش');
        expect(activeAt()).toEqual(['داعش', 0]);
        await rest(250, 210);
        expect(label()).toBe('سياق: التحالف الدولي');
        expect(activeAt()).toEqual([OUTER, 0]);
        await rest(120, 210);
        expect(label()).toBe('سياق: تنظيم داعش');
        expect(cardRequests).toEqual(['isis', 'coalition']);
        // A muted topic has no card: the word is the longer name's again.
        controller.updateSettings({ ...settings, mutedTopics: ['isis'] });
        await rest(120, 210);
        expect(label()).toBe('سياق: التحالف الدولي');
      });

      it('steps from mark to mark, never onto a name inside one; the popup reaches it, and stepping goes on around it', async () => {
        controller.updateSettings({ ...settings, markAll: true });
        const steps: (string | null | undefined)[] = [];
        for (let i = 0; i < 4; i++) {
          controller.step(1);
          await vi.runAllTimersAsync();
          steps.push(label());
        }
        // The coalition, ISIS alone in the second paragraph, the coalition again, and round to the first.
        expect(steps).toEqual(['سياق: التحالف الدولي', 'سياق: تنظيم داعش', 'سياق: التحالف الدولي', 'سياق: التحالف الدولي']);
        expect(activeAt()).toEqual([OUTER, 0]);

        expect(await controller.handle({ type: 'show-topic', topic: 'isis' })).toEqual({ ok: true });
        await vi.runAllTimersAsync();
        expect(activeAt()).toEqual(['داعش', 0]);
        expect(label()).toBe('سياق: تنظيم داعش');
        // On from the nested name: forward to the next mark, back to the name around it.
        controller.step(1);
        await vi.runAllTimersAsync();
        expect(activeAt()).toEqual(['داعش', 1]);
        await controller.handle({ type: 'show-topic', topic: 'isis' });
        await vi.runAllTimersAsync();
        controller.step(-1);
        await vi.runAllTimersAsync();
        expect(activeAt()).toEqual([OUTER, 0]);
      });
    });
  });

  it('leaves nothing behind when stopped', async () => {
    controller.step(1);
    await vi.runAllTimersAsync();
    expect(idleTasks.size).toBeGreaterThan(0);
    stop.abort();
    expect(registry.size).toBe(0);
    expect(document.querySelector('siyaq-card')).toBeNull();
    expect(idleTasks.size).toBe(0);
    const p = document.createElement('p');
    p.textContent = 'السوداني يلتقي وفداً من التحالف.';
    document.querySelector('article')!.append(p);
    await pageIdle();
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
    await settle(markingController(TOPICS, other.signal).start());
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
    await settle(c.start());
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
    vi.useFakeTimers({ toFake: [...FAKED] });
    const stop = new AbortController();
    const c = markingController(detectText, stop.signal);
    await settle(c.start());
    await pageIdle();
    expect(asked).toBe(2);
    expect((await c.summary()).topics).toEqual([{ id: 'isis', count: 2 }]);
    const marked = [...registry.values()].flatMap((h) => [...h].map((r) => r.toString()));
    expect(marked).toEqual(['داعش', 'داعش']);
    stop.abort();
    vi.useRealTimers();
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

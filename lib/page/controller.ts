/**
 * The content script's brain: reads the page, paints the marks, opens the card
 * on hover or from the keyboard, follows page changes, and answers the popup.
 *
 * Everything it attaches to the page (listeners, the observer, timers,
 * highlights, the card host) hangs off one AbortSignal: when the extension is
 * reloaded, or the reader turns Siyaq off for the site, aborting it leaves the
 * page exactly as it was.
 */
import type { CardData, PageSummary, TabRequest } from '../messages';
import { findArticleRoot } from '../detect/article';
import { SIYAQ_UI_ATTRIBUTE } from '../detect/page-text';
import { isArabicDocument } from '../detect/language';
import { isArticlePage } from '../detect/page-kind';
import { pageDigits } from '../digits';
import { runInSlices, type Steps } from '../detect/steps';
import { HitIndex } from './hit-test';
import { MarkLayer, type MarkStyle } from './marks';
import { PageScanner, type DetectText, type PageMention, type RunSteps } from './scanner';

export interface DisplaySettings {
  markStyle: MarkStyle;
  markAll: boolean;
  dwellMs: number;
  mutedTopics: readonly string[];
}

/** What the card looks like to the controller; the Preact host implements it. */
export interface CardView {
  show(data: CardData, anchor: Range, opts: { articleDate: string | null; focus: boolean }): void;
  /** Re-reads the anchor's position (scroll, resize). */
  reposition(): void;
  hide(): void;
  readonly isOpen: boolean;
  /** The element the card lives in; pointer events over it keep the card open. */
  readonly host: Element;
}

/** The parts of Siyaq a page needs only once the reader turns to it. */
export interface ReaderUi {
  createCard(): CardView;
  /** The article's publication date (lib/dates/published.ts); `root` is the article when already found. */
  detectPublished(doc: Document, root?: Element): string | null;
}

export interface ControllerDeps {
  win: Window & typeof globalThis;
  signal: AbortSignal;
  settings: DisplaySettings;
  /** The background's detector (docs/adr/0006-detection-in-the-background.md). */
  detectText: DetectText;
  fetchCard(topic: string, articleDate: string | null): Promise<CardData | null>;
  /**
   * Loads the card and the date reader when first needed: most pages are read
   * without a hover or a look at the popup, and their code is most of the
   * script (see docs/adr/0005-reader-ui-loaded-on-demand.md).
   */
  loadUi(): Promise<ReaderUi>;
  /**
   * False once the extension was reloaded or removed under this page. Asked on
   * the reader's activity and before reading page changes, since nothing tells
   * an orphaned content script that it is one; the caller aborts `signal` then.
   */
  isAlive(): boolean;
}

/** How often a long read paints what it has found so far. */
const PROGRESS_PAINT_MS = 250;

/**
 * How long a read may hold the page's thread before giving it back.
 * A long task is one over 50 ms, and the page's own style and garbage
 * collection may land in the same task: Siyaq keeps to a fifth of that.
 */
const SLICE_MS = 10;

/** How long the pointer may be off both the mention and the card before it closes. */
const CLOSE_GRACE_MS = 300;

export class PageController {
  private readonly doc: Document;
  private readonly marks: MarkLayer;
  private scanner: PageScanner | null = null;
  /** The article(s) read: the one found at start, plus any the page appends later (infinite scroll). */
  private roots: Element[] = [];
  /** The article's publication date, read once when first asked for. */
  private published: Promise<string | null> | null = null;
  private ui: Promise<ReaderUi> | null = null;
  private arabic = false;
  private all: readonly PageMention[] = [];
  private shown: PageMention[] = [];
  private hits = new HitIndex<PageMention>([]);
  private card: CardView | null = null;
  private current: PageMention | null = null;
  private pending: PageMention | null = null;
  private dwellTimer = 0;
  private closeTimer = 0;
  private cursor = -1;
  private readonly cards = new Map<string, Promise<CardData | null>>();
  /** Elements whose own text changed, and elements the page added, since the last read. */
  private dirty = new Set<Element>();
  private added = new Set<Element>();
  /** Nodes were removed: mentions in them must go. */
  private purge = false;
  private cancelIdle: (() => void) | null = null;
  /** A read of page changes is under way. */
  private reading = false;

  constructor(private readonly deps: ControllerDeps) {
    this.doc = deps.win.document;
    this.marks = new MarkLayer(deps.win);
    deps.signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  /** Reads and marks the page. Resolves when the first full pass is done. */
  async start(): Promise<void> {
    const { signal } = this.deps;
    this.takeOver();
    this.arabic = isArabicDocument(this.doc);
    if (!this.arabic || signal.aborted) return;
    const scanner = new PageScanner(this.doc, this.deps.detectText);
    this.scanner = scanner;
    // Finding the article and reading it run in slices, so the page stays responsive on a huge article.
    await this.pause();
    const found = await this.run(findArticleRoot(this.doc));
    if (!found.done) return;
    this.roots = [found.value];
    // A long article is painted as it is read, every so often, so the top of
    // the page is marked while the rest is still being read; a short one, once.
    // Each paint is a task of its own, not added to a slice's work.
    const now = (): number => this.deps.win.performance.now();
    let paintedAt = now();
    const read = await scanner.scan(found.value, this.run, async () => {
      if (now() - paintedAt < PROGRESS_PAINT_MS) return;
      await this.pause();
      if (signal.aborted) return;
      this.refresh();
      paintedAt = now();
      await this.pause();
    });
    if (!read || signal.aborted) return;
    this.refresh();
    this.listen();
    this.readStale();
  }

  /**
   * Removes what an earlier Siyaq left in the page. Firefox drops an updated
   * or reloaded extension's content scripts without a word, so the old one
   * cannot take away its marks or an open card, and then runs the new version
   * in the same tab: this one.
   */
  private takeOver(): void {
    this.marks.clear();
    for (const el of this.doc.querySelectorAll(`[${SIYAQ_UI_ATTRIBUTE}]`)) el.remove();
  }

  /** Runs steps in slices of SLICE_MS with the page's tasks between them; called off with the session. */
  private readonly run: RunSteps = <T>(steps: Steps<T>) =>
    runInSlices(steps, {
      now: () => this.deps.win.performance.now(),
      pause: () => this.pause(),
      budgetMs: SLICE_MS,
      signal: this.deps.signal,
    });

  /** The card and date reader, loaded once; a failed load is tried again next time. */
  private readerUi(): Promise<ReaderUi> {
    this.ui ??= this.deps.loadUi().catch((error: unknown) => {
      this.ui = null;
      throw error;
    });
    return this.ui;
  }

  /** The article's publication date, read from the page once (null when it cannot be known). */
  articleDate(): Promise<string | null> {
    this.published ??= this.readerUi().then(
      (ui) => ui.detectPublished(this.doc, this.roots[0]),
      () => null,
    );
    return this.published;
  }

  /** Applies changed settings to the marks at once, without reading the page again. */
  updateSettings(settings: DisplaySettings): void {
    this.deps.settings = settings;
    this.refresh();
  }

  async summary(): Promise<PageSummary> {
    const counts = new Map<string, number>();
    for (const m of this.all) counts.set(m.topic, (counts.get(m.topic) ?? 0) + 1);
    return {
      url: this.doc.location?.href ?? '',
      active: true,
      arabic: this.arabic,
      article: isArticlePage(this.doc),
      digits: pageDigits(this.doc),
      published: this.arabic ? await this.articleDate() : null,
      topics: [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count),
    };
  }

  /** Answers the popup and the keyboard command relayed by the background. */
  async handle(request: TabRequest): Promise<PageSummary | { ok: boolean }> {
    if (request.type === 'page-summary') return this.summary();
    if (request.type === 'show-topic') {
      // The topic's first marked mention, reached as the keyboard command reaches it.
      const at = this.shown.findIndex((m) => m.topic === request.topic);
      if (at < 0) return { ok: false };
      this.cursor = at - 1;
      return { ok: this.step(1) };
    }
    return { ok: this.step(request.direction) };
  }

  /** Moves to the next or previous marked mention, scrolls to it and opens its card. */
  step(direction: 1 | -1): boolean {
    if (this.shown.length === 0) return false;
    const n = this.shown.length;
    this.cursor = this.cursor < 0 ? (direction === 1 ? 0 : n - 1) : (this.cursor + direction + n) % n;
    const mention = this.shown[this.cursor]!;
    const el = mention.range.startContainer.parentElement;
    const reduce = this.deps.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    el?.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
    void this.open(mention, true);
    return true;
  }

  private refresh(): void {
    if (!this.scanner) return;
    const { markAll, markStyle, mutedTopics } = this.deps.settings;
    this.all = this.scanner.mentions();
    const muted = new Set(mutedTopics);
    const seen = new Set<string>();
    this.shown = this.all.filter((m) => {
      if (muted.has(m.topic)) return false;
      if (markAll) return true;
      if (seen.has(m.topic)) return false;
      seen.add(m.topic);
      return true;
    });
    this.marks.paint(
      this.shown.map((m) => m.range),
      markStyle,
    );
    this.hits = new HitIndex(this.shown);
    if (this.current && !this.shown.includes(this.current)) this.close();
    this.cursor = -1;
  }

  private listen(): void {
    const { win, signal } = this.deps;
    let frame = 0;
    let lastX = 0;
    let lastY = 0;
    win.addEventListener(
      'pointermove',
      (e) => {
        lastX = e.clientX;
        lastY = e.clientY;
        if (e.pointerType === 'touch' || frame) return;
        const target = e.target;
        frame = win.requestAnimationFrame(() => {
          frame = 0;
          this.onPointer(lastX, lastY, target);
        });
      },
      { passive: true, signal },
    );
    this.doc.documentElement.addEventListener(
      'pointerleave',
      () => {
        this.cancelDwell();
        this.scheduleClose();
      },
      { passive: true, signal },
    );
    win.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.card?.isOpen) this.close();
      },
      { signal },
    );
    const follow = (): void => {
      if (this.card?.isOpen) this.card.reposition();
    };
    win.addEventListener('scroll', follow, { passive: true, capture: true, signal });
    win.addEventListener('resize', follow, { passive: true, signal });
    signal.addEventListener('abort', () => win.cancelAnimationFrame(frame), { once: true });

    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(this.doc.body ?? this.doc.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  }

  private onPointer(x: number, y: number, target: EventTarget | null): void {
    if (!this.deps.isAlive()) return;
    if (this.card && target instanceof Node && this.card.host.contains(target)) {
      this.cancelClose();
      return;
    }
    const hit = this.hits.at(this.doc, x, y);
    if (hit && hit === this.current) {
      this.cancelClose();
      return;
    }
    if (hit) {
      if (hit !== this.pending) {
        this.cancelDwell();
        this.pending = hit;
        // Load the card's code while the pointer dwells, so the first card is not late.
        this.readerUi().catch(() => undefined);
        this.dwellTimer = this.deps.win.setTimeout(() => {
          this.pending = null;
          void this.open(hit, false);
        }, this.deps.settings.dwellMs);
      }
      return;
    }
    this.cancelDwell();
    this.scheduleClose();
  }

  private async open(mention: PageMention, focus: boolean): Promise<void> {
    this.cancelClose();
    this.current = mention;
    this.marks.setActive(mention.range);
    const articleDate = await this.articleDate();
    let request = this.cards.get(mention.topic);
    if (!request) {
      request = this.deps.fetchCard(mention.topic, articleDate).catch(() => null);
      this.cards.set(mention.topic, request);
    }
    const [data, ui] = await Promise.all([request, this.readerUi().catch(() => null)]);
    if (this.deps.signal.aborted || this.current !== mention) return;
    if (!data || !ui) {
      this.cards.delete(mention.topic);
      this.close();
      return;
    }
    this.card ??= ui.createCard();
    this.card.show(data, mention.range, { articleDate, focus });
    this.cursor = this.shown.indexOf(mention);
  }

  close(): void {
    this.cancelClose();
    this.current = null;
    this.marks.setActive(null);
    this.card?.hide();
  }

  private scheduleClose(): void {
    if (!this.current || this.closeTimer) return;
    this.closeTimer = this.deps.win.setTimeout(() => {
      this.closeTimer = 0;
      this.close();
    }, CLOSE_GRACE_MS);
  }

  private cancelClose(): void {
    if (this.closeTimer) this.deps.win.clearTimeout(this.closeTimer);
    this.closeTimer = 0;
  }

  private cancelDwell(): void {
    if (this.dwellTimer) this.deps.win.clearTimeout(this.dwellTimer);
    this.dwellTimer = 0;
    this.pending = null;
  }

  private onMutations(records: MutationRecord[]): void {
    const own = this.card?.host;
    let removed = false;
    for (const r of records) {
      if (own && own.contains(r.target)) continue;
      if (r.type === 'characterData') {
        if (r.target.parentElement) this.dirty.add(r.target.parentElement);
        continue;
      }
      // Only what was added is read, never the whole parent: a node added to
      // <body> must not mean reading the article again.
      r.addedNodes.forEach((n) => {
        if (n.nodeType === 1) this.added.add(n as Element);
        else if (n.parentElement) this.dirty.add(n.parentElement);
      });
      if (r.removedNodes.length > 0) removed = true;
    }
    if (removed) this.purge = true;
    this.scheduleRead();
  }

  /**
   * Batches bursts of changes (live blogs, infinite scroll) into one read when
   * the page is idle. One read at a time: changes that come in during a read
   * wait for it to end.
   */
  private scheduleRead(): void {
    if (this.dirty.size === 0 && this.added.size === 0 && !this.purge) return;
    if (this.cancelIdle || this.reading) return;
    this.cancelIdle = this.whenIdle(() => {
      this.cancelIdle = null;
      this.reading = true;
      this.readChanges()
        .catch(() => undefined)
        .then(() => {
          this.reading = false;
          // Changes that came in during the read, and blocks it found stale, are read next.
          if (this.deps.signal.aborted) return;
          this.readStale();
        });
    });
  }

  /** Blocks that changed while their mentions were being found are read again. */
  private readStale(): void {
    for (const el of this.scanner?.takeStale() ?? []) this.dirty.add(el);
    this.scheduleRead();
  }

  /** Runs `task` when the page is idle (within half a second); returns how to cancel it. */
  private whenIdle(task: () => void): () => void {
    const { win, signal } = this.deps;
    const run = (): void => {
      if (!signal.aborted) task();
    };
    if (typeof win.requestIdleCallback === 'function') {
      const handle = win.requestIdleCallback(run, { timeout: 500 });
      return () => win.cancelIdleCallback(handle);
    }
    const handle = win.setTimeout(run, 200);
    return () => win.clearTimeout(handle);
  }

  /** Reads what changed since the last read (nothing once the session or the extension is gone). */
  private async readChanges(): Promise<void> {
    if (!this.scanner || this.deps.signal.aborted || !this.deps.isAlive()) return;
    const connected = (el: Element): boolean => el.isConnected;
    const changed = [...this.dirty].filter(connected);
    const added = [...this.added].filter(connected);
    this.dirty = new Set();
    this.added = new Set();
    this.purge = false;
    this.roots = this.roots.filter(connected);
    const primary = this.roots[0];
    if (!primary) {
      // The article itself was replaced (client-side navigation): find it again.
      const found = await this.run(findArticleRoot(this.doc));
      if (!found.done) return;
      this.roots = [found.value];
      if (await this.scanner.rescan([found.value], this.run)) this.refresh();
      return;
    }
    const inRoots = (el: Element): boolean => this.roots.some((r) => r.contains(el));
    const toRead = changed.filter(inRoots);
    for (const el of added) {
      if (inRoots(el)) toRead.push(el);
      else
        for (const article of articlesIn(el, primary)) {
          this.roots.push(article);
          toRead.push(article);
        }
    }
    // Even with nothing to read, rescan drops mentions whose text left the page.
    if (await this.scanner.rescan(toRead, this.run)) this.refresh();
  }

  /**
   * Lets the page run between chunks of a long read. Browsers hold a hidden
   * tab's timers to about one a second, so a long article opened in a
   * background tab would take minutes to mark; there, a message posted to
   * itself yields instead, which is not throttled. Nobody sees a hidden tab's
   * thread, and the reader who switches to it finds it marked.
   */
  private pause(): Promise<void> {
    const { win } = this.deps;
    if (win.document.visibilityState !== 'hidden') return new Promise((resolve) => win.setTimeout(resolve, 0));
    return new Promise((resolve) => {
      const channel = new win.MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }

  private teardown(): void {
    this.cancelDwell();
    this.cancelClose();
    this.cancelIdle?.();
    this.cancelIdle = null;
    this.marks.clear();
    this.card?.hide();
    this.card?.host.remove();
    this.card = null;
    this.hits = new HitIndex([]);
    this.all = [];
    this.shown = [];
  }
}

const ARTICLE_SELECTOR = 'article, [itemprop="articleBody"], [role="article"]';

/**
 * The articles in an element the page added outside the one being read: an
 * article element, or a sibling of the same kind as the first (infinite scroll
 * appends the next story beside the current one).
 */
function articlesIn(el: Element, primary: Element): Element[] {
  if (el.matches(ARTICLE_SELECTOR)) return [el];
  if (el.parentElement === primary.parentElement && el.localName === primary.localName) return [el];
  return [...el.querySelectorAll(ARTICLE_SELECTOR)].filter((a) => !a.parentElement?.closest(ARTICLE_SELECTOR));
}

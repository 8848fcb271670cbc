/**
 * The content script's brain: reads the page, paints the marks, opens and
 * closes the card, and answers the popup. The ways the reader and the page
 * act on it are units of their own, each started with the session's signal:
 * hover (hover.ts), the keyboard (keyboard.ts), following the page's scroll
 * (follow.ts) and changes (page-changes.ts), and sharing the thread (pacing.ts).
 *
 * Everything it attaches to the page (listeners, the observer, timers,
 * highlights, the card host) hangs off one AbortSignal: when the extension is
 * reloaded, or the reader turns Siyaq off for the site, aborting it leaves the
 * page exactly as it was.
 */
import type { CardData, PageSummary, TabRequest } from '../messages';
import { findArticleRoot } from '../reading/article';
import { SIYAQ_UI_ATTRIBUTE } from '../reading/page-text';
import { isArabicDocument } from '../reading/language';
import { isArticlePage } from '../reading/page-kind';
import { pageDigits } from '../digits';
import { Follow } from './follow';
import { HitIndex } from './hit-test';
import { Hover } from './hover';
import { Keyboard } from './keyboard';
import { MarkLayer, type MarkStyle } from './marks';
import { Pacing } from './pacing';
import { PageChanges } from './page-changes';
import { PageScanner, type DetectText, type PageMention } from './scanner';

export interface DisplaySettings {
  markStyle: MarkStyle;
  markAll: boolean;
  dwellMs: number;
  mutedTopics: readonly string[];
}

/** What the card looks like to the controller; the Preact host implements it. */
export interface CardView {
  show(data: CardData, anchor: Range, opts: { articleDate: string | null; focus: boolean }): void;
  /**
   * Re-reads the anchor's position (scroll, resize) and moves the card with it;
   * false when the card can no longer stay fully in view beside it.
   */
  reposition(): boolean;
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

export class PageController {
  private readonly doc: Document;
  private readonly marks: MarkLayer;
  private readonly pacing: Pacing;
  private readonly hover: Hover<PageMention>;
  private readonly keyboard: Keyboard<PageMention>;
  private readonly follow: Follow;
  private scanner: PageScanner | null = null;
  private changes: PageChanges | null = null;
  /** The article's publication date, read once when first asked for. */
  private published: Promise<string | null> | null = null;
  private ui: Promise<ReaderUi> | null = null;
  /** Loading the reader UI and reading the date in idle time is asked for (once, after the first marks). */
  private cardsPrepared = false;
  private arabic = false;
  private all: readonly PageMention[] = [];
  /** The mentions the settings let a card open for: not muted, and each topic's first unless every mention is marked. */
  private shown: PageMention[] = [];
  /** The painted ones: `shown` but for the names nested in a shown longer name, which its mark covers. */
  private painted: PageMention[] = [];
  private hits = new HitIndex<PageMention>([]);
  private card: CardView | null = null;
  private current: PageMention | null = null;
  private readonly cards = new Map<string, Promise<CardData | null>>();

  constructor(private readonly deps: ControllerDeps) {
    const { win, signal } = deps;
    this.doc = win.document;
    this.marks = new MarkLayer(win);
    this.pacing = new Pacing(win);
    this.pacing.start(signal);
    this.hover = new Hover({
      win,
      hitAt: (x, y) => this.hits.at(this.doc, x, y),
      onCard: (target) => !!this.card && target instanceof Node && this.card.host.contains(target),
      current: () => this.current,
      dwellMs: () => this.deps.settings.dwellMs,
      isAlive: () => this.deps.isAlive(),
      // Load the card's code while the pointer dwells, in case idle time has not come yet.
      prepare: () => void this.readerUi().catch(() => undefined),
      open: (mention) => void this.open(mention, false),
      close: () => this.close(),
    });
    this.keyboard = new Keyboard({
      win,
      marks: () => this.painted,
      shown: () => this.shown,
      isOpen: () => this.card?.isOpen ?? false,
      open: (mention) => void this.open(mention, true),
      close: () => this.close(),
    });
    this.follow = new Follow({ win, card: () => this.card, close: () => this.close() });
    signal.addEventListener('abort', () => this.teardown(), { once: true });
  }

  /** Reads and marks the page. Resolves when the first full pass is done. */
  async start(): Promise<void> {
    const { signal } = this.deps;
    const { pacing } = this;
    this.takeOver();
    this.arabic = isArabicDocument(this.doc);
    if (!this.arabic || signal.aborted) return;
    const scanner = new PageScanner(this.doc, this.deps.detectText);
    this.scanner = scanner;
    // Finding the article and reading it run in slices, so the page stays responsive on a huge article.
    await pacing.pause();
    const found = await pacing.run(findArticleRoot(this.doc));
    if (!found.done) return;
    const changes = new PageChanges(
      {
        doc: this.doc,
        scanner,
        pacing,
        isAlive: () => this.deps.isAlive(),
        own: () => this.card?.host ?? null,
        changed: () => this.refresh(),
      },
      [found.value],
    );
    this.changes = changes;
    // A long article is painted as it is read, every so often, so the top of
    // the page is marked while the rest is still being read; a short one, once.
    // Each paint is a task of its own, not added to a slice's work.
    const now = (): number => this.deps.win.performance.now();
    let paintedAt = now();
    const read = await scanner.scan(found.value, pacing.run, async () => {
      if (now() - paintedAt < PROGRESS_PAINT_MS) return;
      await pacing.pause();
      if (signal.aborted) return;
      this.refresh();
      paintedAt = now();
      await pacing.pause();
    });
    if (!read || signal.aborted) return;
    this.refresh();
    this.hover.start(signal);
    this.keyboard.start(signal);
    this.follow.start(signal);
    changes.start(signal);
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

  /** The card and date reader, loaded once; a failed load is tried again next time. */
  private readerUi(): Promise<ReaderUi> {
    // A script the extension was reloaded or removed under must not fetch its old
    // files: Chromium refuses them (net::ERR_UNSAFE_REDIRECT) in the page's console.
    if (!this.deps.isAlive()) return Promise.reject(new Error('Siyaq is no longer running in this page'));
    this.ui ??= this.deps.loadUi().catch((error: unknown) => {
      this.ui = null;
      throw error;
    });
    return this.ui;
  }

  /**
   * Loads the reader UI and reads the article's date when the page is next
   * idle once there is a mark to hover, so the first card costs no more than
   * later ones (both on the first hover made the first card late, in Firefox
   * most of all).
   */
  private prepareCards(): void {
    if (this.cardsPrepared) return;
    this.cardsPrepared = true;
    this.pacing.whenIdle(() => void this.articleDate());
  }

  /** The article's publication date, read from the page once (null when it cannot be known). */
  articleDate(): Promise<string | null> {
    this.published ??= this.readerUi().then(
      (ui) => ui.detectPublished(this.doc, this.changes?.article ?? undefined),
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
    // Every mention counts, marked or not, the names nested in longer ones too.
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
    switch (request.type) {
      case 'page-summary':
        return this.summary();
      case 'step-mention':
        return { ok: this.step(request.direction) };
      case 'show-topic':
        return { ok: this.keyboard.showTopic(request.topic) };
    }
  }

  /** Moves to the next or previous marked mention, scrolls to it and opens its card. */
  step(direction: 1 | -1): boolean {
    return this.keyboard.step(direction);
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
    // A name inside a shown longer name («داعش» in «التحالف الدولي لدحر داعش»)
    // gets no mark of its own (docs/adr/0016-nested-names-on-the-page.md): the
    // longer name's mark already covers it; the hit-test still finds it, and
    // the active mark narrows to it when its card opens. Alone (the longer name
    // muted, or a repeat left unmarked) it is a mark like any other.
    const shown = new Set(this.shown);
    this.painted = this.shown.filter((m) => !m.within || !shown.has(m.within));
    this.marks.paint(
      this.painted.map((m) => m.range),
      markStyle,
    );
    this.hits = new HitIndex(this.shown);
    // A card whose mark is gone (its topic muted, its text removed) closes with it.
    if (this.current && !this.shown.includes(this.current)) this.close();
    this.keyboard.reset();
    if (this.shown.length > 0) this.prepareCards();
  }

  private async open(mention: PageMention, focus: boolean): Promise<void> {
    this.hover.cancelClose();
    this.follow.opening();
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
    // A card opened with focus is a new dialog, even over another the reader had
    // focused: focus moves, and a screen reader announces the new card's label.
    if (focus) this.card.hide();
    this.card.show(data, mention.range, { articleDate, focus });
    this.follow.shown();
    this.keyboard.openedAt(mention);
  }

  close(): void {
    this.hover.cancelClose();
    this.current = null;
    this.marks.setActive(null);
    this.card?.hide();
  }

  private teardown(): void {
    this.marks.clear();
    this.card?.hide();
    this.card?.host.remove();
    this.card = null;
    this.hits = new HitIndex([]);
    this.all = [];
    this.shown = [];
    this.painted = [];
  }
}

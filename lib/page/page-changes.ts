/**
 * Follows what the page changes after the first read (live blogs, infinite
 * scroll, client-side navigation): a MutationObserver collects the changed
 * blocks, and they are read again, in one batch, when the page is idle.
 */
import { findArticleRoot } from '../reading/article';
import type { Pacing } from './pacing';
import type { PageScanner } from './scanner';

export interface PageChangesDeps {
  doc: Document;
  scanner: PageScanner;
  pacing: Pacing;
  /** False once the extension is gone from under the page (ControllerDeps.isAlive). */
  isAlive(): boolean;
  /** Siyaq's own element on the page (the card host), whose changes are not the page's. */
  own(): Element | null;
  /** The mentions changed: paint them again. */
  changed(): void;
}

export class PageChanges {
  /** Elements whose own text changed, and elements the page added, since the last read. */
  private dirty = new Set<Element>();
  private added = new Set<Element>();
  /** Nodes were removed: mentions in them must go. */
  private purge = false;
  private idle = false;
  /** A read of page changes is under way. */
  private reading = false;
  private signal: AbortSignal = new AbortController().signal;

  /**
   * @param roots The article(s) read: the one found at start, plus any the
   * page appends later (infinite scroll).
   */
  constructor(
    private readonly deps: PageChangesDeps,
    private roots: Element[],
  ) {}

  /** The article read first (null once the page replaced it, until it is found again). */
  get article(): Element | null {
    return this.roots[0] ?? null;
  }

  start(signal: AbortSignal): void {
    this.signal = signal;
    const { doc } = this.deps;
    const observer = new MutationObserver((records) => this.onMutations(records));
    observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect(), { once: true });
    this.readStale();
  }

  private onMutations(records: MutationRecord[]): void {
    const own = this.deps.own();
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
   * Batches bursts of changes into one read when the page is idle. One read at
   * a time: changes that come in during a read wait for it to end.
   */
  private scheduleRead(): void {
    if (this.dirty.size === 0 && this.added.size === 0 && !this.purge) return;
    if (this.idle || this.reading) return;
    this.idle = true;
    this.deps.pacing.whenIdle(() => {
      this.idle = false;
      this.reading = true;
      void this.readChanges()
        .catch(() => undefined)
        .then(() => {
          this.reading = false;
          // Changes that came in during the read, and blocks it found stale, are read next.
          if (!this.signal.aborted) this.readStale();
        });
    });
  }

  /** Blocks that changed while their mentions were being found are read again. */
  private readStale(): void {
    for (const el of this.deps.scanner.takeStale()) this.dirty.add(el);
    this.scheduleRead();
  }

  /** Reads what changed since the last read (nothing once the session or the extension is gone). */
  private async readChanges(): Promise<void> {
    const { scanner, pacing, doc } = this.deps;
    if (this.signal.aborted || !this.deps.isAlive()) return;
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
      const found = await pacing.run(findArticleRoot(doc));
      if (!found.done) return;
      this.roots = [found.value];
      if (await scanner.rescan([found.value], pacing.run)) this.deps.changed();
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
    if (await scanner.rescan(toRead, pacing.run)) this.deps.changed();
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

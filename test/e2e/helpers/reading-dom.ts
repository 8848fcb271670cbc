/**
 * Functions the reading-experience tests run inside the article page (in the
 * page's main world: Playwright's and Puppeteer's page.evaluate). Each is
 * self-contained, because it is serialised and sent to the browser.
 *
 * They read the card, in the closed shadow root of <siyaq-card> that the test
 * reaches through the automation protocol (helpers/card-access.ts), and the
 * highlight registry (CSS.highlights belongs to the page, so what the tests
 * read there is what the page's scripts would see).
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardState {
  /** A card dialog is rendered and visible. */
  open: boolean;
  /** The card's Arabic title (the topic's label), when open. */
  title: string | null;
  /** The dialog's box in client coordinates, when open. */
  rect: Rect | null;
  /** document.activeElement, described ("body", "siyaq-card"). */
  pageFocus: string;
  /** The focused element inside the card's shadow root, described, or null. */
  cardFocus: string | null;
}

export function cardState(shadow: ShadowRoot | null): CardState {
  const describe = (el: Element | null): string => {
    if (!el) return 'none';
    const role = el.getAttribute('role');
    return el.tagName.toLowerCase() + (role ? `[role=${role}]` : '');
  };
  const frame = shadow?.querySelector<HTMLElement>('.siyaq-frame') ?? null;
  const dialog = shadow?.querySelector('[role="dialog"]') ?? null;
  const open = !!frame && !frame.hidden && !!dialog && dialog.checkVisibility();
  const r = open && dialog ? dialog.getBoundingClientRect() : null;
  return {
    open,
    title: open ? (shadow?.querySelector('.sq-card-title')?.textContent?.trim() ?? null) : null,
    rect: r ? { left: r.left, top: r.top, width: r.width, height: r.height } : null,
    pageFocus: describe(document.activeElement),
    cardFocus: shadow?.activeElement ? describe(shadow.activeElement) : null,
  };
}

/** Every entry of the page's highlight registry: name → the text of each range. */
export function highlightTexts(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (typeof CSS === 'undefined' || !('highlights' in CSS)) return out;
  CSS.highlights.forEach((highlight, name) => {
    out[name] = Array.from(highlight as unknown as Iterable<Range>, (r) => r.toString());
  });
  return out;
}

export interface MentionBox {
  text: string;
  top: number;
  bottom: number;
  /** Inside the viewport, vertically. */
  inView: boolean;
}

/**
 * Where the first range of a highlight is (the active one, "siyaq-mention-active",
 * is the mention the card belongs to), or of the first range whose text includes
 * `includes`.
 */
export function mentionBox(q: { highlight: string; includes?: string }): MentionBox | null {
  const highlight = CSS.highlights.get(q.highlight);
  if (!highlight) return null;
  const ranges = Array.from(highlight as unknown as Iterable<Range>);
  const range = q.includes === undefined ? ranges[0] : ranges.find((r) => r.toString().includes(q.includes!));
  if (!range) return null;
  const rect = range.getBoundingClientRect();
  return {
    text: range.toString(),
    top: rect.top,
    bottom: rect.bottom,
    inView: rect.bottom > 0 && rect.top < window.innerHeight,
  };
}

/** A mark the test leaves on the page's window: still there later means the page was not reloaded. */
export function markWindow(): void {
  (window as unknown as Record<string, unknown>).__siyaqReadingTest = true;
}

export function windowMarked(): boolean {
  return (window as unknown as Record<string, unknown>).__siyaqReadingTest === true;
}

/** The event ids an extension page lists, in order. */
export function listedEvents(): string[] {
  return Array.from(document.querySelectorAll('[data-event-id]'), (el) => el.getAttribute('data-event-id') ?? '');
}

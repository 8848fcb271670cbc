/**
 * Paints mentions with the CSS Custom Highlight API: the page's DOM is never
 * touched (see docs/adr/0001-marks-via-highlight-api.md). The `::highlight()`
 * rules live in the content script's manifest-declared CSS.
 *
 * The highlight registry belongs to the page, whose scripts can read or delete
 * these entries: names are Siyaq's own, and only ranges over text the page
 * already shows are ever registered.
 */

export type MarkStyle = 'underline' | 'tint';

export const HIGHLIGHT_NAMES = {
  underline: 'siyaq-mention-underline',
  tint: 'siyaq-mention-tint',
  active: 'siyaq-mention-active',
} as const;

/**
 * Firefox registers highlights from 140 but painted no text decoration inside
 * `::highlight()` before 149 (bugzil.la/1703961; web-features dates the whole
 * feature to 149): an underline there is an unmarked page. Chromium and
 * Firefox 149+ paint it. Backgrounds paint in all of them.
 */
const FIREFOX_DECORATIONS_FROM = 149;

/** Whether this engine paints `text-decoration` inside `::highlight()`, by its user agent. */
export function paintsDecorations(userAgent: string): boolean {
  const firefox = /\bFirefox\/(\d+)/.exec(userAgent);
  return firefox === null || Number(firefox[1]) >= FIREFOX_DECORATIONS_FROM;
}

export class MarkLayer {
  private readonly registry: HighlightRegistry | undefined;
  private readonly HighlightCtor: typeof Highlight | undefined;
  private readonly decorations: boolean;

  constructor(win: Window & typeof globalThis) {
    // Chrome 105+, Firefox 140+ (painting from 149): the supported browsers all have it.
    // Without it there are no painted marks, but hovering still finds mentions.
    this.registry = typeof win.CSS !== 'undefined' && 'highlights' in win.CSS ? win.CSS.highlights : undefined;
    this.HighlightCtor = typeof win.Highlight === 'function' ? win.Highlight : undefined;
    this.decorations = paintsDecorations(win.navigator.userAgent);
  }

  get supported(): boolean {
    return this.registry !== undefined && this.HighlightCtor !== undefined;
  }

  /** The style actually painted: the tint where an underline would not show. */
  private painted(style: MarkStyle): MarkStyle {
    return style === 'underline' && !this.decorations ? 'tint' : style;
  }

  /** Replaces every painted mention with `ranges`, in one style. */
  paint(ranges: readonly Range[], style: MarkStyle): void {
    if (!this.registry || !this.HighlightCtor) return;
    const shown = this.painted(style);
    const other: MarkStyle = shown === 'underline' ? 'tint' : 'underline';
    this.registry.delete(HIGHLIGHT_NAMES[other]);
    if (ranges.length === 0) {
      this.registry.delete(HIGHLIGHT_NAMES[shown]);
      return;
    }
    this.registry.set(HIGHLIGHT_NAMES[shown], new this.HighlightCtor(...ranges));
  }

  /** The mention the reader is on (hovered or reached from the keyboard). */
  setActive(range: Range | null): void {
    if (!this.registry || !this.HighlightCtor) return;
    if (range) this.registry.set(HIGHLIGHT_NAMES.active, new this.HighlightCtor(range));
    else this.registry.delete(HIGHLIGHT_NAMES.active);
  }

  clear(): void {
    if (!this.registry) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) this.registry.delete(name);
  }
}

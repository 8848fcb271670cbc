/**
 * Functions the tests run inside the page (Playwright's and Puppeteer's
 * page.evaluate both take them). Each is self-contained: it is serialised and
 * sent to the browser, so it may use nothing from this module's scope.
 */

export interface WordQuery {
  /** CSS selector of the element whose text holds the phrase. */
  within: string;
  /** The phrase, to tell this occurrence of the word from others. */
  phrase: string;
  /** The word inside the phrase to point at. */
  word: string;
  /** Where to scroll the word's paragraph first (default: the middle of the view). */
  scroll?: 'center' | 'start';
}

export interface Point {
  x: number;
  y: number;
}

/**
 * The centre of a word's first line box, in client coordinates, after
 * scrolling its paragraph into view. Null when the phrase is not found.
 */
export function wordCentre(q: WordQuery): Point | null {
  const root = document.querySelector(q.within);
  if (!root) return null;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    const at = text.indexOf(q.phrase);
    if (at < 0) continue;
    const start = at + q.phrase.indexOf(q.word);
    const range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, start + q.word.length);
    (node.parentElement ?? root).scrollIntoView({ block: q.scroll ?? 'center', inline: 'nearest' });
    // 'start' keeps some of what is above in view, as a reader scrolling down would.
    if (q.scroll === 'start') window.scrollBy(0, -140);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }
  return null;
}

export interface ShadowCard {
  /** The host element's tag name. */
  host: string;
  /** Visible text of the card, read through the automation protocol (helpers/card-access.ts). */
  text: string;
}

/** The page's own text, as a reader would copy it (the extension must not change it). */
export function bodyText(): string {
  return document.body.innerText;
}

/** The page's own markup: the extension keeps its card outside <body> and marks with highlights, not elements. */
export function bodyHtml(): string {
  return document.body.innerHTML;
}

interface TabsApi {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
}

/**
 * In an extension page (Chromium or Firefox): the id of the tab whose content
 * script says it shows `url`, or null. Asked by message: without the tabs
 * permission a query by URL sees nothing.
 */
export async function tabShowing(url: string): Promise<number | null> {
  const g = globalThis as unknown as { browser?: TabsApi; chrome?: TabsApi };
  const api = (g.browser ?? g.chrome)!;
  for (const tab of await api.tabs.query({})) {
    if (tab.id === undefined) continue;
    const summary = (await api.tabs.sendMessage(tab.id, { type: 'page-summary' }).catch(() => null)) as { url?: string } | null;
    if (summary?.url === url) return tab.id;
  }
  return null;
}

/**
 * How the tests reach Siyaq's card, which lives in a closed shadow root that
 * the page's own scripts cannot open (docs/adr/0008-card-in-a-closed-shadow-root.md).
 * The automation protocol can: in Chromium, CDP's DOM domain describes the host
 * with `pierce: true` and resolves its shadow root to an object; in Firefox,
 * WebDriver BiDi serialises the host with `includeShadowTree: "all"`. Either
 * way the test's function then runs in the page's world with the shadow root
 * as its first argument (null when there is no card host): what a page script
 * could do if it held the root, which it cannot.
 *
 * Functions passed here are serialised and sent to the browser, so they may use
 * nothing from the test's scope; their argument and result must be JSON. They
 * name no inner function either: under tsx (the browser bench), esbuild's
 * keepNames wraps one in a `__name` helper that the page does not have.
 */
import type { CDPSession, Page as PlaywrightPage } from 'playwright-core';
import type { Page as PuppeteerPage } from 'puppeteer-core';

export type CardFn<A, R> = (root: ShadowRoot | null, arg: A) => R;

/** The selector of the card's host element (DESIGN.md, contract 6). */
export const CARD_HOST = '[data-siyaq-card]';

const sessions = new WeakMap<PlaywrightPage, Promise<CDPSession>>();

function cdpFor(page: PlaywrightPage): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  return session;
}

/** Runs `fn(shadowRoot, arg)` in a Chromium page through CDP. */
export async function chromiumCard<A, R>(page: PlaywrightPage, fn: CardFn<A, R>, arg: A): Promise<R> {
  const cdp = await cdpFor(page);
  const call = `function (arg) { return (${fn.toString()})(this instanceof ShadowRoot ? this : null, arg); }`;
  const { result: host } = await cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(CARD_HOST)})` });
  let objectId: string | undefined;
  if (host.objectId) {
    const { node } = await cdp.send('DOM.describeNode', { objectId: host.objectId, depth: 0, pierce: true });
    const shadow = node.shadowRoots?.[0];
    if (shadow) objectId = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object.objectId;
  }
  if (!objectId) {
    // No card host: the function runs with null, on the page's global object.
    objectId = (await cdp.send('Runtime.evaluate', { expression: 'globalThis' })).result.objectId;
  }
  const res = await cdp.send('Runtime.callFunctionOn', {
    objectId,
    functionDeclaration: call,
    arguments: [{ value: arg }],
    returnByValue: true,
    awaitPromise: true,
  });
  if (res.exceptionDetails) throw new Error(`in the card: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`);
  return res.result.value as R;
}

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: BidiResult }>;
}
type BidiResult = { type: 'success'; result: BidiValue } | { type: 'exception'; exceptionDetails: { text: string } };
interface BidiValue {
  type: string;
  value?: unknown;
  sharedId?: string;
}

/** Runs `fn(shadowRoot, arg)` in a Firefox page through WebDriver BiDi. */
export async function firefoxCard<A, R>(page: PuppeteerPage, fn: CardFn<A, R>, arg: A): Promise<R> {
  // Puppeteer's BiDi connection and the page's browsing context id: not public API, but stable across 24.x.
  const connection = (page.browser() as unknown as { connection: BidiConnection }).connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const target = { context };
  const found = await connection.send('script.callFunction', {
    functionDeclaration: `() => document.querySelector(${JSON.stringify(CARD_HOST)})`,
    awaitPromise: false,
    target,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    resultOwnership: 'none',
  });
  if (found.result.type === 'exception') throw new Error(`finding the card host: ${found.result.exceptionDetails.text}`);
  const host = found.result.result;
  const shadow = host.type === 'node' ? (host.value as { shadowRoot?: BidiValue | null }).shadowRoot : null;
  const root = shadow?.sharedId ? { sharedId: shadow.sharedId } : { type: 'null' };
  const done = await connection.send('script.callFunction', {
    functionDeclaration: `(root, arg) => JSON.stringify((${fn.toString()})(root, JSON.parse(arg)) ?? null)`,
    awaitPromise: true,
    target,
    arguments: [root, { type: 'string', value: JSON.stringify(arg ?? null) }],
    resultOwnership: 'none',
  });
  if (done.result.type === 'exception') throw new Error(`in the card: ${done.result.exceptionDetails.text}`);
  return JSON.parse(done.result.result.value as string) as R;
}

/* ------------------------------------------------------------------------- */
/* Functions that run with the card's shadow root.                           */
/* ------------------------------------------------------------------------- */

/** The visible text of the card (or its undo notice), or null when nothing shows. */
export function visibleCardText(root: ShadowRoot | null): string | null {
  const frame = root?.querySelector<HTMLElement>('.siyaq-frame');
  if (!frame || frame.hidden) return null;
  const parts: string[] = [];
  const walker = document.createTreeWalker(frame, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    const parent = node.parentElement;
    if (!text || !parent || parent.closest('style')) continue;
    // Not opacity: the card fades in, and a tab in the background never runs the fade (rAF and animations wait).
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    parts.push(text);
  }
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * The centre of the card's visible button whose text or label includes `name`,
 * in client coordinates, scrolled into the card's view first (the body of an
 * expanded card scrolls); null when none.
 */
export function cardButtonCentre(root: ShadowRoot | null, name: string): { x: number; y: number } | null {
  for (const b of Array.from(root?.querySelectorAll('button') ?? [])) {
    const label = `${b.textContent ?? ''} ${b.getAttribute('aria-label') ?? ''}`;
    if (!label.includes(name) || !b.checkVisibility()) continue;
    b.scrollIntoView({ block: 'nearest' });
    const r = b.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  return null;
}

export interface CardGeometry {
  /** The dialog's box in client coordinates. */
  top: number;
  bottom: number;
  left: number;
  width: number;
  height: number;
  /** Pixels of the card's content hidden by scrolling, in the body and in the dialog itself. */
  hiddenContent: number;
  /** The header's box (name and ×). */
  headTop: number;
  headBottom: number;
  viewport: { width: number; height: number };
}

/** Where the open card is and whether anything in it scrolls; null when no card is open. */
export function cardGeometry(root: ShadowRoot | null): CardGeometry | null {
  const dialog = root?.querySelector<HTMLElement>('[role="dialog"]');
  const frame = root?.querySelector<HTMLElement>('.siyaq-frame');
  if (!dialog || !frame || frame.hidden) return null;
  const body = dialog.querySelector<HTMLElement>('.sq-card-body');
  const head = dialog.querySelector<HTMLElement>('.sq-card-head')!.getBoundingClientRect();
  const r = dialog.getBoundingClientRect();
  return {
    top: r.top,
    bottom: r.bottom,
    left: r.left,
    width: r.width,
    height: r.height,
    hiddenContent: [body, dialog].reduce((sum, el) => sum + (el ? Math.max(0, el.scrollHeight - el.clientHeight) : 0), 0),
    headTop: head.top,
    headBottom: head.bottom,
    viewport: { width: window.innerWidth, height: window.innerHeight },
  };
}

/**
 * The background's work, kept out of the entry point so it can be tested:
 * getting the database ready, answering the content script, and relaying
 * keyboard commands to the page. The MV3 service worker may be stopped at any
 * moment and started again by the next message, so what it holds (the ready
 * database, the compiled matcher, requests in progress, recent actions) is a
 * cache a new worker makes afresh.
 */
import { browser } from 'wxt/browser';
import { disableExtraSite } from '../site-access';
import { ID_PATTERN } from '../corpus/schema';
import type { FoundMention, Request, Response, TabRequest } from '../messages';
import { getSettings, muteTopic, setOutletEnabled } from '../settings';
import { outletFor, siteKey } from '../sites';
import type { SiyaqDb } from '../db/db';
import { cardFor } from '../db/queries';
import { findMentions } from '../detect/detect';
import { type MatcherSet, MatcherSets } from './matcher-set';

/**
 * Runs `start` (open, then seed) once and hands every caller the same promise,
 * so a request that wakes the worker waits for seeding to finish. A failure is
 * not kept: the next caller tries again.
 */
export function once(start: () => Promise<SiyaqDb>): () => Promise<SiyaqDb> {
  let ready: Promise<SiyaqDb> | null = null;
  return () =>
    (ready ??= start().catch((error: unknown) => {
      ready = null;
      throw error;
    }));
}

/** What the background knows of who sent a message (runtime.MessageSender, the fields used here). */
export interface Sender {
  /** The sending extension's id: only Siyaq's own scripts are answered. */
  id?: string;
  /** The sending document: a web page for a content script, an extension page for the options page. */
  url?: string;
  /** Present only for a content script (or an extension page in a tab). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * Bounds on what a page may ask. The content script sends text in batches of
 * 64 KB (lib/page/scanner.ts); a 50 MB detect took 6.8 s and 552 MB.
 */
export const REQUEST_LIMITS = {
  detectChars: 1 << 20,
  known: 10_000,
  requestId: 64,
} as const;

/**
 * How often a page's actions are carried out: a page that scripts the card
 * (or a reader who clicks twice) gets one, not one per click. `count` actions
 * per `windowMs` per tab; the same action with the same argument within the
 * window is the same action.
 */
const RATES = {
  'open-timeline': { count: 1, windowMs: 3000 },
  'mute-topic': { count: 3, windowMs: 10_000 },
  'disable-site': { count: 1, windowMs: 3000 },
} as const;

type Action = keyof typeof RATES;

/** Sliding-window rate limit per key, on an injected clock. */
export class RateLimit {
  private readonly times = new Map<string, number[]>();

  constructor(private readonly now: () => number) {}

  allow(key: string, count: number, windowMs: number): boolean {
    const t = this.now();
    const recent = (this.times.get(key) ?? []).filter((at) => t - at < windowMs);
    const allowed = recent.length < count;
    if (allowed) recent.push(t);
    if (recent.length) this.times.set(key, recent);
    else this.times.delete(key);
    return allowed;
  }
}

const OK = { ok: true } as const;
const REFUSED = { ok: false } as const;

function isTopicId(v: unknown): v is string {
  return typeof v === 'string' && ID_PATTERN.test(v);
}

/** The request's shape and sizes; what they name (topics, the site) is checked against the corpus and the sender later. */
function isRequest(m: unknown): m is Request {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'detect':
      return (
        typeof r.id === 'string' &&
        r.id.length > 0 &&
        r.id.length <= REQUEST_LIMITS.requestId &&
        typeof r.text === 'string' &&
        r.text.length <= REQUEST_LIMITS.detectChars &&
        Array.isArray(r.known) &&
        r.known.length <= REQUEST_LIMITS.known &&
        r.known.every(isTopicId)
      );
    case 'card':
      return (
        isTopicId(r.topic) &&
        (r.articleDate === null || (typeof r.articleDate === 'string' && r.articleDate.length <= 10)) &&
        (r.limit === undefined || typeof r.limit === 'number')
      );
    case 'open-timeline':
      return r.topic === undefined || isTopicId(r.topic);
    case 'mute-topic':
      return isTopicId(r.topic);
    case 'disable-site':
    case 'packs-changed':
      return true;
    default:
      return false;
  }
}

/** A web page's content script in one of this extension's tabs; null for anyone else. */
function pageOf(sender: Sender): { tabId: number; url: string; frame: number } | null {
  const tab = sender.tab;
  if (tab?.id === undefined || typeof tab.url !== 'string' || !/^https?:\/\//i.test(tab.url)) return null;
  return { tabId: tab.id, url: tab.url, frame: sender.frameId ?? 0 };
}

/** One of Siyaq's own extension pages (the options page), by the document's address. */
function isExtensionPage(sender: Sender): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL('/'));
}

export interface BackgroundOptions {
  /** Milliseconds: `Date.now` unless a test injects a clock. */
  now?: () => number;
  matchers?: MatcherSets;
}

/** Answers kept after they are given, so a retry that arrives just after its attempt finished is not worked again. */
const KEPT_ANSWERS = 32;

/**
 * The background's answers to Siyaq's scripts: requests are checked, against
 * who sent them as well as what they say, before anything is read or done.
 */
export class Background {
  readonly matchers: MatcherSets;
  private readonly rates: RateLimit;
  /** Detect attempts by tab, frame and request id: a retry joins its attempt. */
  private readonly detecting = new Map<string, Promise<FoundMention[]>>();

  constructor(
    private readonly ready: () => Promise<SiyaqDb>,
    { now = Date.now, matchers = new MatcherSets() }: BackgroundOptions = {},
  ) {
    this.matchers = matchers;
    this.rates = new RateLimit(now);
  }

  /** The matcher for the packs as they are now, compiled off any page's request when called at start-up. */
  async matcherSet(): Promise<MatcherSet> {
    const [db, settings] = await Promise.all([this.ready(), getSettings()]);
    return this.matchers.get(db, settings.markImported);
  }

  /** The runtime.onMessage answer: a promise for Siyaq's checked requests, undefined for anything else. */
  handle(message: unknown, sender: Sender): Promise<unknown> | undefined {
    if (sender.id !== browser.runtime.id || !isRequest(message)) return undefined;
    if (message.type === 'packs-changed') return isExtensionPage(sender) ? this.packsChanged() : undefined;
    const page = pageOf(sender);
    if (!page) return undefined;
    return this.fromPage(message, page);
  }

  private async packsChanged(): Promise<Response<{ type: 'packs-changed' }>> {
    return { skipped: (await this.matcherSet()).skipped };
  }

  private async fromPage(
    request: Exclude<Request, { type: 'packs-changed' }>,
    page: { tabId: number; url: string; frame: number },
  ): Promise<unknown> {
    switch (request.type) {
      case 'detect':
        return this.detect(request, `${page.tabId}/${page.frame}/${request.id}`);
      case 'card': {
        if (!(await this.matcherSet()).topics.has(request.topic)) return null;
        return cardFor(await this.ready(), request.topic, request.articleDate, request.limit);
      }
      case 'open-timeline': {
        if (request.topic !== undefined && !(await this.matcherSet()).topics.has(request.topic)) return REFUSED;
        if (!this.allowed('open-timeline', page.tabId)) return REFUSED;
        const hash = request.topic ? `#topic=${encodeURIComponent(request.topic)}` : '';
        await browser.tabs.create({ url: browser.runtime.getURL('/timeline.html') + hash });
        return OK;
      }
      case 'mute-topic':
        if (!(await this.matcherSet()).topics.has(request.topic)) return REFUSED;
        if (!this.allowed('mute-topic', page.tabId)) return REFUSED;
        await muteTopic(request.topic);
        return OK;
      case 'disable-site': {
        // The site is the sending tab's: a message naming "*" once gave back every origin's permission.
        const host = siteKey(page.url);
        if (!host || !this.allowed('disable-site', page.tabId)) return REFUSED;
        // A built-in outlet is turned off by a setting; any other site also gives its permission and script back.
        if (outletFor(page.url)) await setOutletEnabled(host, false);
        else await disableExtraSite(host);
        return OK;
      }
    }
  }

  private allowed(action: Action, tabId: number): boolean {
    const { count, windowMs } = RATES[action];
    return this.rates.allow(`${action}/${tabId}`, count, windowMs);
  }

  private detect(request: { text: string; known: string[] }, key: string): Promise<FoundMention[]> {
    let answer = this.detecting.get(key);
    if (answer) return answer;
    answer = this.matcherSet().then(({ matcher, topics }) =>
      findMentions(
        request.text,
        matcher,
        request.known.filter((t) => topics.has(t)),
      ),
    );
    this.detecting.set(key, answer);
    // A failed attempt is forgotten so that its retry works afresh; a finished one is kept a little while.
    answer.then(
      () => {
        while (this.detecting.size > KEPT_ANSWERS) this.detecting.delete(this.detecting.keys().next().value!);
      },
      () => this.detecting.delete(key),
    );
    return answer;
  }
}

/**
 * The runtime.onMessage listener: a promise for Siyaq's requests (never
 * sendResponse + `return true`, which fakeBrowser and Firefox's polyfill do not
 * honour alike), undefined for anything else so that other listeners may answer.
 */
export function createMessageListener(
  ready: () => Promise<SiyaqDb>,
  options?: BackgroundOptions,
): (message: unknown, sender: Sender) => Promise<unknown> | undefined {
  const background = new Background(ready, options);
  return (message, sender) => background.handle(message, sender);
}

const DIRECTIONS: Record<string, 1 | -1> = { 'next-mention': 1, 'previous-mention': -1 };

/** Passes a keyboard command (wxt.config `commands`) to the content script of the active tab. */
export async function relayCommand(command: string): Promise<void> {
  const direction = DIRECTIONS[command];
  if (direction === undefined) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  try {
    await browser.tabs.sendMessage(tab.id, { type: 'step-mention', direction } satisfies TabRequest);
  } catch {
    // No content script in that tab (a browser page, or a site Siyaq does not read): nothing to step through.
  }
}

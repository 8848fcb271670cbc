/**
 * The background's work, kept out of the entry point so it can be tested:
 * getting the database ready, answering the content script, and relaying
 * keyboard commands to the page. The MV3 service worker may be stopped at any
 * moment and started again by the next message, so nothing here holds state
 * beyond the promise of a ready database, which a new worker makes afresh.
 */
import { browser } from 'wxt/browser';
import { disableExtraSite } from '../site-access';
import type { MatcherTopic, Request, Response, TabRequest } from '../messages';
import { muteTopic, setOutletEnabled } from '../settings';
import { OUTLETS } from '../sites';
import type { SiyaqDb } from './db';
import { cardFor, matcherTopics } from './queries';
import { type Matcher, compileMatcher } from '../detect/matcher';
import { findMentions } from '../detect/detect';

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

const OK = { ok: true } as const;

function isRequest(m: unknown): m is Request {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'detect':
      return typeof r.text === 'string' && Array.isArray(r.known) && r.known.every((k) => typeof k === 'string');
    case 'card':
      return (
        typeof r.topic === 'string' &&
        (r.articleDate === null || typeof r.articleDate === 'string') &&
        (r.limit === undefined || typeof r.limit === 'number')
      );
    case 'open-timeline':
      return r.topic === undefined || typeof r.topic === 'string';
    case 'mute-topic':
      return typeof r.topic === 'string';
    case 'disable-site':
      return typeof r.host === 'string';
    default:
      return false;
  }
}

/**
 * The last compiled matcher, kept while the worker lives: every page asks it
 * to read its text, and the topics change only when a pack is imported,
 * removed or reset. Keyed by the topics themselves, so any change to them
 * compiles afresh.
 */
let compiled: { key: string; matcher: Matcher } | null = null;

export function matcherFor(topics: MatcherTopic[]): Matcher {
  const key = JSON.stringify(topics);
  if (compiled?.key !== key) compiled = { key, matcher: compileMatcher(topics) };
  return compiled.matcher;
}

export async function answer<R extends Request>(request: R, ready: () => Promise<SiyaqDb>): Promise<Response<R>>;
export async function answer(request: Request, ready: () => Promise<SiyaqDb>): Promise<Response<Request>> {
  switch (request.type) {
    case 'detect':
      return findMentions(request.text, matcherFor(await matcherTopics(await ready())), request.known);
    case 'card':
      return cardFor(await ready(), request.topic, request.articleDate, request.limit);
    case 'open-timeline': {
      const hash = request.topic ? `#topic=${encodeURIComponent(request.topic)}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL('/timeline.html') + hash });
      return OK;
    }
    case 'mute-topic':
      await muteTopic(request.topic);
      return OK;
    case 'disable-site':
      // A built-in outlet is turned off by a setting; any other site also gives its permission and script back.
      if (OUTLETS.some((o) => o.host === request.host)) await setOutletEnabled(request.host, false);
      else await disableExtraSite(request.host);
      return OK;
  }
}

/**
 * The runtime.onMessage listener: a promise for Siyaq's requests (never
 * sendResponse + `return true`, which fakeBrowser and Firefox's polyfill do not
 * honour alike), undefined for anything else so that other listeners may answer.
 */
export function createMessageListener(ready: () => Promise<SiyaqDb>): (message: unknown) => Promise<unknown> | undefined {
  return (message) => (isRequest(message) ? answer(message, ready) : undefined);
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

import './style.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILT_IN_MATCHES } from '../../lib/sites';
import { getSettings, releaseListener, siteEnabled, watchSettings, type Settings } from '../../lib/settings';
import { uiLang } from '../../lib/i18n';
import { pageDigits, resolveDigits } from '../../lib/digits';
import type { CardData, FoundMention, PageSummary, Request, TabRequest } from '../../lib/messages';
import { PageController, type DisplaySettings, type ReaderUi } from '../../lib/page/controller';
import { DEFAULT_ATTEMPT_MS, DEFAULT_PAUSES, persist, requestIds } from '../../lib/page/persist';
import { READER_UI_KEY, READER_UI_PATH, type ReaderUiModule } from './reader-ui-key';

export default defineContentScript({
  matches: [...BUILT_IN_MATCHES],
  runAt: 'document_idle',
  main: run,
});

async function ask<T>(request: Request): Promise<T> {
  return await browser.runtime.sendMessage(request);
}

const nextRequestId = requestIds();

/**
 * Asks the background, and again while the extension is alive: the worker may
 * be stopped just as a request reaches it, and the request then fails or is
 * never answered (lib/page/persist.ts). Mentions in the page's text and cards
 * are asked for this way; a card request left unanswered would otherwise stand
 * for its topic until the page is reloaded. Every attempt sends the same
 * request: a detect request's id lets a retry join the work already under way.
 */
function askPersistently<T>(ctx: ContentScriptContext, request: Request): Promise<T> {
  return persist(() => ask<T>(request), {
    isAlive: () => !ctx.isInvalid,
    pauses: DEFAULT_PAUSES,
    attemptMs: DEFAULT_ATTEMPT_MS,
  });
}

/**
 * Imports the card and the date reader from the extension's own file; it runs
 * in this script's world and leaves its module on globalThis.
 */
async function importReaderUi(): Promise<ReaderUiModule> {
  const slot = globalThis as Record<symbol, ReaderUiModule | undefined>;
  if (!slot[READER_UI_KEY]) await import(/* @vite-ignore */ browser.runtime.getURL(READER_UI_PATH));
  const module = slot[READER_UI_KEY];
  if (!module) throw new Error(`Siyaq: ${READER_UI_PATH} loaded without its module`);
  return module;
}

function display(settings: Settings): DisplaySettings {
  const { markStyle, markAll, dwellMs, mutedTopics } = settings;
  return { markStyle, markAll, dwellMs, mutedTopics };
}

/**
 * Starts Siyaq on this page while the site is on; stops it, leaving nothing
 * behind, when the reader turns it off or the extension is reloaded (ctx.signal).
 */
async function run(ctx: ContentScriptContext): Promise<void> {
  let session: { controller: PageController; stop: AbortController } | null = null;

  const start = (settings: Settings): void => {
    const stop = new AbortController();
    ctx.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const controller: PageController = new PageController({
      win: window,
      signal: stop.signal,
      settings: display(settings),
      detectText: (text, known) => askPersistently<FoundMention[]>(ctx, { type: 'detect', id: nextRequestId(), text, known: [...known] }),
      fetchCard: (topic, articleDate) => askPersistently<CardData | null>(ctx, { type: 'card', topic, articleDate, limit: 5 }),
      // ctx.isInvalid notices a reloaded extension and aborts ctx.signal, which stops this session.
      isAlive: () => !ctx.isInvalid,
      loadUi: async (): Promise<ReaderUi> => {
        const ui = await importReaderUi();
        return {
          detectPublished: ui.detectPublished,
          // The card speaks the reader's language setting and writes digits as set (by default, as the page does).
          createCard: () =>
            ui.createCardHost(
              document,
              uiLang(settings.language),
              {
                onClose: () => controller.close(),
                onOpenTimeline: (topic) => void ask({ type: 'open-timeline', topic }),
                onMute: (topic) => void ask({ type: 'mute-topic', topic }),
                onDisableSite: () => void ask({ type: 'disable-site' }),
              },
              { digits: resolveDigits(settings.digits, () => pageDigits(document)) },
            ),
        };
      },
    });
    session = { controller, stop };
    // A failed read (say, the extension was reloaded mid-way) leaves the page as it was.
    controller.start().catch(() => stop.abort());
  };

  const settings = await getSettings();
  if (ctx.isInvalid) return;
  if (siteEnabled(settings, location.href)) start(settings);

  watchSettings((next) => {
    const on = siteEnabled(next, location.href);
    if (session && !on) {
      session.stop.abort();
      session = null;
    } else if (!session && on) {
      start(next);
    } else if (session) {
      session.controller.updateSettings(display(next));
    }
  }, ctx.signal);

  const onMessage = (message: unknown): Promise<unknown> | undefined => {
    const request = message as TabRequest;
    if (request?.type !== 'page-summary' && request?.type !== 'step-mention' && request?.type !== 'show-topic') return undefined;
    if (!session) {
      return Promise.resolve(
        request.type === 'page-summary'
          ? ({ url: location.href, active: false, arabic: false, published: null, topics: [] } satisfies PageSummary)
          : { ok: false },
      );
    }
    return session.controller.handle(request);
  };
  // runtime.onMessage takes a returned promise as the answer (the WebExtension API).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener(onMessage);
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  ctx.signal.addEventListener('abort', () => releaseListener(() => browser.runtime.onMessage.removeListener(onMessage)), {
    once: true,
  });
}

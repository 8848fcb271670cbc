import './style.css';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { BUILT_IN_MATCHES } from '../../lib/sites';
import { getSettings, releaseListener, siteEnabled, watchSettings, type Settings } from '../../lib/settings';
import { uiLang } from '../../lib/i18n';
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
  return (await browser.runtime.sendMessage(request)) as T;
}

const nextRequestId = requestIds();

/**
 * Mentions in the page's text, found by the background; asked again while the
 * extension is alive: the worker may be stopped just as the page's first
 * request reaches it (lib/page/persist.ts). Every attempt carries the same id,
 * so a retry joins the work already under way instead of adding to it.
 */
function askDetect(ctx: ContentScriptContext, text: string, known: readonly string[]): Promise<FoundMention[]> {
  const request: Request = { type: 'detect', id: nextRequestId(), text, known: [...known] };
  return persist(() => ask<FoundMention[]>(request), {
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
  const lang = uiLang();

  const start = (settings: Settings): void => {
    const stop = new AbortController();
    ctx.signal.addEventListener('abort', () => stop.abort(), { once: true });
    const controller: PageController = new PageController({
      win: window,
      signal: stop.signal,
      settings: display(settings),
      detectText: (text, known) => askDetect(ctx, text, known),
      fetchCard: (topic, articleDate) => ask<CardData | null>({ type: 'card', topic, articleDate, limit: 5 }),
      // ctx.isInvalid notices a reloaded extension and aborts ctx.signal, which stops this session.
      isAlive: () => !ctx.isInvalid,
      loadUi: async (): Promise<ReaderUi> => {
        const ui = await importReaderUi();
        return {
          detectPublished: ui.detectPublished,
          createCard: () =>
            ui.createCardHost(document, lang, {
              onClose: () => controller.close(),
              onOpenTimeline: (topic) => void ask({ type: 'open-timeline', topic }),
              onMute: (topic) => void ask({ type: 'mute-topic', topic }),
              onDisableSite: () => void ask({ type: 'disable-site' }),
            }),
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
    if (request?.type !== 'page-summary' && request?.type !== 'step-mention') return undefined;
    if (!session) {
      return Promise.resolve(
        request.type === 'page-summary'
          ? ({ url: location.href, active: false, arabic: false, published: null, topics: [] } satisfies PageSummary)
          : { ok: false },
      );
    }
    return session.controller.handle(request);
  };
  browser.runtime.onMessage.addListener(onMessage);
  ctx.signal.addEventListener('abort', () => releaseListener(() => browser.runtime.onMessage.removeListener(onMessage)), {
    once: true,
  });
}

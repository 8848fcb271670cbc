/**
 * The toolbar popup: what Siyaq found on the page in view, the switch for this
 * site, and the timeline scoped to the page's topics. A page read with nothing
 * marked says so first and keeps the timeline behind a search and a "browse"
 * button, rather than opening on every event of the library. A pure view: the
 * entry point (entrypoints/popup/main.tsx) asks the tab, reads the database
 * and handles the switch.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DigitSet } from '../lib/digits';
import type { PageSummary } from '../lib/messages';
import type { Settings } from '../lib/settings';
import type { BrowserKind, Shortcuts } from '../lib/shortcuts';
import { formatDate, localized, t, tn, type Lang } from '../lib/i18n';
import { DigitsContext } from './digits-context';
import { countAfter } from './event-time';
import { KeyboardHelp } from './KeyboardHelp';
import { Preparing } from './Preparing';
import { Timeline, type TimelineData } from './Timeline';

export type PageState =
  | { state: 'asking' }
  /** No content script answered: not a page Siyaq reads, or not read yet. */
  | { state: 'none' }
  | { state: 'ready'; summary: PageSummary };

export interface PopupProps {
  lang: Lang;
  /** Digits of dates and counts: the reader's setting, or the page's own. */
  digits: DigitSet;
  /** null while the bundled library is still being seeded. */
  data: TimelineData | null;
  error: string | null;
  page: PageState;
  /** The tab's site, or null for pages Siyaq never reads (browser pages, files). */
  site: { host: string; builtIn: boolean } | null;
  /** Whether Siyaq reads the tab's site under the current settings. */
  siteOn: boolean;
  settings: Settings;
  /** A line to show after the switch was used (permission refused, reload needed). */
  notice: string | null;
  /** Called straight from the click, so a permission prompt still counts as the reader's gesture. */
  onToggleSite(on: boolean): void;
  onEnable(): void;
  onOpenTimelinePage(topic: string | null): void;
  onOpenOptions(): void;
  /** Takes the reader to the topic's mention in the tab and opens its card (a `show-topic` request). */
  onShowTopic(topic: string): void;
  shortcuts: Shortcuts | null;
  browserKind: BrowserKind;
  onChangeShortcuts(): void;
}

/**
 * Whether the popup opens on the timeline: not for a page Siyaq read and
 * marked nothing on, where the library is unrelated to what the reader sees.
 * Without an answer from a page (a browser page, popup.html in a tab of its
 * own) the popup is the library's way in, and lists it (DESIGN.md contract 6).
 */
function opensOnTimeline(page: PageState): boolean {
  return page.state !== 'ready' || (page.summary.active && page.summary.arabic && page.summary.topics.length > 0);
}

export function Popup(props: PopupProps) {
  const { lang, digits, data, error, page, site, siteOn, settings, notice } = props;
  const pageTopics = page.state === 'ready' ? page.summary.topics.map((tp) => tp.id) : [];
  const [scopeToPage, setScopeToPage] = useState(true);
  const [topic, setTopic] = useState<string | null>(null);
  // Without marks the timeline waits for the reader: 'search' also puts the cursor in its search box.
  const [opened, setOpened] = useState<'closed' | 'browse' | 'search'>('closed');
  const timelineRef = useRef<HTMLDivElement>(null);
  const scoped = scopeToPage && pageTopics.length > 0;
  const showTimeline = opensOnTimeline(page) || opened !== 'closed';

  useEffect(() => {
    if (opened === 'search') timelineRef.current?.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }, [opened]);

  return (
    <DigitsContext.Provider value={digits}>
      <div class="popup">
        <header class="popup-head">
          <h1 class="brand">{t('appName', lang)}</h1>
          {site ? (
            <button
              type="button"
              role="switch"
              class="switch"
              aria-checked={siteOn}
              disabled={!settings.enabled}
              onClick={() => props.onToggleSite(!siteOn)}
            >
              <span class="switch-track" aria-hidden="true">
                <span class="switch-thumb" />
              </span>
              <span class="switch-label">{t(siteOn ? 'siteOn' : 'siteOff', lang, { host: site.host })}</span>
            </button>
          ) : (
            <p class="muted">{t('siteUnsupported', lang)}</p>
          )}
        </header>

        {!settings.enabled ? (
          <p class="notice">
            {t('extensionOff', lang)}{' '}
            <button type="button" class="link-button" onClick={props.onEnable}>
              {t('enabled', lang)}
            </button>
          </p>
        ) : null}
        {notice ? (
          <p class="notice" role="status">
            {notice}
          </p>
        ) : null}
        {error ? (
          <p class="notice notice-error" role="alert">
            {t('loadFailed', lang, { error })}
          </p>
        ) : null}

        <section class="panel" aria-labelledby="on-this-page">
          <h2 id="on-this-page" class="panel-title">
            {t('onThisPage', lang)}
          </h2>
          <PageSection page={page} data={data} lang={lang} digits={digits} onShowTopic={props.onShowTopic} />
        </section>

        <section class="panel" aria-labelledby="timeline-title">
          <div class="panel-head">
            <h2 id="timeline-title" class="panel-title">
              {t('timeline', lang)}
            </h2>
            {pageTopics.length > 0 ? (
              <div class="segmented" role="group">
                <button
                  type="button"
                  aria-pressed={scoped}
                  onClick={() => {
                    setScopeToPage(true);
                    setTopic(null);
                  }}
                >
                  {t('pageTopicsOnly', lang)}
                </button>
                <button
                  type="button"
                  aria-pressed={!scoped}
                  onClick={() => {
                    setScopeToPage(false);
                    setTopic(null);
                  }}
                >
                  {t('showAll', lang)}
                </button>
              </div>
            ) : null}
          </div>
          {!data ? (
            error ? null : (
              <Preparing lang={lang} />
            )
          ) : showTimeline ? (
            <div ref={timelineRef}>
              <Timeline data={data} lang={lang} scope={scoped ? pageTopics : null} topic={topic} onTopic={setTopic} />
            </div>
          ) : (
            <div class="row">
              <button type="button" class="button" onClick={() => setOpened('search')}>
                {t('searchEvents', lang)}
              </button>
              <button type="button" class="button" onClick={() => setOpened('browse')}>
                {tn('browseTimeline', data.events.length, lang, digits)}
              </button>
            </div>
          )}
        </section>

        <section class="panel" aria-labelledby="keyboard-title">
          <h2 id="keyboard-title" class="panel-title">
            {t('keyboard', lang)}
          </h2>
          <KeyboardHelp lang={lang} shortcuts={props.shortcuts} browserKind={props.browserKind} onChange={props.onChangeShortcuts} />
        </section>

        <footer class="popup-foot">
          <button type="button" class="link-button" onClick={() => props.onOpenTimelinePage(topic)}>
            {t('openTimelinePage', lang)}
          </button>
          <button type="button" class="link-button" onClick={props.onOpenOptions}>
            {t('openOptions', lang)}
          </button>
        </footer>
      </div>
    </DigitsContext.Provider>
  );
}

function PageSection(props: { page: PageState; data: TimelineData | null; lang: Lang; digits: DigitSet; onShowTopic(id: string): void }) {
  const { page, data, lang, digits, onShowTopic } = props;
  if (page.state === 'asking') return <p class="muted">…</p>;
  if (page.state === 'none') return <p class="muted">{t('pageNotReadable', lang)}</p>;
  const { summary } = page;
  if (!summary.active) return <p class="muted">{t('pageInactive', lang)}</p>;
  if (!summary.arabic) return <p class="muted">{t('pageNotArabic', lang)}</p>;
  const ids = new Set(summary.topics.map((tp) => tp.id));
  const labels = new Map(data?.topics.map((tp) => [tp.id, localized(tp.label, lang)]));
  const pageEvents = data?.events.filter((e) => e.topics.some((id) => ids.has(id))) ?? [];
  // A home page or a section front has no publication date of its own: it is "a page", never "this article".
  const article = summary.article === true;
  const dateLine = summary.published ? (
    <p class="marker">
      <span class="marker-dot" aria-hidden="true" />
      <span>
        {t(article ? 'readingFrom' : 'readingPageFrom', lang, { date: formatDate(summary.published, lang, undefined, undefined, digits) })}
        {data && ids.size > 0 ? `: ${tn('eventsSince', countAfter(pageEvents, summary.published), lang, digits)}` : ''}
      </span>
    </p>
  ) : (
    <p class="muted">{t(article ? 'articleUndated' : 'pageUndated', lang)}</p>
  );
  if (summary.topics.length === 0) {
    return (
      <>
        {/* A front's teasers are not read (lib/reading/article.ts): say so rather than "no name it knows". */}
        <p class="page-empty">{t(article ? 'pageNoTopics' : 'pageFrontNoTopics', lang)}</p>
        {dateLine}
      </>
    );
  }
  return (
    <>
      {dateLine}
      <ul class="page-topics">
        {summary.topics.map((tp) => (
          <li key={tp.id}>
            <button type="button" class="page-topic" data-topic={tp.id} title={t('showOnPage', lang)} onClick={() => onShowTopic(tp.id)}>
              <span class="page-topic-label">{labels.get(tp.id) ?? tp.id}</span>
              <span class="page-topic-count">{tn('mentions', tp.count, lang, digits)}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

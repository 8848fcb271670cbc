/**
 * The toolbar popup: what Siyaq found on the page in view, the switch for this
 * site, and the timeline scoped to the page's topics. A pure view: the entry
 * point (entrypoints/popup/main.tsx) asks the tab, reads the database and
 * handles the switch.
 */
import { useState } from 'preact/hooks';
import type { PageSummary } from '../lib/messages';
import type { Settings } from '../lib/settings';
import { formatDate, localized, t, tn, type Lang } from '../lib/i18n';
import { countAfter } from './event-time';
import { Preparing } from './Preparing';
import { Timeline, type TimelineData } from './Timeline';

export type PageState =
  | { state: 'asking' }
  /** No content script answered: not a page Siyaq reads, or not read yet. */
  | { state: 'none' }
  | { state: 'ready'; summary: PageSummary };

export interface PopupProps {
  lang: Lang;
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
}

export function Popup(props: PopupProps) {
  const { lang, data, error, page, site, siteOn, settings, notice } = props;
  const pageTopics = page.state === 'ready' ? page.summary.topics.map((tp) => tp.id) : [];
  const [scopeToPage, setScopeToPage] = useState(true);
  const [topic, setTopic] = useState<string | null>(null);
  const scoped = scopeToPage && pageTopics.length > 0;

  return (
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
        <PageSection page={page} data={data} lang={lang} onTopic={(id) => { setScopeToPage(true); setTopic(id); }} />
      </section>

      <section class="panel" aria-labelledby="timeline-title">
        <div class="panel-head">
          <h2 id="timeline-title" class="panel-title">
            {t('timeline', lang)}
          </h2>
          {pageTopics.length > 0 ? (
            <div class="segmented" role="group">
              <button type="button" aria-pressed={scoped} onClick={() => { setScopeToPage(true); setTopic(null); }}>
                {t('pageTopicsOnly', lang)}
              </button>
              <button type="button" aria-pressed={!scoped} onClick={() => { setScopeToPage(false); setTopic(null); }}>
                {t('showAll', lang)}
              </button>
            </div>
          ) : null}
        </div>
        {data ? (
          <Timeline data={data} lang={lang} scope={scoped ? pageTopics : null} topic={topic} onTopic={setTopic} />
        ) : error ? null : (
          <Preparing lang={lang} />
        )}
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
  );
}

function PageSection({ page, data, lang, onTopic }: { page: PageState; data: TimelineData | null; lang: Lang; onTopic(id: string): void }) {
  if (page.state === 'asking') return <p class="muted">…</p>;
  if (page.state === 'none') return <p class="muted">{t('pageNotReadable', lang)}</p>;
  const { summary } = page;
  if (!summary.active) return <p class="muted">{t('pageInactive', lang)}</p>;
  if (!summary.arabic) return <p class="muted">{t('pageNotArabic', lang)}</p>;
  const ids = new Set(summary.topics.map((tp) => tp.id));
  const labels = new Map(data?.topics.map((tp) => [tp.id, localized(tp.label, lang)]));
  const pageEvents = data?.events.filter((e) => e.topics.some((id) => ids.has(id))) ?? [];
  return (
    <>
      {summary.published ? (
        <p class="marker">
          <span class="marker-dot" aria-hidden="true" />
          <span>
            {t('readingFrom', lang, { date: formatDate(summary.published, lang) })}
            {data && ids.size > 0 ? `: ${tn('eventsSince', countAfter(pageEvents, summary.published), lang)}` : ''}
          </span>
        </p>
      ) : (
        <p class="muted">{t('articleUndated', lang)}</p>
      )}
      {summary.topics.length === 0 ? (
        <p class="muted">{t('pageNoTopics', lang)}</p>
      ) : (
        <ul class="page-topics">
          {summary.topics.map((tp) => (
            <li key={tp.id}>
              <button type="button" class="page-topic" data-topic={tp.id} onClick={() => onTopic(tp.id)}>
                <span class="page-topic-label">{labels.get(tp.id) ?? tp.id}</span>
                <span class="page-topic-count">{tn('mentions', tp.count, lang)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

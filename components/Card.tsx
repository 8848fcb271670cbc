/**
 * The context card the content script shows beside a marked mention, inside an
 * open shadow root. Styles live in components/card.css, which the content
 * script adopts into that root (imported with `?inline`): this file must not
 * import CSS, nor anything heavier than Preact and lib/i18n (the content-script
 * bundle has a 50 KB gzipped budget).
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useId } from 'preact/hooks';
import type { CardData, CardEvent } from '../lib/messages';
import { dirOf, formatDate, localized, t, tn, type Lang } from '../lib/i18n';
import { relationTo, type Relation } from './event-time';
import { EvidenceDisclosure, EventDate, EventStatus, FromPack, outletsOf } from './EventParts';

export interface CardProps {
  data: CardData;
  /** The article's publication date (ISO prefix), or null when it is not known. */
  articleDate: string | null;
  lang: Lang;
  onClose(): void;
  onOpenTimeline(topicId: string): void;
  onMute(topicId: string): void;
  onDisableSite(): void;
}

const GROUP_TITLE = { before: 'beforeArticle', around: 'aroundArticle', after: 'afterArticle' } as const;

export function Card({ data, articleDate, lang, onClose, onOpenTimeline, onMute, onDisableSite }: CardProps) {
  const { topic } = data;
  const label = localized(topic.label, lang);

  function onKeyDown(e: TargetedKeyboardEvent<HTMLElement>) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }

  return (
    <section
      class="sq-card"
      role="dialog"
      // Focusable from script only: the keyboard command focuses the dialog so Tab
      // reaches its buttons; without it focus() does nothing and stays on the page.
      tabIndex={-1}
      aria-label={t('cardLabel', lang, { label })}
      lang={lang}
      dir={dirOf(lang)}
      onKeyDown={onKeyDown}
    >
      <header class="sq-card-head">
        <div class="sq-card-titles">
          <span class="sq-kind">{t(`kind_${topic.kind}`, lang)}</span>
          {/* The Arabic label always: it is the name as the article prints it. */}
          <h2 class="sq-card-title">
            <span lang="ar" dir="rtl">
              {topic.label.ar}
            </span>
          </h2>
          {lang === 'en' && topic.label.en ? <p class="sq-card-subtitle">{topic.label.en}</p> : null}
        </div>
        <button type="button" class="sq-icon-button" aria-label={t('close', lang)} title={t('close', lang)} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>

      <p class="sq-card-desc">{localized(topic.description, lang)}</p>

      {data.events.length === 0 ? (
        <p class="sq-empty">{t('noEvents', lang)}</p>
      ) : articleDate ? (
        <SplitEvents events={data.events} articleDate={articleDate} lang={lang} />
      ) : (
        <EventGroup title={t('latestEvents', lang)} events={data.events} lang={lang} />
      )}

      <footer class="sq-card-actions">
        <button type="button" class="sq-button sq-button-primary" onClick={() => onOpenTimeline(topic.id)}>
          {tn('moreInTimeline', data.totalEvents, lang)}
        </button>
        <div class="sq-card-secondary">
          <button type="button" class="sq-button sq-button-quiet" onClick={() => onMute(topic.id)}>
            {t('muteTopic', lang)}
          </button>
          <button type="button" class="sq-button sq-button-quiet" onClick={onDisableSite}>
            {t('disableSite', lang)}
          </button>
        </div>
      </footer>
    </section>
  );
}

/** Before the article, a "this article" marker with what falls around its date, then after. */
function SplitEvents({ events, articleDate, lang }: { events: CardEvent[]; articleDate: string; lang: Lang }) {
  const groups: Record<Relation, CardEvent[]> = { before: [], around: [], after: [] };
  for (const e of events) groups[relationTo(e.date, articleDate)].push(e);
  return (
    <div class="sq-card-events">
      {groups.before.length > 0 ? <EventGroup title={t(GROUP_TITLE.before, lang)} events={groups.before} lang={lang} /> : null}
      <div class="sq-here">
        <span class="sq-here-dot" aria-hidden="true" />
        <span>
          {t('thisArticle', lang)} · <time dateTime={articleDate}>{formatDate(articleDate, lang)}</time>
        </span>
      </div>
      {groups.around.length > 0 ? <EventGroup title={t(GROUP_TITLE.around, lang)} events={groups.around} lang={lang} /> : null}
      {groups.after.length > 0 ? <EventGroup title={t(GROUP_TITLE.after, lang)} events={groups.after} lang={lang} /> : null}
    </div>
  );
}

function EventGroup({ title, events, lang }: { title: string; events: CardEvent[]; lang: Lang }) {
  const id = useId();
  return (
    <section class="sq-group" aria-labelledby={id}>
      <h3 id={id} class="sq-group-title">
        {title}
      </h3>
      <ol class="sq-rail">
        {events.map((e) => (
          <CardEventItem key={e.id} event={e} lang={lang} />
        ))}
      </ol>
    </section>
  );
}

function CardEventItem({ event, lang }: { event: CardEvent; lang: Lang }) {
  const outlets = outletsOf(event.sources);
  return (
    <li class="sq-event" data-event-id={event.id}>
      <div class="sq-event-meta">
        <EventDate event={event} lang={lang} />
        <EventStatus status={event.status} lang={lang} />
        <FromPack pack={event.pack} lang={lang} />
      </div>
      <p class="sq-event-title">{localized(event.title, lang)}</p>
      <EvidenceDisclosure items={event.evidence.map((evidence, i) => ({ evidence, source: event.sources[i] }))} lang={lang}>
        {outlets.length > 0 ? (
          <span class="sq-event-outlets" dir="auto">
            {outlets.join(lang === 'ar' ? '، ' : ', ')}
          </span>
        ) : null}
      </EvidenceDisclosure>
    </li>
  );
}

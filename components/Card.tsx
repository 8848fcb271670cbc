/**
 * The context card the content script shows beside a marked mention, inside a
 * closed shadow root (docs/adr/0008-card-in-a-closed-shadow-root.md). Styles
 * live in components/card.css, which the content script adopts into that root
 * (imported with `?inline`): this file must not import CSS, nor anything
 * heavier than Preact and lib/i18n.
 *
 * By default it is a preview, as Wikipedia's Page Previews are: the name, its
 * kind, two lines of description and the events nearest the article on each
 * side of its date. "More" opens the rest in place; only the body scrolls, so
 * the name and × stay in view.
 */
import type { TargetedKeyboardEvent } from 'preact';
import { useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CardData, CardEvent } from '../lib/messages';
import { dirOf, formatDate, localized, t, tn, type Lang } from '../lib/i18n';
import type { DigitSet } from '../lib/digits';
import { relationTo, type Relation } from './event-time';
import { DigitsContext, useDigits } from './digits-context';
import { EvidenceDisclosure, EventDate, EventStatus, FromPack, outletsOf } from './EventParts';

export interface CardProps {
  data: CardData;
  /** The article's publication date (ISO prefix), or null when it is not known. */
  articleDate: string | null;
  lang: Lang;
  /** Digits of the card's dates and counts (lib/digits.ts); Western when not given. */
  digits?: DigitSet;
  onClose(): void;
  onOpenTimeline(topicId: string): void;
  onMute(topicId: string): void;
  onDisableSite(): void;
  /**
   * Whether an event is the reader's own. The card lives in someone else's
   * page, whose scripts may dispatch clicks and keys: only trusted events act.
   * Component tests, whose events are all synthetic, pass `() => true`.
   */
  trusts?: (event: Event) => boolean;
  /** Called after the card changed size ("more" or "less"), so its host can place it again. */
  onResize?(): void;
}

/** How many events the preview shows. */
export const PREVIEW_EVENTS = 3;

const GROUP_TITLE = { before: 'beforeArticle', around: 'aroundArticle', after: 'afterArticle' } as const;

const fromReader = (event: Event): boolean => event.isTrusted;

export function Card({ digits = 'latn', ...props }: CardProps) {
  return (
    <DigitsContext.Provider value={digits}>
      <CardBody {...props} />
    </DigitsContext.Provider>
  );
}

function CardBody(props: Omit<CardProps, 'digits'>) {
  const { data, articleDate, lang, onClose, onOpenTimeline, onMute, onDisableSite, onResize, trusts = fromReader } = props;
  const { topic } = data;
  const digits = useDigits();
  const label = localized(topic.label, lang);
  const [expanded, setExpanded] = useState(false);
  const bodyId = useId();
  const act = readerOnly(trusts);
  const rendered = useRef(false);
  useLayoutEffect(() => {
    if (rendered.current) onResize?.();
    rendered.current = true;
  }, [expanded]);

  function onKeyDown(e: TargetedKeyboardEvent<HTMLElement>) {
    if (e.key === 'Escape' && trusts(e)) {
      e.stopPropagation();
      onClose();
    }
  }

  const events = expanded ? data.events : previewOf(data.events, articleDate);
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
      data-expanded={expanded ? '' : undefined}
      onKeyDown={onKeyDown}
    >
      <header class="sq-card-head">
        <div class="sq-card-titles">
          {/* The Arabic label always: it is the name as the article prints it. */}
          <h2 class="sq-card-title">
            <span lang="ar" dir="rtl">
              {topic.label.ar}
            </span>
          </h2>
          <span class="sq-kind">{t(`kind_${topic.kind}`, lang)}</span>
          {lang === 'en' && topic.label.en ? <p class="sq-card-subtitle">{topic.label.en}</p> : null}
        </div>
        <button type="button" class="sq-icon-button" aria-label={t('close', lang)} title={t('close', lang)} onClick={act(onClose)}>
          <span aria-hidden="true">×</span>
        </button>
      </header>

      <div class="sq-card-body" id={bodyId}>
        <p class="sq-card-desc">{localized(topic.description, lang, digits)}</p>

        {data.events.length === 0 ? (
          <p class="sq-empty">{t('noEvents', lang)}</p>
        ) : articleDate ? (
          <SplitEvents events={events} articleDate={articleDate} lang={lang} full={expanded} />
        ) : (
          <EventGroup title={t('latestEvents', lang)} events={events} lang={lang} full={expanded} />
        )}

        {expanded ? (
          <div class="sq-card-secondary">
            <button type="button" class="sq-button sq-button-quiet" onClick={act(() => onMute(topic.id))}>
              {t('muteTopic', lang)}
            </button>
            <button type="button" class="sq-button sq-button-quiet" onClick={act(onDisableSite)}>
              {t('disableSite', lang)}
            </button>
          </div>
        ) : null}
      </div>

      <footer class="sq-card-actions">
        <button
          type="button"
          class="sq-button sq-button-more"
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={act(() => setExpanded(!expanded))}
        >
          {t(expanded ? 'cardLess' : 'cardMore', lang)}
        </button>
        <button type="button" class="sq-button sq-button-primary" onClick={act(() => onOpenTimeline(topic.id))}>
          {tn('moreInTimeline', data.totalEvents, lang, digits)}
        </button>
      </footer>
    </section>
  );
}

/** Wraps an action so that only the reader's own events reach it. */
function readerOnly(trusts: (event: Event) => boolean) {
  return (action: () => void) =>
    (e: Event): void => {
      if (trusts(e)) action();
    };
}

export interface UndoNoticeProps {
  message: string;
  lang: Lang;
  /** How long Undo is offered: a bar shows the time running out. */
  durationMs: number;
  onUndo(): void;
  onDismiss(): void;
  trusts?: (event: Event) => boolean;
}

/** What the reader just did, said where the card was, with Undo while it is offered. */
export function UndoNotice({ message, lang, durationMs, onUndo, onDismiss, trusts = fromReader }: UndoNoticeProps) {
  const act = readerOnly(trusts);
  return (
    <section class="sq-card sq-notice" role="status" lang={lang} dir={dirOf(lang)}>
      <p class="sq-notice-text">{message}</p>
      <button type="button" class="sq-button sq-button-more" data-undo="" onClick={act(onUndo)}>
        {t('undo', lang)}
      </button>
      <button type="button" class="sq-icon-button" aria-label={t('close', lang)} title={t('close', lang)} onClick={act(onDismiss)}>
        <span aria-hidden="true">×</span>
      </button>
      <span class="sq-notice-time" aria-hidden="true" style={{ animationDuration: `${durationMs}ms` }} />
    </section>
  );
}

/**
 * The preview's events, oldest first: the nearest before the article and the
 * nearest after it come first, then those around its date, then more of each
 * side, nearest first. With no article date, the latest.
 */
export function previewOf(events: CardEvent[], articleDate: string | null, size = PREVIEW_EVENTS): CardEvent[] {
  if (!articleDate) return events.slice(-size);
  const side = (r: Relation) => events.filter((e) => relationTo(e.date, articleDate) === r);
  const before = side('before').reverse();
  const after = side('after');
  const order = [...before.slice(0, 1), ...after.slice(0, 1), ...side('around'), ...before.slice(1), ...after.slice(1)];
  const chosen = new Set(order.slice(0, size));
  return events.filter((e) => chosen.has(e));
}

/** Before the article, a "this article" marker with what falls around its date, then after. */
function SplitEvents({ events, articleDate, lang, full }: { events: CardEvent[]; articleDate: string; lang: Lang; full: boolean }) {
  const groups: Record<Relation, CardEvent[]> = { before: [], around: [], after: [] };
  for (const e of events) groups[relationTo(e.date, articleDate)].push(e);
  const digits = useDigits();
  const group = (r: Relation) =>
    groups[r].length > 0 ? <EventGroup title={t(GROUP_TITLE[r], lang)} events={groups[r]} lang={lang} full={full} /> : null;
  return (
    <div class="sq-card-events">
      {group('before')}
      <div class="sq-here">
        <span class="sq-here-dot" aria-hidden="true" />
        <span>
          {t('thisArticle', lang)} · <time dateTime={articleDate}>{formatDate(articleDate, lang, undefined, undefined, digits)}</time>
        </span>
      </div>
      {group('around')}
      {group('after')}
    </div>
  );
}

function EventGroup({ title, events, lang, full }: { title: string; events: CardEvent[]; lang: Lang; full: boolean }) {
  const id = useId();
  return (
    <section class="sq-group" aria-labelledby={id}>
      <h3 id={id} class="sq-group-title">
        {title}
      </h3>
      <ol class="sq-rail">
        {events.map((e) => (
          <CardEventItem key={e.id} event={e} lang={lang} full={full} />
        ))}
      </ol>
    </section>
  );
}

/** In the preview, an event's date and title on one line that wraps once; expanded, its outlets and quotes too. */
function CardEventItem({ event, lang, full }: { event: CardEvent; lang: Lang; full: boolean }) {
  const digits = useDigits();
  if (!full) {
    return (
      <li class="sq-event" data-event-id={event.id}>
        <p class="sq-event-line">
          <EventDate event={event} lang={lang} /> <EventStatus status={event.status} lang={lang} />{' '}
          <span class="sq-event-title">{localized(event.title, lang, digits)}</span>
        </p>
      </li>
    );
  }
  const outlets = outletsOf(event.sources, lang);
  return (
    <li class="sq-event" data-event-id={event.id}>
      <div class="sq-event-meta">
        <EventDate event={event} lang={lang} />
        <EventStatus status={event.status} lang={lang} />
        <FromPack pack={event.pack} lang={lang} />
      </div>
      <p class="sq-event-title">{localized(event.title, lang, digits)}</p>
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

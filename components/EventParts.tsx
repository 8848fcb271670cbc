/**
 * Pieces every view of an event shares (card, popup, timeline page): its date
 * shown no more precisely than it is known, its status, its outlets and its
 * evidence behind a disclosure. The card imports this file, so it stays free of
 * anything heavier than Preact and lib/i18n.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import type { CorpusEvent, Evidence, Localized, Source } from '../lib/corpus/types';
import { formatDate, localized, t, type Lang } from '../lib/i18n';
import { safeHref } from './event-time';
import { useDigits } from './digits-context';

export function EventDate({ event, lang }: { event: Pick<CorpusEvent, 'date' | 'datePrecision' | 'dateBasis'>; lang: Lang }) {
  const inferred = event.dateBasis === 'inferred';
  const digits = useDigits();
  return (
    <time
      class={inferred ? 'sq-date sq-date-approx' : 'sq-date'}
      dateTime={event.date}
      title={inferred ? t('approxDate', lang) : undefined}
    >
      {formatDate(event.date, lang, event.datePrecision, event.dateBasis, digits)}
    </time>
  );
}

/**
 * The imported pack an event comes from, beside its date: an import's text
 * never passes as the bundled corpus's, whatever outlet it names.
 */
export function FromPack({ pack, lang }: { pack: { title: Localized } | undefined; lang: Lang }) {
  if (!pack) return null;
  return (
    <span class="sq-from-pack" data-from-pack="">
      {t('fromImport', lang, { title: localized(pack.title, lang) })}
    </span>
  );
}

export function EventStatus({ status, lang }: { status: CorpusEvent['status']; lang: Lang }) {
  if (status === 'happened') return null;
  return <span class={`sq-status sq-status-${status}`}>{t(status === 'planned' ? 'status_planned' : 'status_reported', lang)}</span>;
}

/** The outlet's name in the interface's language, where the pack gives one. */
export function outletName(source: Source, lang: Lang): string {
  return (lang === 'en' && source.outletEn) || source.outlet;
}

/** Distinct outlet names, in order of first appearance. */
export function outletsOf(sources: readonly (Source | undefined)[], lang: Lang): string[] {
  return [...new Set(sources.flatMap((s) => (s ? [outletName(s, lang)] : [])))];
}

export interface EvidenceItem {
  evidence: Evidence;
  source: Source | undefined;
}

/**
 * A button that shows the event's quotes with outlet, title and date. Quotes
 * are the sources' own words, so they keep the sources' direction whatever the
 * UI language. `children` share the button's row (the card puts the outlets there).
 */
export function EvidenceDisclosure({ items, lang, children }: { items: EvidenceItem[]; lang: Lang; children?: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (items.length === 0) return null;
  return (
    <div class="sq-evidence-wrap">
      <div class="sq-evidence-row">
        {children}
        <button type="button" class="sq-disclosure" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
          {t('showEvidence', lang)}
        </button>
      </div>
      <div id={id} class="sq-evidence" hidden={!open}>
        {items.map(({ evidence, source }, i) => (
          <figure class="sq-quote" key={i}>
            <blockquote dir="auto">«{evidence.quote}»</blockquote>
            <figcaption>
              <SourceLine source={source} lang={lang} />
            </figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}

export function SourceLine({ source, lang }: { source: Source | undefined; lang: Lang }) {
  const digits = useDigits();
  if (!source) return null;
  const href = safeHref(source.url);
  const title = href ? (
    <a href={href} target="_blank" rel="noopener noreferrer" dir="auto">
      {source.title}
    </a>
  ) : (
    <cite dir="auto">{source.title}</cite>
  );
  return (
    <span class="sq-source">
      <span class="sq-outlet" dir="auto">
        {outletName(source, lang)}
      </span>
      {' · '}
      {title}
      {source.published ? (
        <>
          {' · '}
          <time dateTime={source.published}>{formatDate(source.published, lang, undefined, undefined, digits)}</time>
        </>
      ) : null}
    </span>
  );
}

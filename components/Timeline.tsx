/**
 * The story's timeline: events newest first, grouped by year and month, with
 * topic chips to filter and a forgiving search. Used by the popup (scoped to
 * the page's topics) and the timeline page. The chosen topic is the parent's
 * state, so the timeline page can keep it in the URL.
 */
import { useMemo, useState } from 'preact/hooks';
import type { CorpusEvent, Localized, Question, Source, Topic } from '../lib/corpus/types';
import { createEventSearch } from '../lib/search';
import { digitsFor, localized, monthName, t, tn, type Lang } from '../lib/i18n';
import { withDigits } from '../lib/digits';
import { useDigits } from './digits-context';
import { EventDate, EventStatus, EvidenceDisclosure, FromPack } from './EventParts';

/** `pack`: the imported pack an event comes from (lib/messages CardEvent), shown beside it. */
type TimelineEvent = CorpusEvent & { pack?: { title: Localized } };

/** What the extension pages read from the database (lib/db `timeline(db)`). */
export interface TimelineData {
  events: TimelineEvent[];
  topics: Topic[];
  sources: Source[];
  questions?: Question[];
}

export interface TimelineProps {
  data: TimelineData;
  lang: Lang;
  /** Only events touching one of these topics (the page's), or every event when null. */
  scope?: readonly string[] | null;
  /** The topic chip that is on, or null for all. */
  topic: string | null;
  onTopic(topic: string | null): void;
  /** Chips shown before "more": a corpus has dozens of topics, and a wall of chips buries the events. */
  chipLimit?: number;
}

interface MonthGroup {
  /** "2024-09", or "2024" for events known only to the year. */
  key: string;
  events: TimelineEvent[];
}

interface YearGroup {
  year: string;
  months: MonthGroup[];
}

/**
 * Newest first. Within a year, events known only to the year come after the
 * months: they could belong anywhere in it, and the dated ones are the better anchors.
 */
export function groupByYearMonth(events: readonly TimelineEvent[]): YearGroup[] {
  const sorted = [...events].sort((a, b) => {
    const ya = a.date.slice(0, 4);
    const yb = b.date.slice(0, 4);
    if (ya !== yb) return ya < yb ? 1 : -1;
    if (a.datePrecision === 'year' || b.datePrecision === 'year') {
      if (a.datePrecision !== b.datePrecision) return a.datePrecision === 'year' ? 1 : -1;
    }
    return a.date < b.date ? 1 : a.date > b.date ? -1 : a.id.localeCompare(b.id);
  });
  const years: YearGroup[] = [];
  for (const e of sorted) {
    const year = e.date.slice(0, 4);
    const key = e.datePrecision === 'year' ? year : e.date.slice(0, 7);
    let y = years.at(-1);
    if (!y || y.year !== year) years.push((y = { year, months: [] }));
    let m = y.months.at(-1);
    if (!m || m.key !== key) y.months.push((m = { key, events: [] }));
    m.events.push(e);
  }
  return years;
}

export function Timeline({ data, lang, scope = null, topic, onTopic, chipLimit = 8 }: TimelineProps) {
  const [query, setQuery] = useState('');
  const [allChips, setAllChips] = useState(false);
  const search = useMemo(() => createEventSearch(data.events, data.topics), [data]);
  const topicById = useMemo(() => new Map(data.topics.map((tp) => [tp.id, tp])), [data]);
  const sourceById = useMemo(() => new Map(data.sources.map((s) => [s.id, s])), [data]);

  const scoped = useMemo(() => (scope ? data.events.filter((e) => e.topics.some((id) => scope.includes(id))) : data.events), [data, scope]);
  // Chips for the topics in scope, the most eventful first.
  const chips = useMemo(() => {
    const counts = new Map<string, number>();
    for (const e of scoped) for (const id of e.topics) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts]
      .filter(([id]) => topicById.has(id) && (!scope || scope.includes(id)))
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id]) => topicById.get(id)!);
  }, [scoped, scope, topicById]);

  // The chosen topic stays visible even when it is not among the first chips.
  const shownChips = allChips ? chips : chips.filter((tp, i) => i < chipLimit || tp.id === topic);
  const hiddenChips = chips.length - shownChips.length;

  const digits = useDigits();
  const matches = search(query);
  const shown = scoped.filter((e) => (!topic || e.topics.includes(topic)) && (!matches || matches.has(e.id)));
  const years = groupByYearMonth(shown);

  return (
    <div class="tl">
      <div class="tl-controls">
        <input
          type="search"
          class="tl-search"
          value={query}
          placeholder={t('searchPlaceholder', lang)}
          aria-label={t('search', lang)}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <div class="tl-chips" role="group" aria-label={t('filterTopics', lang)}>
          <button type="button" class="chip" aria-pressed={topic === null} onClick={() => onTopic(null)}>
            {t('allTopics', lang)}
          </button>
          {shownChips.map((tp) => (
            <button
              type="button"
              key={tp.id}
              class="chip"
              data-topic={tp.id}
              aria-pressed={topic === tp.id}
              onClick={() => onTopic(topic === tp.id ? null : tp.id)}
            >
              {localized(tp.label, lang)}
            </button>
          ))}
          {hiddenChips > 0 || allChips ? (
            <button type="button" class="chip chip-more" aria-expanded={allChips} onClick={() => setAllChips(!allChips)}>
              {allChips ? t('fewerTopics', lang) : tn('moreTopics', hiddenChips, lang, digits)}
            </button>
          ) : null}
        </div>
      </div>

      <p class="tl-count" role="status">
        {shown.length === 0 ? t('noResults', lang) : tn('events', shown.length, lang, digits)}
      </p>

      {years.map((y) => (
        <section class="tl-year" key={y.year} aria-label={withDigits(y.year, digitsFor(lang, digits))}>
          <h2 class="tl-year-title">{withDigits(y.year, digitsFor(lang, digits))}</h2>
          {y.months.map((m) => (
            <section class="tl-month" key={m.key}>
              <h3 class="tl-month-title">{m.key.length === 4 ? t('undatedMonth', lang) : monthName(Number(m.key.slice(5, 7)), lang)}</h3>
              <ol class="sq-rail">
                {m.events.map((e) => (
                  <li key={e.id} class="tl-event" data-event-id={e.id}>
                    <div class="tl-event-meta">
                      <EventDate event={e} lang={lang} />
                      <EventStatus status={e.status} lang={lang} />
                      <FromPack pack={e.pack} lang={lang} />
                    </div>
                    <h4 class="tl-event-title">{localized(e.title, lang, digits)}</h4>
                    <p class="tl-event-summary">{localized(e.summary, lang, digits)}</p>
                    <div class="tl-event-topics">
                      {e.topics.flatMap((id) => {
                        const tp = topicById.get(id);
                        return tp
                          ? [
                              <button
                                type="button"
                                key={id}
                                class="tag"
                                aria-pressed={topic === id}
                                onClick={() => onTopic(topic === id ? null : id)}
                              >
                                {localized(tp.label, lang)}
                              </button>,
                            ]
                          : [];
                      })}
                    </div>
                    <EvidenceDisclosure
                      items={e.evidence.map((evidence) => ({ evidence, source: sourceById.get(evidence.source) }))}
                      lang={lang}
                    />
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

/**
 * The full timeline in a tab: every event with its quotes and sources, the
 * chosen topic kept in the URL (#topic=sudani) so a card's "full timeline"
 * button and the reader's bookmarks land on it, and "how the story moved": the
 * pack's questions with the answers given over time.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Question, Source, Topic } from '../lib/corpus/types';
import { localized, t, type Lang } from '../lib/i18n';
import { useDigits } from './digits-context';
import { EventDate, EvidenceDisclosure } from './EventParts';
import { Preparing } from './Preparing';
import { Timeline, type TimelineData } from './Timeline';

export interface TimelinePageProps {
  lang: Lang;
  /** null while the bundled library is still being seeded. */
  data: TimelineData | null;
  error: string | null;
}

export function topicFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('topic') || null;
}

/** The topic in the URL's hash, following back/forward and links. */
function useHashTopic(): [string | null, (topic: string | null) => void] {
  const [topic, setTopic] = useState(() => topicFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setTopic(topicFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  const choose = (next: string | null) => {
    // Setting the hash fires hashchange, which updates the state.
    location.hash = next ? `topic=${encodeURIComponent(next)}` : '';
    setTopic(next);
  };
  return [topic, choose];
}

export function TimelinePage({ lang, data, error }: TimelinePageProps) {
  const [topicId, setTopic] = useHashTopic();
  const topic = data?.topics.find((tp) => tp.id === topicId) ?? null;
  const questions = (data?.questions ?? []).filter((q) => !topic || q.topics.includes(topic.id));

  return (
    <div class={questions.length > 0 ? 'page' : 'page page-narrow'}>
      <header class="page-head">
        <p class="brand">{t('appName', lang)}</p>
        <h1 class="page-title">{topic ? t('topicEvents', lang, { label: localized(topic.label, lang) }) : t('timeline', lang)}</h1>
        {topic ? <TopicIntro topic={topic} lang={lang} onClear={() => setTopic(null)} /> : null}
      </header>
      {error ? (
        <p class="notice notice-error" role="alert">
          {t('loadFailed', lang, { error })}
        </p>
      ) : null}
      {data ? (
        <div class={questions.length > 0 ? 'page-grid page-grid-aside' : 'page-grid'}>
          <main class="page-main">
            <Timeline data={data} lang={lang} topic={topicId} onTopic={setTopic} chipLimit={16} />
          </main>
          {questions.length > 0 ? (
            <aside class="page-aside" aria-labelledby="story-moved">
              <h2 id="story-moved" class="panel-title">
                {t('howStoryMoved', lang)}
              </h2>
              {questions.map((q) => (
                <QuestionView key={q.id} question={q} sources={data.sources} topics={data.topics} lang={lang} />
              ))}
            </aside>
          ) : null}
        </div>
      ) : error ? null : (
        <Preparing lang={lang} />
      )}
    </div>
  );
}

function TopicIntro({ topic, lang, onClear }: { topic: Topic; lang: Lang; onClear(): void }) {
  const digits = useDigits();
  return (
    <div class="topic-intro">
      <span class="sq-kind">{t(`kind_${topic.kind}`, lang)}</span>
      <p>{localized(topic.description, lang, digits)}</p>
      <button type="button" class="link-button" onClick={onClear}>
        {t('clearTopic', lang)}
      </button>
    </div>
  );
}

/** One question and its answers, oldest first: the order in which the story moved. */
function QuestionView({ question, sources, topics, lang }: { question: Question; sources: Source[]; topics: Topic[]; lang: Lang }) {
  const answers = [...question.answers].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const topicById = new Map(topics.map((tp) => [tp.id, tp]));
  const digits = useDigits();
  return (
    <article class="question" data-question-id={question.id}>
      <h3 class="question-title">{localized(question.question, lang, digits)}</h3>
      <ol class="answers">
        {answers.map((a) => {
          const who = a.saidBy.topic ? (topicById.get(a.saidBy.topic)?.label ?? a.saidBy.label) : a.saidBy.label;
          return (
            <li key={a.id} class="answer" data-answer-id={a.id}>
              <p class="answer-text">{localized(a.answer, lang, digits)}</p>
              <p class="answer-meta">
                <span class="answer-who">{localized(who, lang, digits)}</span>
                {lang === 'ar' ? '، ' : ', '}
                <EventDate event={a} lang={lang} />
              </p>
              <EvidenceDisclosure
                items={a.evidence.map((evidence) => ({ evidence, source: sourceById.get(evidence.source) }))}
                lang={lang}
              />
            </li>
          );
        })}
      </ol>
    </article>
  );
}

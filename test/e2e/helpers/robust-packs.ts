/**
 * Reader packs for the privacy tests: one whose description holds live markup
 * (import must refuse it), and one whose description holds markup written as
 * HTML entities, which passes validation (no '<' in it) and would turn into a
 * live <img onerror> the moment anything rendered pack text as HTML.
 */
import { PROBE_TOPIC } from './robust-pages';

/** What the card must show, character for character. */
export const ESCAPED_MARKUP = 'يشبه الوسوم: &lt;img src=x onerror=alert(1)&gt; و&#60;script&#62;alert(2)&#60;/script&#62;';
export const LIVE_MARKUP = '<img src=x onerror=alert(1)>';

function probePack(id: string, description: string): object {
  return {
    format: 'siyaq-corpus',
    version: 1,
    id,
    title: { ar: 'حزمة فحص', en: 'Probe pack' },
    sources: [{ id: 'probe-src', file: 'probe.txt', outlet: 'مدونة الفحص', title: 'ملاحظة', published: '2025', publishedBasis: 'stated' }],
    topics: [
      {
        id: PROBE_TOPIC.id,
        kind: 'place',
        label: { ar: PROBE_TOPIC.alias, en: 'Probe town' },
        aliases: [PROBE_TOPIC.alias],
        description: { ar: `نص ${description}`, en: `Text ${description}` },
      },
    ],
    events: [
      {
        id: 'probe-event',
        date: '2025-01-15',
        datePrecision: 'day',
        dateBasis: 'stated',
        status: 'happened',
        title: { ar: `حدث في ${PROBE_TOPIC.alias}`, en: 'An event in probe town' },
        summary: { ar: 'ملخص الحدث', en: 'Summary' },
        topics: [PROBE_TOPIC.id],
        evidence: [{ source: 'probe-src', quote: 'اقتباس قصير' }],
      },
    ],
  };
}

export function escapedMarkupPack(): string {
  return JSON.stringify(probePack('siyaq-probe-escaped', ESCAPED_MARKUP), null, 2);
}

export function liveMarkupPack(): string {
  return JSON.stringify(probePack('siyaq-probe-markup', LIVE_MARKUP), null, 2);
}

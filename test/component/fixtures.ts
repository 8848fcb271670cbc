/**
 * Small hand-written corpus data for the component tests: enough shapes
 * (precisions, inferred dates, statuses, several sources) to exercise the UI,
 * nothing copied from the seed articles.
 */
import type { CorpusPack, Source } from '../../lib/corpus/types';
import type { CardData } from '../../lib/messages';

export const SOURCES: Source[] = [
  {
    id: 's1',
    file: 's1.txt',
    outlet: 'الجزيرة نت',
    outletEn: 'Al Jazeera',
    title: 'مقال أول',
    published: '2024-09-24',
    publishedBasis: 'تاريخ في رأس المقال',
  },
  { id: 's2', file: 's2.txt', outlet: 'الحرة', title: 'مقال ثان', published: null, publishedBasis: 'غير معروف' },
];

export const PACK: CorpusPack = {
  format: 'siyaq-corpus',
  version: 1,
  id: 'test-pack',
  title: { ar: 'حزمة اختبار', en: 'Test pack' },
  sources: SOURCES,
  topics: [
    {
      id: 'sudani',
      kind: 'person',
      label: { ar: 'محمد شياع السوداني', en: 'Mohammed Shia al-Sudani' },
      aliases: ['السوداني', 'محمد شياع السوداني'],
      description: { ar: 'رئيس وزراء العراق.', en: 'Prime minister of Iraq.' },
    },
    {
      id: 'alina-romanowski',
      kind: 'person',
      label: { ar: 'ألينا رومانوفسكي', en: 'Alina Romanowski' },
      aliases: ['رومانوفسكي', 'ألينا رومانوفسكي'],
      description: { ar: 'سفيرة الولايات المتحدة في بغداد.', en: 'US ambassador in Baghdad.' },
    },
    {
      id: 'global-coalition',
      kind: 'organization',
      label: { ar: 'التحالف الدولي', en: 'Global Coalition' },
      aliases: ['التحالف الدولي'],
      description: { ar: 'تحالف ضد تنظيم الدولة.', en: 'Coalition against ISIS.' },
    },
  ],
  events: [
    {
      id: 'e-2014',
      date: '2014',
      datePrecision: 'year',
      dateBasis: 'stated',
      status: 'happened',
      title: { ar: 'تشكيل التحالف الدولي', en: 'The coalition is formed' },
      summary: { ar: 'تشكّل التحالف.', en: 'The coalition formed.' },
      topics: ['global-coalition'],
      evidence: [{ source: 's1', quote: 'اقتباس عن التحالف' }],
    },
    {
      id: 'e-2024-01',
      date: '2024-01',
      datePrecision: 'month',
      dateBasis: 'inferred',
      status: 'happened',
      title: { ar: 'بدء الحوار حول انتهاء المهمة', en: 'Talks on ending the mission begin' },
      summary: { ar: 'بدأ الحوار.', en: 'Talks began.' },
      topics: ['sudani', 'global-coalition'],
      evidence: [{ source: 's2', quote: 'اقتباس عن الحوار' }],
    },
    {
      id: 'e-2024-09-23',
      date: '2024-09-23',
      datePrecision: 'day',
      dateBasis: 'stated',
      status: 'reported',
      title: { ar: 'تصريح رومانوفسكي', en: 'Romanowski statement' },
      summary: { ar: 'صرّحت السفيرة.', en: 'The ambassador spoke.' },
      topics: ['alina-romanowski'],
      evidence: [{ source: 's1', quote: 'اقتباس عن السفيرة' }],
    },
    {
      id: 'e-2026-09',
      date: '2026-09',
      datePrecision: 'month',
      dateBasis: 'stated',
      status: 'planned',
      title: { ar: 'نهاية المهمة في إقليم كردستان', en: 'Mission ends in Kurdistan' },
      summary: { ar: 'تنتهي المهمة.', en: 'The mission ends.' },
      topics: ['global-coalition', 'sudani'],
      evidence: [
        { source: 's1', quote: 'اقتباس عن النهاية' },
        { source: 's2', quote: 'اقتباس ثان عن النهاية' },
      ],
    },
  ],
  questions: [
    {
      id: 'q-end',
      question: { ar: 'متى تنتهي مهمة التحالف؟', en: 'When does the coalition mission end?' },
      topics: ['global-coalition'],
      answers: [
        {
          id: 'a1',
          date: '2024-01',
          datePrecision: 'month',
          dateBasis: 'stated',
          answer: { ar: 'لا موعد بعد', en: 'No date yet' },
          saidBy: { topic: 'sudani', label: { ar: 'السوداني', en: 'Sudani' } },
          evidence: [{ source: 's2', quote: 'جواب أول' }],
        },
        {
          id: 'a2',
          date: '2024-09-27',
          datePrecision: 'day',
          dateBasis: 'stated',
          answer: { ar: 'سبتمبر 2026', en: 'September 2026' },
          saidBy: { label: { ar: 'بيان مشترك', en: 'Joint statement' } },
          evidence: [{ source: 's1', quote: 'جواب ثان' }],
        },
      ],
    },
  ],
};

const bySource = new Map(SOURCES.map((s) => [s.id, s]));

/** The card the background would send for the coalition, around a September 2024 article. */
export function coalitionCard(): CardData {
  const topic = PACK.topics.find((t) => t.id === 'global-coalition')!;
  const events = PACK.events
    .filter((e) => e.topics.includes('global-coalition'))
    .map((e) => ({ ...e, sources: e.evidence.map((ev) => bySource.get(ev.source)!) }));
  return {
    topic: { id: topic.id, kind: topic.kind, label: topic.label, description: topic.description, related: [] },
    events,
    totalEvents: 7,
  };
}

/**
 * Small hand-made packs for the corpus and database tests: every field of the
 * format, dates at each precision, and a topic with an alias rule.
 */
import type { CorpusEvent, CorpusPack } from '../../lib/corpus/types';

export function event(id: string, date: string, topics: string[], source = 's1'): CorpusEvent {
  const precision = date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day';
  return {
    id,
    date,
    datePrecision: precision,
    dateBasis: 'stated',
    status: 'happened',
    title: { ar: `حدث ${id}`, en: `Event ${id}` },
    summary: { ar: `ملخص ${id}`, en: `Summary ${id}` },
    topics,
    evidence: [{ source, quote: `اقتباس ${id}` }],
  };
}

/** A valid pack; `over` replaces top-level fields. */
export function pack(over: Partial<CorpusPack> = {}): CorpusPack {
  return {
    format: 'siyaq-corpus',
    version: 1,
    id: 'iraq-coalition',
    title: { ar: 'نهاية مهمة التحالف', en: 'The end of the coalition mission' },
    sources: [
      {
        id: 's1',
        file: '000_3411f54993062ad3.txt',
        outlet: 'الجزيرة نت',
        title: 'عنوان المقال',
        published: '2024-09',
        publishedBasis: 'stated in the article',
        url: 'https://www.aljazeera.net/news/1',
      },
      { id: 's2', file: '001_aaaa.txt', outlet: 'الحرة', title: 'مقال آخر', published: null, publishedBasis: 'not stated' },
    ],
    topics: [
      {
        id: 'sudani',
        kind: 'person',
        label: { ar: 'محمد شياع السوداني', en: 'Mohammed Shia al-Sudani' },
        aliases: ['محمد شياع السوداني', 'السوداني'],
        description: { ar: 'رئيس وزراء العراق', en: 'Prime minister of Iraq' },
        rules: [{ alias: 'السوداني', notAfter: ['الجيش'] }],
        related: ['isis'],
      },
      {
        id: 'isis',
        kind: 'organization',
        label: { ar: 'داعش', en: 'ISIS' },
        aliases: ['داعش', 'تنظيم الدولة'],
        description: { ar: 'تنظيم مسلح', en: 'An armed group' },
      },
      {
        id: 'ain-al-asad',
        kind: 'place',
        label: { ar: 'عين الأسد', en: 'Ain al-Asad' },
        aliases: ['عين الأسد'],
        description: { ar: 'قاعدة جوية', en: 'An air base' },
      },
    ],
    events: [
      event('e2014', '2014', ['isis']),
      event('e2019', '2019-03', ['isis'], 's2'),
      event('e2022', '2022-10-27', ['sudani']),
      event('e2024a', '2024-01-05', ['sudani', 'isis']),
      event('e2024b', '2024-09-23', ['sudani', 'ain-al-asad']),
      event('e2025', '2025-09', ['sudani', 'ain-al-asad'], 's2'),
      event('e2026', '2026-09-01', ['sudani']),
    ],
    questions: [
      {
        id: 'q-end',
        question: { ar: 'متى تنتهي المهمة؟', en: 'When does the mission end?' },
        topics: ['sudani'],
        answers: [
          {
            id: 'a1',
            date: '2024-09',
            datePrecision: 'month',
            dateBasis: 'stated',
            answer: { ar: 'في أيلول ٢٠٢٥', en: 'In September 2025' },
            saidBy: { topic: 'sudani', label: { ar: 'السوداني', en: 'al-Sudani' } },
            evidence: [{ source: 's1', quote: 'اقتباس' }],
          },
        ],
      },
    ],
    ...over,
  };
}

/** A second, imported pack that shares the topic "sudani" and brings its own. */
export function importedPack(over: Partial<CorpusPack> = {}): CorpusPack {
  return {
    format: 'siyaq-corpus',
    version: 3,
    id: 'reader-notes',
    title: { ar: 'ملاحظات القارئ', en: 'Reader notes' },
    sources: [{ id: 'r-src', file: 'notes.txt', outlet: 'مدونة', title: 'ملاحظة', published: '2025', publishedBasis: 'stated' }],
    topics: [
      {
        id: 'sudani',
        kind: 'person',
        label: { ar: 'السوداني (ملاحظات)', en: 'Sudani (notes)' },
        aliases: ['شياع السوداني', 'السوداني'],
        description: { ar: 'وصف آخر', en: 'Another description' },
        rules: [{ alias: 'السوداني', requireCue: ['العراق'] }],
        related: ['harir'],
      },
      {
        id: 'harir',
        kind: 'place',
        label: { ar: 'حرير', en: 'Harir' },
        aliases: ['قاعدة حرير'],
        description: { ar: 'قاعدة في أربيل', en: 'A base in Erbil' },
        related: ['sudani'],
      },
    ],
    events: [event('r-2025', '2025-01-15', ['sudani', 'harir'], 'r-src')],
    ...over,
  };
}

/** The fixture pack changed in place by `edit`, for one bad field at a time. */
export function edited(edit: (p: CorpusPack) => void): CorpusPack {
  const p = pack();
  edit(p);
  return p;
}

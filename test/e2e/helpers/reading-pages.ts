/**
 * The article the reading-experience tests serve (test/e2e/reading.*.test.ts):
 * text written for these tests, set in the shared messy news page. It names
 * several corpus topics, some more than once, with long plain paragraphs
 * between them, so that:
 * - the first marked mention is below the fold (stepping to it must scroll);
 * - consecutive marked mentions are more than a viewport apart (each step
 *   must scroll again) and belong to different topics (each step shows a
 *   different card);
 * - "mark every mention" adds ranges (the repeated names) and muting a topic
 *   removes some;
 * - «رومانوفسكي» is on the page, so the popup, scoped to the page's topics,
 *   lists her events;
 * - «داعش» is named only inside the coalition's longer name «التحالف الدولي
 *   لدحر داعش»: the popup lists ISIS, and the pointer on that word opens its card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildNewsPage } from '../../fixtures/news-page';
import { REPO_ROOT } from '../../seeds';

export const READING_HOST = 'www.aljazeera.net';
export const READING_PATH = '/news/2024/9/24/siyaq-reading-e2e';
export const READING_PUBLISHED = '2024-09-24';

/** Phrases the tests point at; the last word of each is inside a marked mention. */
export const SUDANI = { phrase: 'محمد شياع السوداني', word: 'شياع', topic: 'sudani' } as const;
export const COALITION = { phrase: 'التحالف الدولي', word: 'التحالف', topic: 'global-coalition' } as const;
export const AUSTIN = { phrase: 'لويد أوستن', word: 'أوستن', topic: 'lloyd-austin' } as const;
/** A name nested in a longer one: «داعش» (ISIS) inside the coalition's «التحالف الدولي لدحر داعش». */
export const NESTED = { phrase: 'التحالف الدولي لدحر داعش', word: 'داعش', topic: 'isis' } as const;

/**
 * How often each topic is named in the article (what the popup's "on this
 * page" counts): every mention, marked or not.
 */
export const EXPECTED_COUNTS: Readonly<Record<string, number>> = {
  sudani: 3,
  'global-coalition': 2,
  'lloyd-austin': 2,
  'alina-romanowski': 1,
  // Only inside the coalition's name (NESTED), which is not marked a second time for it.
  isis: 1,
};

/** Plain text with no corpus name in it: it only puts distance between the mentions. */
const FILLER = [
  'شهدت الأسواق المحلية خلال الأسابيع الماضية ارتفاعا ملحوظا في أسعار المواد الغذائية والخضروات، وسط شكاوى متزايدة من المواطنين بشأن تراجع القدرة الشرائية واتساع الفجوة بين الدخل والإنفاق اليومي للأسر.',
  'وقال تجار في الأسواق الشعبية إن حركة البيع تراجعت بشكل واضح، وإن كثيرا من الزبائن باتوا يكتفون بشراء الضروريات، في حين يأمل أصحاب المحال أن تتحسن الأوضاع مع بداية الموسم الدراسي الجديد.',
  'ويرى خبراء في الشأن الاقتصادي أن معالجة الأزمة تتطلب خططا طويلة الأمد لدعم الإنتاج المحلي وتنويع مصادر الدخل، بدلا من الحلول المؤقتة التي لا تلبث آثارها أن تزول بعد أشهر قليلة.',
  'وفي سياق متصل، أعلنت الجهات المختصة عن برنامج لدعم المزارعين بالبذور والأسمدة بأسعار مخفضة، مع وعود بتوسيع شبكات الري وصيانة القنوات المتضررة قبل حلول فصل الشتاء المقبل.',
];

const filler = (n: number): string[] => Array.from({ length: n }, (_, i) => FILLER[i % FILLER.length]!);

const PARAGRAPHS = [
  ...filler(5),
  `وفي بغداد، قال رئيس الوزراء العراقي ${SUDANI.phrase} إن حكومته ماضية في ترتيب العلاقة مع ${NESTED.phrase} والانتقال إلى شراكات ثنائية.`,
  ...filler(5),
  `وتحدث وزير الدفاع الأميركي ${AUSTIN.phrase} عن مرحلة جديدة من التعاون بين البلدين في المجال الأمني.`,
  ...filler(4),
  'وقالت السفيرة الأميركية ألينا رومانوفسكي إن التهديدات ما زالت قائمة، وإن بلادها ستواصل دعم الحكومة العراقية.',
  ...filler(2),
  'وأضاف السوداني أن القرار النهائي بيد العراقيين، فيما أكد أوستن أن واشنطن ملتزمة بالاتفاق، وأن التحالف الدولي أنجز الكثير من مهامه.',
  'وختم السوداني بالقول إن الحوار مستمر.',
  ...filler(1),
];

export function readingArticleHtml(): string {
  return buildNewsPage({
    article: {
      headline: 'بغداد وواشنطن تبحثان مستقبل العلاقة الأمنية وأسعار الغذاء ترتفع',
      paragraphs: PARAGRAPHS,
    },
    host: READING_HOST,
    outlet: 'الموقع الإخباري',
    published: `${READING_PUBLISHED}T10:30:00+03:00`,
    datePlace: 'meta',
  }).html;
}

export interface CorpusQuestion {
  id: string;
  question: { ar: string; en?: string };
  topics: string[];
  answers: { id: string; date: string }[];
}

/** The bundled pack's questions (helpers/scenario.ts `corpus()` reads topics and events only). */
export function readingQuestions(): CorpusQuestion[] {
  const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as { questions?: CorpusQuestion[] };
  return pack.questions ?? [];
}

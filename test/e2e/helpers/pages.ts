/**
 * The article the contract tests serve at a listed outlet's URL: paragraphs
 * written for these tests (not taken from the seeds), set in a messy news page
 * by the shared fixture builder (test/fixtures/news-page.ts: navigation, ads,
 * share buttons, related links, comments, scripts), whose furniture names
 * «السوداني» too, outside the article.
 *
 * One paragraph names the Iraqi prime minister «محمد شياع السوداني» in an Iraqi
 * context; an earlier one names «الجيش السوداني» (the Sudanese army), which
 * must never be marked. No earlier line of the article names the prime
 * minister: a page marks only the first mention of each topic by default, so a
 * detector that mistook the army for him would mark the army and fail both
 * hover tests rather than pass unnoticed.
 */
import { buildNewsPage } from '../../fixtures/news-page';

/** A listed outlet's URL: the production match patterns run on it unchanged. */
export const ARTICLE_PATH = '/news/2024/9/24/siyaq-e2e-test';
export const ARTICLE_HOST = 'www.aljazeera.net';

/** The phrase whose last word is the mention the tests hover. */
export const SUDANI_PHRASE = 'محمد شياع السوداني';
/** The phrase whose last word looks the same but is the Sudanese army. */
export const SUDAN_ARMY_PHRASE = 'الجيش السوداني';

const PARAGRAPHS = [
  `أعلن ${SUDAN_ARMY_PHRASE} أن وحداته استعادت مواقع قرب الخرطوم بعد معارك مع قوات الدعم السريع، في حرب دخلت عامها الثاني وشردت الملايين داخل السودان وخارجه.`,
  `وفي بغداد، قال رئيس الوزراء العراقي ${SUDANI_PHRASE} إن حكومته ماضية في ترتيب انتقال العلاقة مع التحالف الدولي إلى شراكات ثنائية، بعد سنوات من الحرب على تنظيم داعش في الأنبار ونينوى وصلاح الدين، مؤكدا أن القوات العراقية باتت قادرة على ملاحقة ما تبقى من الخلايا.`,
  'وأوضح مكتبه في بيان أن جولات الحوار العسكري في بغداد وواشنطن ناقشت جدولا زمنيا يراعي الوضع الأمني، فيما تحدث وزير الدفاع الأميركي لويد أوستن عن مرحلة جديدة من التعاون، وعن مستقبل الوجود في قاعدة عين الأسد غربي البلاد.',
  'ويرى مراقبون أن الأشهر المقبلة ستحدد شكل العلاقة بين بغداد وواشنطن، وسط ضغوط سياسية داخلية تطالب بجدول واضح لخروج القوات الأجنبية من البلاد.',
];

export function articleHtml(): string {
  return buildNewsPage({
    article: {
      headline: 'موجز: بغداد وواشنطن تبحثان مستقبل التحالف الدولي، ومعارك قرب الخرطوم',
      paragraphs: PARAGRAPHS,
    },
    host: ARTICLE_HOST,
    outlet: 'الموقع الإخباري',
    published: '2024-09-24T10:30:00+03:00',
    datePlace: 'meta',
  }).html;
}

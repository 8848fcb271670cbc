/**
 * The article the e2e tests serve at a listed outlet's URL. Written for these
 * tests (not taken from the seeds): one paragraph names the Iraqi prime minister
 * «محمد شياع السوداني» in an Iraqi context, and another paragraph names «الجيش
 * السوداني» (the Sudanese army), which must never be marked. The army comes
 * first and no earlier line names the prime minister: a page marks only the first
 * mention of each topic by default, so a detector that mistook the army for him
 * would mark the army and fail both hover tests rather than pass unnoticed.
 */

/** A listed outlet's URL: the production match patterns run on it unchanged. */
export const ARTICLE_PATH = '/news/2024/9/24/siyaq-e2e-test';
export const ARTICLE_HOST = 'www.aljazeera.net';

/** The phrase whose last word is the mention the tests hover. */
export const SUDANI_PHRASE = 'محمد شياع السوداني';
/** The phrase whose last word looks the same but is the Sudanese army. */
export const SUDAN_ARMY_PHRASE = 'الجيش السوداني';

export function articleHtml(): string {
  return `<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>موجز: بغداد وواشنطن تبحثان مستقبل التحالف الدولي، ومعارك قرب الخرطوم</title>
<meta property="article:published_time" content="2024-09-24T10:30:00+03:00">
<meta name="author" content="مراسل الموقع">
<style>
  body { font-family: "Noto Naskh Arabic", "DejaVu Sans", serif; margin: 0; background: #fafafa; color: #1b1b1b; }
  header.site { background: #1f2937; color: #fff; padding: 12px 24px; }
  header.site nav a { color: #e5e7eb; margin-inline-start: 16px; text-decoration: none; }
  main { max-width: 720px; margin: 24px auto; padding: 0 16px; }
  article p { font-size: 19px; line-height: 1.9; }
  footer { color: #6b7280; font-size: 13px; padding: 24px; text-align: center; }
</style>
</head>
<body>
<header class="site"><strong>الأخبار</strong>
  <nav><a href="/news">أخبار</a><a href="/politics">سياسة</a><a href="/economy">اقتصاد</a><a href="/sport">رياضة</a></nav>
</header>
<main>
<article>
  <h1>موجز: بغداد وواشنطن تبحثان مستقبل التحالف الدولي، ومعارك قرب الخرطوم</h1>
  <p class="byline">بغداد — مراسل الموقع · <time datetime="2024-09-24">24 سبتمبر/أيلول 2024</time></p>
  <p id="p-army">أعلن ${SUDAN_ARMY_PHRASE} أن وحداته استعادت مواقع قرب الخرطوم بعد معارك مع قوات الدعم السريع، في حرب دخلت عامها الثاني وشردت الملايين داخل السودان وخارجه.</p>
  <p id="p-sudani">وفي بغداد، قال رئيس الوزراء العراقي ${SUDANI_PHRASE} إن حكومته ماضية في ترتيب انتقال العلاقة مع التحالف الدولي إلى شراكات ثنائية، بعد سنوات من الحرب على تنظيم داعش في الأنبار ونينوى وصلاح الدين، مؤكدا أن القوات العراقية باتت قادرة على ملاحقة ما تبقى من الخلايا.</p>
  <p id="p-talks">وأوضح مكتبه في بيان أن جولات الحوار العسكري في بغداد وواشنطن ناقشت جدولا زمنيا يراعي الوضع الأمني، فيما تحدث وزير الدفاع الأميركي لويد أوستن عن مرحلة جديدة من التعاون، وعن مستقبل الوجود في قاعدة عين الأسد غربي البلاد.</p>
  <p id="p-close">ويرى مراقبون أن الأشهر المقبلة ستحدد شكل العلاقة بين بغداد وواشنطن، وسط ضغوط سياسية داخلية تطالب بجدول واضح لخروج القوات الأجنبية من البلاد.</p>
</article>
</main>
<footer>© 2024 جميع الحقوق محفوظة</footer>
</body>
</html>`;
}

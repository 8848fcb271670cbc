/**
 * UI strings and dates, Arabic first. The content script's card imports this
 * module, so it stays small and depends on nothing but wxt/browser.
 *
 * Choices made once, for every surface (docs/adr/0011-month-names-and-digits.md):
 * - The interface language is the reader's setting: Arabic, English, or the
 *   browser's own language.
 * - Arabic months use the standard names (يناير … ديسمبر), the form the big
 *   pan-Arab outlets print, in the interface and in the corpus's own wording
 *   alike; one system, never a mix.
 * - Digits are Western in English; in Arabic they follow the reader's setting
 *   (lib/digits.ts), by default the page's own.
 * - A date is shown only as precisely as it is known: «23 سبتمبر 2024»,
 *   «سبتمبر 2024» or «2024»; an inferred date carries «≈».
 * The table is our own rather than public/_locales, because the reader's UI
 * language picks the table at run time while _locales follows the browser's
 * locale only (and cannot do plurals).
 */
import { browser } from 'wxt/browser';
import type { DateBasis, DatePrecision, Lang, Localized } from './corpus/types';
import { withDigits, type DigitSet } from './digits';

export type { Lang };

/** The reader's interface language setting: a language, or the browser's. */
export type LanguageSetting = Lang | 'browser';

/** The setting's language; for 'browser', 'ar' when the browser's UI language is Arabic, else 'en'. */
export function uiLang(setting: LanguageSetting = 'browser'): Lang {
  if (setting !== 'browser') return setting;
  let tag = '';
  try {
    tag = browser.i18n.getUILanguage();
  } catch {
    // Test doubles and some embedders lack i18n: the page's language is the next best guess.
    tag = typeof navigator === 'undefined' ? '' : navigator.language;
  }
  return tag.toLowerCase().startsWith('ar') ? 'ar' : 'en';
}

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** A pack's text in `lang`, its numbers in the interface's digits (quotes are never passed through here). */
export function localized(l: Localized, lang: Lang, digits: DigitSet = 'latn'): string {
  // An imported pack may leave one language empty: show the other rather than nothing.
  return withDigits(l[lang] || l[lang === 'ar' ? 'en' : 'ar'], digitsFor(lang, digits));
}

const AR = {
  appName: 'سياق',
  kind_person: 'شخص',
  kind_organization: 'منظمة',
  kind_place: 'مكان',
  kind_event: 'حدث',
  kind_concept: 'مفهوم',
  status_reported: 'وفق تقارير',
  status_planned: 'مُقرَّر',
  approxDate: 'تاريخ تقريبي مستنتج من السياق',
  close: 'إغلاق',
  cardLabel: 'سياق: {label}',
  beforeArticle: 'قبل هذا المقال',
  aroundArticle: 'في وقت هذا المقال',
  afterArticle: 'بعد هذا المقال',
  thisArticle: 'هذا المقال',
  latestEvents: 'أحدث الأحداث',
  showEvidence: 'الاقتباس من المصدر',
  muteTopic: 'لا تُبرز هذا الموضوع',
  disableSite: 'أوقف سياق على هذا الموقع',
  cardMore: 'المزيد',
  cardLess: 'أقل',
  mutedNotice: 'لن يُبرز سياق «{label}» بعد الآن.',
  siteOffNotice: 'سيتوقف سياق على هذا الموقع.',
  undo: 'تراجع',
  noEvents: 'لا أحداث مسجّلة لهذا الموضوع بعد.',
  timeline: 'الخط الزمني',
  search: 'ابحث في الأحداث',
  searchPlaceholder: 'اسم، مكان، حدث…',
  filterTopics: 'تصفية حسب الموضوع',
  allTopics: 'كل المواضيع',
  fewerTopics: 'مواضيع أقل',
  undatedMonth: 'خلال العام',
  noResults: 'لا أحداث تطابق البحث.',
  onThisPage: 'في هذه الصفحة',
  pageNotReadable: 'لا يقرأ سياق هذه الصفحة. افتح مقالاً إخبارياً عربياً.',
  pageNoTopics: 'لا شيء مُبرز في هذه الصفحة: لم يجد فيها سياق اسماً يعرفه.',
  pageFrontNoTopics: 'لا شيء مُبرز في هذه الصفحة: ليست مقالاً، ويُبرز سياق الأسماء في المقالات لا في الصفحات الرئيسية وقوائم العناوين.',
  pageNotArabic: 'هذه الصفحة ليست بالعربية.',
  pageInactive: 'سياق متوقف على هذه الصفحة.',
  readingFrom: 'أنت تقرأ مقالاً من {date}',
  articleUndated: 'لم يتبيّن تاريخ نشر هذا المقال.',
  readingPageFrom: 'أنت تقرأ صفحة من {date}',
  pageUndated: 'لم يتبيّن تاريخ هذه الصفحة.',
  showOnPage: 'اذهب إلى أول ذكر له في الصفحة وافتح بطاقته',
  searchEvents: 'ابحث في الأحداث',
  keyboard: 'لوحة المفاتيح',
  shortcutNext: 'الاسم المُبرَز التالي في الصفحة',
  shortcutPrevious: 'الاسم المُبرَز السابق',
  shortcutUnset: 'بلا اختصار',
  shortcutsWhere_chrome: 'غيّر الاختصارين من صفحة chrome://extensions/shortcuts',
  shortcutsWhere_firefox: 'غيّر الاختصارين من about:addons ← زر الترس ← «إدارة اختصارات الإضافات»',
  changeShortcuts: 'غيّر الاختصارات',
  display: 'الواجهة',
  language: 'لغة الواجهة',
  language_browser: 'لغة المتصفح',
  language_ar: 'العربية',
  language_en: 'English',
  digits: 'الأرقام في الواجهة العربية',
  digits_page: 'كما تكتبها الصفحة (وإلا فالغربية)',
  digits_latn: 'أرقام غربية',
  digits_arab: 'أرقام هندية',
  siteOn: 'سياق يعمل على {host}',
  siteOff: 'سياق متوقف على {host}',
  siteUnsupported: 'لا يعمل سياق على هذا النوع من الصفحات.',
  siteGrantDenied: 'لم يُمنح الإذن بقراءة هذا الموقع.',
  siteReload: 'أعد تحميل الصفحة ليبدأ سياق بقراءتها.',
  extensionOff: 'سياق متوقف على كل المواقع.',
  pageTopicsOnly: 'مواضيع هذه الصفحة فقط',
  showAll: 'كل الأحداث',
  openTimelinePage: 'افتح الخط الزمني في صفحة',
  openOptions: 'الإعدادات',
  preparing: 'يجهّز سياق مكتبة الأحداث…',
  loadFailed: 'تعذّر تحميل مكتبة الأحداث: {error}',
  howStoryMoved: 'كيف تطوّرت القصة',
  topicEvents: 'أحداث: {label}',
  clearTopic: 'أظهر كل المواضيع',
  optionsTitle: 'إعدادات سياق',
  enabled: 'تشغيل سياق',
  enabledHint: 'عند الإيقاف لا يقرأ سياق أي صفحة.',
  sites: 'المواقع',
  builtInSites: 'مواقع إخبارية مدمجة',
  extraSites: 'مواقع أضفتها',
  noExtraSites: 'لم تضف مواقع بعد. أضف موقعاً من نافذة سياق وأنت تتصفحه.',
  removeSite: 'إزالة {host}',
  marks: 'الإبراز',
  markStyle: 'شكل الإبراز',
  markUnderline: 'خط تحت الاسم',
  markTint: 'تظليل خفيف',
  markWhich: 'ما يُبرز',
  markFirst: 'أول ذكر لكل موضوع',
  markAll: 'كل ذكر',
  dwell: 'مدة الانتظار قبل ظهور البطاقة',
  dwellValue: '{ms} ملّي ثانية',
  muted: 'مواضيع لا تُبرز',
  noMuted: 'لا مواضيع مكتومة.',
  muteChoose: 'موضوع لا يُبرز بعد الآن:',
  muteAction: 'أوقف إبرازه',
  unmute: 'أعد إبراز {label}',
  corpus: 'مكتبة الأحداث',
  packBundled: 'مدمجة',
  packImported: 'مستوردة',
  corpusSources: 'المصادر',
  publishedUnknown: 'تاريخ النشر غير معروف',
  basis: 'كيف عُرف التاريخ: {basis}',
  importPack: 'استيراد مكتبة (JSON)',
  importDone: 'استُوردت المكتبة «{title}».',
  importFailed: 'تعذّر الاستيراد: {error}',
  exportPack: 'تصدير',
  removePack: 'إزالة',
  resetCorpus: 'أعد المكتبة المدمجة كما كانت',
  resetDone: 'أعيدت المكتبة المدمجة.',
  offline: 'يعمل سياق دون اتصال بالإنترنت: لا يرسل شيئاً ولا يجلب شيئاً.',
  version: 'الإصدار {version}',
  // Imports are the reader's data: asking first, and failures that say what to do.
  fromImport: 'من مكتبتك المستوردة «{title}»',
  confirmReplace:
    'المكتبة «{title}» (الإصدار {version}) مستوردة بالمعرّف نفسه، واستيراد هذا الملف يحذفها. صدّرها أولاً إن أردت الاحتفاظ بنسخة منها.',
  confirmRemove: 'إزالة المكتبة «{title}»؟ لا رجوع عن ذلك؛ صدّرها أولاً إن أردت الاحتفاظ بنسخة منها.',
  confirmReset: 'إعادة المكتبة المدمجة تحذف مكتباتك المستوردة: {titles}. صدّرها أولاً إن أردت الاحتفاظ بنسخ منها.',
  confirmResetNone: 'إعادة المكتبة المدمجة كما كانت؟',
  replaceAction: 'استبدلها',
  removeAction: 'أزلها',
  resetAction: 'أعدها',
  exportFirst: 'صدّر «{title}»',
  cancel: 'إلغاء',
  removeDone: 'أزيلت المكتبة «{title}».',
  packSkipped:
    'لا تُعلَّم أسماء المكتبة «{title}» في الصفحات: تجهيزها استغرق {ms} م.ث، أكثر مما يُسمح به. قسّمها إلى مكتبات أصغر أو قلّل أسماءها.',
  packRenamed: 'أخذت المكتبة المدمجة في هذا الإصدار المعرّف «{from}»، فحُفظت مكتبتك المستوردة كاملة بالمعرّف «{id}».',
  fileTooLarge: 'الملف أكبر من {mb} م.ب، وسياق يقرأ المكتبات حتى {mb} م.ب. قسّمه إلى مكتبات أصغر.',
  dbUnavailable:
    'تعذّر على سياق فتح قاعدة بياناته في هذه النافذة (نافذة التصفح الخاص في Firefox مثلاً لا تسمح بها). افتح هذه الصفحة في نافذة عادية.',
  dbBlocked: 'لسان قديم من صفحات سياق يمسك قاعدة بياناته فلا تُحدَّث. أغلق ألسنة سياق المفتوحة ثم أعد فتح هذه الصفحة.',
  dbNotReady: 'لم تجهز مكتبة سياق بعد. أغلق هذه النافذة وافتحها بعد دقيقة؛ وإن تكرر ذلك فأعد تثبيت سياق.',
  actionFailed: 'تعذّر إتمام ذلك: {error}. أعد تحميل الصفحة وحاول مجدداً.',
  markImported: 'علّم أسماء المكتبات المستوردة في الصفحات',
  markImportedHint: 'الصفحة التي تقرؤها ترى الكلمات المعلَّمة. أطفئ هذا إن كانت في مكتباتك أسماء تريدها خاصة.',
} as const;

export type StringKey = keyof typeof AR;

const EN: Record<StringKey, string> = {
  appName: 'Siyaq',
  kind_person: 'Person',
  kind_organization: 'Organisation',
  kind_place: 'Place',
  kind_event: 'Event',
  kind_concept: 'Concept',
  status_reported: 'reported',
  status_planned: 'planned',
  approxDate: 'Approximate date, inferred from context',
  close: 'Close',
  cardLabel: 'Siyaq: {label}',
  beforeArticle: 'Before this article',
  aroundArticle: 'Around this article',
  afterArticle: 'After this article',
  thisArticle: 'This article',
  latestEvents: 'Latest events',
  showEvidence: 'Quote from the source',
  muteTopic: 'Stop marking this topic',
  disableSite: 'Turn Siyaq off on this site',
  cardMore: 'More',
  cardLess: 'Less',
  mutedNotice: 'Siyaq will no longer mark “{label}”.',
  siteOffNotice: 'Siyaq will stop on this site.',
  undo: 'Undo',
  noEvents: 'No events recorded for this topic yet.',
  timeline: 'Timeline',
  search: 'Search events',
  searchPlaceholder: 'A name, place, event…',
  filterTopics: 'Filter by topic',
  allTopics: 'All topics',
  fewerTopics: 'Fewer topics',
  undatedMonth: 'During the year',
  noResults: 'No events match.',
  onThisPage: 'On this page',
  pageNotReadable: 'Siyaq is not reading this page. Open an Arabic news article.',
  pageNoTopics: 'Nothing is marked on this page: Siyaq found no name it knows.',
  pageFrontNoTopics:
    'Nothing is marked on this page: it is not an article, and Siyaq marks names in articles, not on front pages and headline lists.',
  pageNotArabic: 'This page is not in Arabic.',
  pageInactive: 'Siyaq is off on this page.',
  readingFrom: 'You are reading an article from {date}',
  articleUndated: 'This article’s publication date is not known.',
  readingPageFrom: 'You are reading a page from {date}',
  pageUndated: 'This page’s date is not known.',
  showOnPage: 'Go to its first mention on the page and open its card',
  searchEvents: 'Search the events',
  keyboard: 'Keyboard',
  shortcutNext: 'Next marked name on the page',
  shortcutPrevious: 'Previous marked name',
  shortcutUnset: 'not set',
  shortcutsWhere_chrome: 'Change them at chrome://extensions/shortcuts',
  shortcutsWhere_firefox: 'Change them in about:addons → the gear button → “Manage Extension Shortcuts”',
  changeShortcuts: 'Change shortcuts',
  display: 'Interface',
  language: 'Interface language',
  language_browser: 'The browser’s language',
  language_ar: 'العربية',
  language_en: 'English',
  digits: 'Digits in the Arabic interface',
  digits_page: 'As the page writes them (else Western)',
  digits_latn: 'Western',
  digits_arab: 'Arabic-Indic',
  siteOn: 'Siyaq is on for {host}',
  siteOff: 'Siyaq is off for {host}',
  siteUnsupported: 'Siyaq does not run on this kind of page.',
  siteGrantDenied: 'Permission to read this site was not granted.',
  siteReload: 'Reload the page for Siyaq to start reading it.',
  extensionOff: 'Siyaq is off everywhere.',
  pageTopicsOnly: 'This page’s topics only',
  showAll: 'All events',
  openTimelinePage: 'Open the timeline in a tab',
  openOptions: 'Settings',
  preparing: 'Siyaq is preparing its event library…',
  loadFailed: 'Could not load the event library: {error}',
  howStoryMoved: 'How the story moved',
  topicEvents: 'Events: {label}',
  clearTopic: 'Show every topic',
  optionsTitle: 'Siyaq settings',
  enabled: 'Siyaq is on',
  enabledHint: 'When off, Siyaq reads no page at all.',
  sites: 'Sites',
  builtInSites: 'Built-in news sites',
  extraSites: 'Sites you added',
  noExtraSites: 'No sites added yet. Add one from the Siyaq popup while you browse it.',
  removeSite: 'Remove {host}',
  marks: 'Marks',
  markStyle: 'Mark style',
  markUnderline: 'Underline',
  markTint: 'Soft tint',
  markWhich: 'What to mark',
  markFirst: 'First mention of each topic',
  markAll: 'Every mention',
  dwell: 'Delay before the card appears',
  dwellValue: '{ms} ms',
  muted: 'Muted topics',
  noMuted: 'No muted topics.',
  muteChoose: 'Stop marking a topic:',
  muteAction: 'Stop marking it',
  unmute: 'Mark {label} again',
  corpus: 'Event library',
  packBundled: 'bundled',
  packImported: 'imported',
  corpusSources: 'Sources',
  publishedUnknown: 'Publication date unknown',
  basis: 'How the date is known: {basis}',
  importPack: 'Import a library (JSON)',
  importDone: 'Imported “{title}”.',
  importFailed: 'Import failed: {error}',
  exportPack: 'Export',
  removePack: 'Remove',
  resetCorpus: 'Restore the bundled library',
  resetDone: 'The bundled library is restored.',
  offline: 'Siyaq works offline: it sends nothing and fetches nothing.',
  version: 'Version {version}',
  fromImport: 'From your imported library “{title}”',
  confirmReplace:
    'The library “{title}” (version {version}) is already imported under the same id; importing this file deletes it. Export it first if you want to keep a copy.',
  confirmRemove: 'Remove the library “{title}”? This cannot be undone; export it first if you want to keep a copy.',
  confirmReset: 'Restoring the bundled library deletes your imported libraries: {titles}. Export them first if you want to keep copies.',
  confirmResetNone: 'Restore the bundled library as it was?',
  replaceAction: 'Replace it',
  removeAction: 'Remove it',
  resetAction: 'Restore',
  exportFirst: 'Export “{title}”',
  cancel: 'Cancel',
  removeDone: 'Removed “{title}”.',
  packSkipped:
    'Names from “{title}” are not marked on pages: preparing them took {ms} ms, more than Siyaq allows. Split it into smaller libraries or give it fewer aliases.',
  packRenamed: 'This release’s bundled library took the id “{from}”, so your imported library was kept, whole, under the id “{id}”.',
  fileTooLarge: 'The file is larger than {mb} MB; Siyaq reads libraries up to {mb} MB. Split it into smaller libraries.',
  dbUnavailable:
    'Siyaq cannot open its database in this window (a Firefox private window, for example, does not allow it). Open this page in a normal window.',
  dbBlocked:
    'An old tab of Siyaq’s pages is holding its database, so it cannot be updated. Close Siyaq’s open tabs, then open this page again.',
  dbNotReady: 'Siyaq’s library is not ready yet. Close this and open it again in a minute; if it happens again, reinstall Siyaq.',
  actionFailed: 'That could not be done: {error}. Reload the page and try again.',
  markImported: 'Mark names from imported libraries on pages',
  markImportedHint:
    'The page you read can see which words are marked. Turn this off if your libraries hold names you want to keep private.',
};

const TABLES: Record<Lang, Record<StringKey, string>> = { ar: AR, en: EN };

type Vars = Record<string, string | number>;

function fill(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function t(key: StringKey, lang: Lang, vars?: Vars): string {
  return fill(TABLES[lang][key], vars);
}

/** Count phrases: Arabic has six plural categories, and a bare "{n} أحداث" is wrong for most numbers. */
type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

const PLURALS = {
  events: {
    ar: { zero: 'لا أحداث', one: 'حدث واحد', two: 'حدثان', few: '{n} أحداث', many: '{n} حدثاً', other: '{n} حدث' },
    en: { one: '1 event', other: '{n} events' },
  },
  eventsSince: {
    ar: {
      zero: 'لا أحداث مسجّلة منذ ذلك الحين',
      one: 'حدث واحد منذ ذلك الحين',
      two: 'حدثان منذ ذلك الحين',
      few: '{n} أحداث منذ ذلك الحين',
      many: '{n} حدثاً منذ ذلك الحين',
      other: '{n} حدث منذ ذلك الحين',
    },
    en: { one: '1 event since then', other: '{n} events since then' },
  },
  topics: {
    ar: { zero: 'لا مواضيع', one: 'موضوع واحد', two: 'موضوعان', few: '{n} مواضيع', many: '{n} موضوعاً', other: '{n} موضوع' },
    en: { one: '1 topic', other: '{n} topics' },
  },
  moreTopics: {
    ar: { zero: 'المزيد', one: 'موضوع آخر', two: 'موضوعان آخران', few: '{n} مواضيع أخرى', many: '{n} موضوعاً آخر', other: '{n} موضوع آخر' },
    en: { one: '1 more topic', other: '{n} more topics' },
  },
  sources: {
    ar: { zero: 'لا مصادر', one: 'مصدر واحد', two: 'مصدران', few: '{n} مصادر', many: '{n} مصدراً', other: '{n} مصدر' },
    en: { one: '1 source', other: '{n} sources' },
  },
  mentions: {
    ar: { zero: 'لا ذكر', one: 'ذُكر مرة', two: 'ذُكر مرتين', few: 'ذُكر {n} مرات', many: 'ذُكر {n} مرة', other: 'ذُكر {n} مرة' },
    en: { one: 'mentioned once', other: 'mentioned {n} times' },
  },
  browseTimeline: {
    ar: {
      zero: 'تصفّح الخط الزمني',
      one: 'تصفّح الخط الزمني (حدث واحد)',
      two: 'تصفّح الخط الزمني (حدثان)',
      few: 'تصفّح الخط الزمني ({n} أحداث)',
      many: 'تصفّح الخط الزمني ({n} حدثاً)',
      other: 'تصفّح الخط الزمني ({n} حدث)',
    },
    en: { one: 'Browse the timeline (1 event)', other: 'Browse the timeline ({n} events)' },
  },
  moreInTimeline: {
    ar: {
      zero: 'الخط الزمني الكامل',
      one: 'الخط الزمني الكامل (حدث واحد)',
      two: 'الخط الزمني الكامل (حدثان)',
      few: 'الخط الزمني الكامل ({n} أحداث)',
      many: 'الخط الزمني الكامل ({n} حدثاً)',
      other: 'الخط الزمني الكامل ({n} حدث)',
    },
    en: { one: 'Full timeline (1 event)', other: 'Full timeline ({n} events)' },
  },
} satisfies Record<string, Record<Lang, PluralForms>>;

export type PluralKey = keyof typeof PLURALS;

const pluralRules: Partial<Record<Lang, Intl.PluralRules>> = {};

/** Digits as shown: Arabic-Indic only in the Arabic interface, when the reader's digits are those. */
export function digitsFor(lang: Lang, digits: DigitSet): DigitSet {
  return lang === 'ar' ? digits : 'latn';
}

export function tn(key: PluralKey, n: number, lang: Lang, digits: DigitSet = 'latn'): string {
  const rules = (pluralRules[lang] ??= new Intl.PluralRules(lang));
  const forms: PluralForms = PLURALS[key][lang];
  return withDigits(fill(forms[rules.select(n)] ?? forms.other, { n }), digitsFor(lang, digits));
}

const MONTHS: Record<Lang, readonly string[]> = {
  ar: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** The precision an ISO-8601 prefix ("2024", "2024-09", "2024-09-23") carries. */
export function precisionOf(date: string): DatePrecision {
  return date.length >= 10 ? 'day' : date.length >= 7 ? 'month' : 'year';
}

export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

/**
 * «23 سبتمبر 2024» / «سبتمبر 2024» / «2024», never more precise than `precision`
 * (a day-precise ISO string shown at month precision loses the day), with «≈ »
 * before an inferred date.
 */
export function formatDate(
  date: string,
  lang: Lang,
  precision: DatePrecision = precisionOf(date),
  basis: DateBasis = 'stated',
  digits: DigitSet = 'latn',
): string {
  const [y = '', m, d] = date.split('-');
  let text = y;
  if (m && precision !== 'year') {
    const month = monthName(Number(m), lang);
    text = d && precision === 'day' ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
  }
  return withDigits(basis === 'inferred' ? `≈ ${text}` : text, digitsFor(lang, digits));
}

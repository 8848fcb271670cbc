/**
 * Small word lists the detector needs beside the corpus: words that tell a
 * name from the ordinary Arabic around it. Each list is folded on first use
 * (lib/arabic/normalize.ts), so it matches however a page spells its hamza,
 * ya or teh marbuta.
 */
import { foldString } from '../arabic/normalize';

/**
 * Given names common in Arabic news, Arab and foreign, as the press writes
 * them. A surname right after one of these (ماهر الأسد، حسين الشرع، سيث
 * ماكفارلين) belongs to another person than the corpus's bearer of that
 * surname. Words that are as often ordinary words (سعيد، كريم، جميل، أمين)
 * are left out: «أمين الأسد» is rarer than «قال الأمين العام» is common.
 */
const GIVEN_NAMES = [
  // Arab
  'محمد',
  'أحمد',
  'محمود',
  'مصطفى',
  'علي',
  'عمر',
  'عثمان',
  'خالد',
  'حسن',
  'حسين',
  'إبراهيم',
  'يوسف',
  'عبدالله',
  'عبد الله',
  'عبدالرحمن',
  'عبد الرحمن',
  'عبدالعزيز',
  'فيصل',
  'سلمان',
  'ماهر',
  'حافظ',
  'رفعت',
  'باسل',
  'بشرى',
  'أسماء',
  'بشار',
  'أنيسة',
  'مجد',
  'ماجد',
  'بسام',
  'فاروق',
  'زياد',
  'طارق',
  'هشام',
  'وليد',
  'نزار',
  'نبيل',
  'عماد',
  'رامي',
  'رامز',
  'فراس',
  'مناف',
  'جميل',
  'غسان',
  'كمال',
  'عدنان',
  'منذر',
  'ياسر',
  'ياسين',
  'جمال',
  'سامي',
  'سمير',
  'فادي',
  'هاني',
  'وائل',
  'أيمن',
  'أنس',
  'معاذ',
  'حمزة',
  'بلال',
  'زيد',
  'سعد',
  'فهد',
  'نايف',
  'تركي',
  'بندر',
  'سلطان',
  'منصور',
  'ناصر',
  'جاسم',
  'حمد',
  'راشد',
  'زايد',
  'مروان',
  'شادي',
  'رياض',
  'مازن',
  'فاطمة',
  'زينب',
  'مريم',
  'عائشة',
  'خديجة',
  'نور',
  'ليلى',
  'سلمى',
  'هند',
  'رنا',
  'لينا',
  'دينا',
  'سارة',
  'رزان',
  // Foreign, in the spellings Arabic news uses
  'جون',
  'جيمس',
  'مايكل',
  'ديفيد',
  'دافيد',
  'روبرت',
  'ريتشارد',
  'وليام',
  'ويليام',
  'توماس',
  'تشارلز',
  'جورج',
  'مارك',
  'بول',
  'بيتر',
  'ستيفن',
  'ستيف',
  'كيفن',
  'براين',
  'جيسون',
  'سيث',
  'سكوت',
  'إريك',
  'أندرو',
  'آندرو',
  'كريستوفر',
  'دانيال',
  'دانيل',
  'جوزيف',
  'جو',
  'دونالد',
  'باراك',
  'هيلاري',
  'جيفري',
  'تيم',
  'توم',
  'جاك',
  'هنري',
  'فرانك',
  'إدوارد',
  'ماري',
  'سارا',
  'جنيفر',
  'إليزابيث',
  'كاثرين',
  'آنا',
  'إيما',
  'إيمي',
  'لورا',
  'كيت',
  'جوليا',
  'إيرين',
  'ريان',
  'نيك',
  'آدم',
  'آلان',
  'ألان',
  'كارل',
  'مات',
  'فيليب',
  'روجر',
  'جاستن',
  'بن',
];

/**
 * Words that are ordinary Arabic and also a corpus alias behind a proclitic,
 * or a short form of one: «بحماس» (with enthusiasm), «الحماس», «رسول»
 * (messenger), «الرسول». Such a form names its topic only after the text
 * has named the topic unambiguously; a generated spelling variant is never
 * one of them.
 */
const ORDINARY_WORDS = [
  'بحماس',
  'وبحماس',
  'فبحماس',
  'الحماس',
  'والحماس',
  'بالحماس',
  'للحماس',
  'حماسه',
  'حماسا',
  'رسول',
  'ورسول',
  'برسول',
  'لرسول',
  'الرسول',
  'والرسول',
  'بالرسول',
  'للرسول',
  'رسولا',
];

/**
 * Generic heads of organisation names (تنظيم داعش، حركة حماس): the word
 * after one is the name itself, not a surname.
 */
const ORGANISATION_HEADS = [
  'تنظيم',
  'حركة',
  'قوات',
  'قوة',
  'هيئة',
  'كتائب',
  'سرايا',
  'لواء',
  'جبهة',
  'حزب',
  'منظمة',
  'مجلس',
  'جماعة',
  'عملية',
  'وزارة',
  'جيش',
  'ميليشيا',
  'فصيل',
  'تحالف',
  'اتحاد',
];

/**
 * Generic heads of place and base names (قاعدة حرير), after which the press
 * writes the name with or without the article (lib/detect/variants.ts).
 */
const PLACE_HEADS = [
  'قاعدة',
  'مطار',
  'معسكر',
  'مدينة',
  'بلدة',
  'قرية',
  'ناحية',
  'قضاء',
  'محافظة',
  'منطقة',
  'ميناء',
  'جزيرة',
  'سجن',
  'مخيم',
  'حقل',
  'جبل',
  'سد',
  'معبر',
];

let given: ReadonlySet<string> | null = null;
let heads: ReadonlySet<string> | null = null;
let placeHeads: ReadonlySet<string> | null = null;

/** Whether a folded word is the generic head of an organisation or place name. */
export function isNameHead(folded: string): boolean {
  heads ??= new Set([...ORGANISATION_HEADS, ...PLACE_HEADS].map((w) => foldString(w)));
  return heads.has(folded);
}

/** Whether a folded word is the generic head of a place or base name. */
export function isPlaceHead(folded: string): boolean {
  placeHeads ??= new Set(PLACE_HEADS.map((w) => foldString(w)));
  return placeHeads.has(folded);
}
let ordinary: ReadonlySet<string> | null = null;

/** Whether a folded word is a common given name. */
export function isGivenName(folded: string): boolean {
  given ??= new Set(GIVEN_NAMES.map((w) => foldString(w)));
  return given.has(folded);
}

/** Whether a folded word (proclitics included) is an ordinary Arabic word. */
export function isOrdinaryWord(folded: string): boolean {
  ordinary ??= new Set(ORDINARY_WORDS.map((w) => foldString(w)));
  return ordinary.has(folded);
}

/** Whether some ordinary word ends with this folded alias (حماس in بحماس): only such aliases need the check. */
export function endsOrdinaryWord(folded: string): boolean {
  ordinary ??= new Set(ORDINARY_WORDS.map((w) => foldString(w)));
  for (const w of ordinary) if (w.endsWith(folded)) return true;
  return false;
}

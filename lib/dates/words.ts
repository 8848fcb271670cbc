/**
 * The words of Arabic dates (ARABIC.md, "Dates"), written as people write
 * them and folded once at load time with the same fold as the page text, so
 * every hamza, ya and teh marbuta spelling matches (إبريل/أبريل, يونيه/يونية,
 * تشرين/تشرین).
 */
import { foldString } from '../arabic/normalize';

/** Gregorian month names of every regional system, with their month number. */
const GREGORIAN: readonly (readonly [number, string])[] = [
  // The Egyptian/standard names and their spellings.
  [1, 'يناير'],
  [2, 'فبراير'],
  [3, 'مارس'],
  [4, 'أبريل'],
  [4, 'إبريل'],
  [5, 'مايو'],
  [6, 'يونيو'],
  [6, 'يونيه'],
  [6, 'يونية'],
  [7, 'يوليو'],
  [7, 'يوليه'],
  [7, 'يولية'],
  [8, 'أغسطس'],
  [9, 'سبتمبر'],
  [10, 'أكتوبر'],
  [11, 'نوفمبر'],
  [12, 'ديسمبر'],
  // Levant and Iraq (Syriac names), with the article dropped as some writers do.
  [1, 'كانون الثاني'],
  [1, 'كانون ثاني'],
  [2, 'شباط'],
  [3, 'آذار'],
  [4, 'نيسان'],
  [5, 'أيار'],
  [6, 'حزيران'],
  [7, 'تموز'],
  [8, 'آب'],
  [9, 'أيلول'],
  [10, 'تشرين الأول'],
  [10, 'تشرين أول'],
  [11, 'تشرين الثاني'],
  [11, 'تشرين ثاني'],
  [12, 'كانون الأول'],
  [12, 'كانون أول'],
  // Algeria and Tunisia (French-derived).
  [1, 'جانفي'],
  [2, 'فيفري'],
  [4, 'أفريل'],
  [5, 'ماي'],
  [6, 'جوان'],
  [7, 'جويلية'],
  [8, 'أوت'],
  // Morocco.
  [7, 'يوليوز'],
  [8, 'غشت'],
  [9, 'شتنبر'],
  [11, 'نونبر'],
  [12, 'دجنبر'],
  // Mauritania.
  [8, 'أغشت'],
  [9, 'شتمبر'],
  [12, 'دجمبر'],
];

const HIJRI: readonly (readonly [number, string])[] = [
  [1, 'محرم'],
  [2, 'صفر'],
  [3, 'ربيع الأول'],
  [4, 'ربيع الثاني'],
  [4, 'ربيع الآخر'],
  [5, 'جمادى الأولى'],
  [5, 'جمادى الأول'],
  [6, 'جمادى الآخرة'],
  [6, 'جمادى الثانية'],
  [6, 'جمادى الآخر'],
  [7, 'رجب'],
  [8, 'شعبان'],
  [9, 'رمضان'],
  [10, 'شوال'],
  [11, 'ذو القعدة'],
  [11, 'ذي القعدة'],
  [12, 'ذو الحجة'],
  [12, 'ذي الحجة'],
];

/** Sunday = 0, as Date.getUTCDay counts. */
const WEEKDAYS: readonly (readonly [number, string])[] = [
  [0, 'الأحد'],
  [1, 'الاثنين'],
  [1, 'الإثنين'],
  [2, 'الثلاثاء'],
  [3, 'الأربعاء'],
  [4, 'الخميس'],
  [5, 'الجمعة'],
  [6, 'السبت'],
];

/** Ordinal day words, «السابع عشر من سبتمبر». */
const UNITS = ['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
function ordinalWords(): (readonly [number, string])[] {
  const out: [number, string][] = UNITS.map((w, i) => [i + 1, w]);
  out.push([10, 'العاشر'], [11, 'الحادي عشر'], [20, 'العشرين'], [30, 'الثلاثين'], [31, 'الحادي والثلاثين']);
  for (let i = 1; i < 9; i++) out.push([11 + i, `${UNITS[i]} عشر`]);
  out.push([21, 'الحادي والعشرين']);
  for (let i = 1; i < 9; i++) out.push([21 + i, `${UNITS[i]} والعشرين`]);
  return out;
}

/** Counts written out, for «منذ ثلاثة أيام» and «منذ عشر سنوات». */
const COUNTS: readonly (readonly [number, string])[] = [
  [3, 'ثلاثة'],
  [3, 'ثلاث'],
  [4, 'أربعة'],
  [4, 'أربع'],
  [5, 'خمسة'],
  [5, 'خمس'],
  [6, 'ستة'],
  [6, 'ست'],
  [7, 'سبعة'],
  [7, 'سبع'],
  [8, 'ثمانية'],
  [8, 'ثماني'],
  [9, 'تسعة'],
  [9, 'تسع'],
  [10, 'عشرة'],
  [10, 'عشر'],
];

export interface WordTable {
  /** Folded word → value. */
  values: ReadonlyMap<string, number>;
  /** A regex alternation of the folded words, longest first (so «تشرين الثاني» beats a shorter prefix). */
  pattern: string;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function table(entries: readonly (readonly [number, string])[]): WordTable {
  const values = new Map<string, number>();
  for (const [value, word] of entries) values.set(foldString(word), value);
  const words = [...values.keys()].sort((a, b) => b.length - a.length);
  return { values, pattern: words.map(escape).join('|') };
}

export const GREGORIAN_MONTHS = table(GREGORIAN);
export const HIJRI_MONTHS = table(HIJRI);
export const WEEKDAY_NAMES = table(WEEKDAYS);
export const ORDINAL_DAYS = table(ordinalWords());
export const COUNT_WORDS = table(COUNTS);

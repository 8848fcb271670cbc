/**
 * Dates in Arabic text: absolute ones in either month system, Hijri ones,
 * numeric ones, and relative ones resolved against the article's own
 * publication date (never against "now", which would date an old article by
 * the day it is read).
 *
 * The text is folded first (lib/arabic/normalize.ts) so every spelling and
 * digit set looks the same; a few regexes, compiled once, read the folded
 * text, and the offset map turns their spans back into the caller's offsets.
 * A month name alone is never a date (مارس is also a verb, آب folds to أب
 * "father", نيسان is also a car maker): a day, a year or a relative word must
 * stand next to it.
 */
import { fold, sourceEnd } from '../arabic/normalize';
import { isWordCode } from '../arabic/chars';
import {
  type CalendarDate,
  type Precision,
  addDays,
  addMonths,
  formatDate,
  hijriToGregorian,
  isValidDate,
  parseDate,
  precisionOf,
  weekday,
} from './calendar';
import { COUNT_WORDS, GREGORIAN_MONTHS, HIJRI_MONTHS, ORDINAL_DAYS, WEEKDAY_NAMES } from './words';

export interface DateMention {
  /** UTF-16 offsets into the text given to findArabicDates; the span holds the whole expression. */
  start: number;
  end: number;
  date: string;
  precision: Precision;
  /** Whether the date was worked out from the reference (أمس، نيسان الماضي، 27 يناير without a year). */
  relative: boolean;
}

// Word boundaries in any script (ARABIC.md: `\b` is ASCII-only). A date may
// follow the conjunction و/ف («والشهر الماضي»), a number also ب/ل («ب15 يناير»);
// those letters stay outside the span.
const NOT_WORD = '(?<![\\p{L}\\p{N}])';
const L = `(?:${NOT_WORD}|(?<=${NOT_WORD}(?:[وف]|[وف]?[بل])))`;
const R = '(?![\\p{L}\\p{N}])';
/** A match after ب/ل must start with a digit: «لامس» is "touched", not أمس. */
const PREPOSITION_BEFORE = /[بل]/;
const DIGIT_FIRST = /^\d/;
const PROCLITIC_LETTER = /[وفبل]/;

const WD = WEEKDAY_NAMES.pattern;
const GM = GREGORIAN_MONTHS.pattern;
const HM = HIJRI_MONTHS.pattern;

/** Relative words after a month, a unit or a weekday, in both genders: past, current, next. */
const PAST = 'الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق';
const CURRENT = 'الجاري|الجاريه|الحالي|الحاليه';
const NEXT = 'المقبل|المقبله|القادم|القادمه';
const RELATIVE_WORD = `${PAST}|${CURRENT}|${NEXT}`;
const PAST_SET = new Set(PAST.split('|'));
const NEXT_SET = new Set(NEXT.split('|'));

/**
 * An ordinal after a definite noun or a part of a period qualifies that noun:
 * «النصف الثاني من شهر مارس» is the second half, not the second day. A
 * weekday or الموافق before it is fine («الثلاثاء السابع عشر من …»).
 */
const ORDINAL_GUARD = `(?<!${NOT_WORD}(?!(?:${WD}|الموافق) )(?:ال[^\\s]*|نصف|ربع|ثلث|اسبوع|عقد) )`;

/** «15 كانون الثاني/يناير 2024», «الثلاثاء، 24 أيلول 2024م», «السابع عشر من سبتمبر الحالي», «آذار/مارس 2024», «نيسان الماضي». */
const GREGORIAN_RE = (): RegExp =>
  new RegExp(
    `${L}(?:(?:(?:يوم )?(?:${WD})(?: ?[،,])? (?:الموافق )?)?(?:(?<d>\\d{1,2})(?!\\d)|${ORDINAL_GUARD}(?<ord>${ORDINAL_DAYS.pattern}) من) ?(?:من )?)?` +
      `(?:شهر )?(?<m1>${GM})${R}(?: ?[/\\-] ?(?<m2>${GM})${R}| ?\\( ?(?<m3>${GM}) ?\\))?` +
      `(?:(?: ?[،,])? ?(?:من )?(?:(?:ال)?(?:عام|سنه) )?(?<y>\\d{4})(?!\\d)(?: ?م${R}| ?ميلادي(?:ه)?${R}| للميلاد${R})?` +
      `| (?:من (?:العام|السنه) (?<ry>${RELATIVE_WORD})|من (?<thisYear>هذا العام|هذه السنه))${R}` +
      `| (?:من )?(?<rm>${RELATIVE_WORD})${R})?`,
    'yu',
  );

/** «5 رمضان 1445 هـ»; a year is required (صفر is also "zero", رمضان also a name). */
const HIJRI_RE = (): RegExp =>
  new RegExp(
    `${L}(?:(?:(?:يوم )?(?:${WD})(?: ?[،,])? )?(?<d>\\d{1,2}) ?(?:من )?)?(?:شهر )?(?<m>${HM})${R}` +
      `(?: ?[،,])? ?(?:(?:عام|سنه) )?(?<y>\\d{4})(?!\\d)(?: ?ه${R}| ?هجري(?:ه)?${R}| للهجره${R})?`,
    'yu',
  );

/** Day/month/year with / . or -, and year-first ISO order; a weekday may lead. */
const NUMERIC_RE = (): RegExp =>
  new RegExp(
    `${L}(?<![/.\\-])(?:(?:يوم )?(?:${WD})(?: ?[،,])? )?(?:(?<d>\\d{1,2})(?<s>[/.\\-])(?<m>\\d{1,2})\\k<s>(?<y>\\d{4})|(?<Y>\\d{4})(?<t>[/\\-])(?<M>\\d{1,2})\\k<t>(?<D>\\d{1,2}))(?![\\p{N}/.\\-]|\\p{L}(?<!م))(?: ?م${R})?`,
    'yu',
  );

/** «عام 2003», «سنة 2014م», «عامي 2014 و2017»; a bare four-digit number may be a count. */
const YEAR_RE = (): RegExp =>
  new RegExp(
    `${L}(?:بال|لل|ال|ب|ل)?(?<kw>عامي|عام|سنه)(?: ?[:،,])? (?<y>\\d{4})(?!\\d)(?<h> ?ه${R}| ?هجري)?(?: ?م${R})?(?: ?(?:و|الى|حتى|-|–) ?(?<y2>\\d{4})(?!\\d)(?: ?م${R})?)?`,
    'dyu',
  );

const RELATIVE_RE = (): RegExp =>
  new RegExp(
    `${L}(?:` +
      `(?<ago>منذ|قبل|بعد) (?:(?<n>\\d{1,2}|${COUNT_WORDS.pattern}) )?(?<unit>يوم|يومين|ايام|اسبوع|اسبوعين|اسابيع|شهر|شهرين|اشهر|شهور|عام|عامين|اعوام|سنه|سنتين|سنوات|سنين)${R}(?! من)` +
      `|(?<ystd>(?:اول (?:من )?)?(?:ال)?امس)${R}` +
      `|(?<ystd2>البارحه)${R}` +
      `|(?<tmrw>بعد غد|غدا)${R}` +
      `|(?:بال|لل|كال|ال)(?<period>اسبوع|شهر|عام|سنه) (?<dir>${RELATIVE_WORD})${R}` +
      `|(?<thisPeriod>هذا (?:الاسبوع|الشهر|العام)|هذه السنه)${R}` +
      `|(?:(?<yawm>يوم) )?(?<wd>${WD})(?: (?<wdir>${PAST}|${NEXT}))?${R}` +
      ')',
    'yu',
  );

/** Between a Hijri date and the Gregorian one it is paired with: «… هـ الموافق 15 مارس», «15 مارس (5 رمضان …)». */
const PAIRED_GAP = /^[\s،,()\-–/]*(?:(?:ال|و|ي|الذي ي)?موافق(?:ه)?(?: ل)?[\s،,()\-–/]*)?$/u;

/** Nouns that «العام» qualifies as "general" (الأمين العام الحالي is no year). */
const GENERAL_NOUNS = new Set(
  'الامين المدعي النائب المدير الراي القطاع الامن الشان المؤتمر الاتحاد المفتش المنسق المراقب القائد المرشد الصالح المال الاضراب النفع الذوق التعليم الحق'.split(
    ' ',
  ),
);
/** A future-tense verb before a bare weekday: «سيزور … الخميس» is the coming Thursday. */
const FUTURE_VERB = /^(?:[وف])?(?:سوف|س[يتن][^\s]{2,})$/u;
const NOT_FUTURE = /^(?:[وف])?(?:سياس|سيار|سيد|سيطر|ستين|سنه|سنوات|سنين|ستار|سيول|سين|ستوكهولم)/u;

interface Found {
  /** Folded offsets. */
  fs: number;
  fe: number;
  date: CalendarDate;
  relative: boolean;
  hijri?: boolean;
}

type Reference = CalendarDate | null;

function monthOf(name: string | undefined): number | undefined {
  return name === undefined ? undefined : GREGORIAN_MONTHS.values.get(name);
}

/** The year of a month named without one, by a relative word or else as the occurrence nearest the reference. */
function yearForMonth(month: number, day: number | undefined, rel: string | undefined, ref: Reference): number | null {
  if (!ref || ref.month === undefined) return null;
  if (rel !== undefined) {
    if (PAST_SET.has(rel)) return month < ref.month ? ref.year : ref.year - 1;
    if (NEXT_SET.has(rel)) return month > ref.month ? ref.year : ref.year + 1;
    return ref.year;
  }
  const refDay = Date.UTC(ref.year, ref.month - 1, ref.day ?? 15);
  let best = ref.year;
  let bestGap = Infinity;
  for (const year of [ref.year - 1, ref.year, ref.year + 1]) {
    const gap = Math.abs(Date.UTC(year, month - 1, day ?? 15) - refDay);
    if (gap < bestGap) {
      bestGap = gap;
      best = year;
    }
  }
  return best;
}

function relativeYear(word: string, ref: Reference): number | null {
  if (!ref) return null;
  return ref.year + (PAST_SET.has(word) ? -1 : NEXT_SET.has(word) ? 1 : 0);
}

function gregorian(m: RegExpExecArray, ref: Reference): Found | null {
  const g = m.groups!;
  const month = monthOf(g.m1)!;
  const day = g.d !== undefined ? Number(g.d) : g.ord !== undefined ? ORDINAL_DAYS.values.get(g.ord) : undefined;
  let year: number | null = null;
  let relative = false;
  if (g.y !== undefined) {
    year = Number(g.y);
  } else if (g.ry !== undefined || g.thisYear !== undefined) {
    year = relativeYear(g.ry ?? 'الجاري', ref);
    relative = true;
  } else if (g.rm !== undefined || day !== undefined) {
    year = yearForMonth(month, day, g.rm, ref);
    relative = true;
  }
  // A month name alone is no date; nor is one whose year cannot be known.
  if (year === null || (day === undefined && g.y === undefined && !relative)) return null;
  if (year < 1000 || year > 2199 || (day !== undefined && !isValidDate(year, month, day))) return null;
  const date: CalendarDate = day !== undefined ? { year, month, day } : { year, month };
  return { fs: m.index, fe: m.index + m[0].length, date, relative };
}

function hijri(m: RegExpExecArray): Found | null {
  const g = m.groups!;
  const year = Number(g.y);
  const month = HIJRI_MONTHS.values.get(g.m!)!;
  if (year < 1300 || year > 1600) return null;
  const fs = m.index;
  const fe = m.index + m[0].length;
  if (g.d === undefined) {
    // A Hijri month spans two Gregorian ones: date it by the month its middle falls in.
    const mid = hijriToGregorian(year, month, 15);
    return { fs, fe, date: { year: mid.year, month: mid.month }, relative: false, hijri: true };
  }
  const day = Number(g.d);
  if (day < 1 || day > 30) return null;
  return { fs, fe, date: hijriToGregorian(year, month, day), relative: false, hijri: true };
}

function numeric(m: RegExpExecArray): Found | null {
  const g = m.groups!;
  const [year, month, day] = g.y !== undefined ? [Number(g.y), Number(g.m), Number(g.d)] : [Number(g.Y), Number(g.M), Number(g.D)];
  if (year < 1900 || year > 2199 || !isValidDate(year, month, day)) return null;
  return { fs: m.index, fe: m.index + m[0].length, date: { year, month, day }, relative: false };
}

function years(m: RegExpExecArray, out: Found[]): void {
  const g = m.groups!;
  if (g.h !== undefined) return; // a Hijri year alone cannot be placed in a Gregorian one
  const y = Number(g.y);
  if (y < 1000 || y > 2199) return;
  const at = m.indices!.groups!;
  // The span starts at the keyword, leaving out a proclitic («والعام 2024» → «العام 2024»).
  const fs = at.kw![0];
  if (g.y2 === undefined) {
    out.push({ fs, fe: m.index + m[0].length, date: { year: y }, relative: false });
    return;
  }
  out.push({ fs, fe: at.y![1], date: { year: y }, relative: false });
  const y2 = Number(g.y2);
  if (y2 >= 1000 && y2 <= 2199) out.push({ fs: at.y2![0], fe: at.y2![1], date: { year: y2 }, relative: false });
}

function countOf(n: string | undefined, unit: string): number | null {
  if (n !== undefined) return /^\d+$/.test(n) ? Number(n) : (COUNT_WORDS.values.get(n) ?? null);
  if (/^(يوم|اسبوع|شهر|عام|سنه)$/.test(unit)) return 1;
  if (/^(يومين|اسبوعين|شهرين|عامين|سنتين)$/.test(unit)) return 2;
  return null; // «منذ سنوات», «قبل أيام»: too vague to date
}

/** The word before the one at `at`, without a leading و/ف. */
function previousWord(folded: string, at: number): string {
  const end = folded.lastIndexOf(' ', at - 1);
  if (end <= 0) return '';
  const start = folded.lastIndexOf(' ', end - 1) + 1;
  const word = folded.slice(start, end);
  return /^[وف]ال/.test(word) ? word.slice(1) : word;
}

/** A future-tense verb among the three words before `at`. */
function futureBefore(folded: string, at: number): boolean {
  let pos = at;
  for (let k = 0; k < 3; k++) {
    const word = previousWord(folded, pos);
    if (word === '') return false;
    if (FUTURE_VERB.test(word) && !NOT_FUTURE.test(word)) return true;
    pos = folded.lastIndexOf(' ', pos - 1);
  }
  return false;
}

function relative(m: RegExpExecArray, folded: string, ref: CalendarDate): Found | null {
  const g = m.groups!;
  const fs = m.index;
  const fe = m.index + m[0].length;
  const hasDay = ref.day !== undefined && ref.month !== undefined;
  const day = hasDay ? (ref as Required<CalendarDate>) : null;
  const at = (date: CalendarDate | null): Found | null => (date ? { fs, fe, date, relative: true } : null);
  const monthShift = (months: number): CalendarDate | null => (ref.month === undefined ? null : addMonths(ref.year, ref.month, months));
  const weekShift = (days: number): CalendarDate | null => {
    if (!day) return null;
    const d = addDays(day, days);
    return { year: d.year, month: d.month };
  };

  if (g.ago !== undefined) {
    const unit = g.unit!;
    const n = countOf(g.n, unit);
    if (n === null || n === 0) return null;
    const sign = g.ago.endsWith('بعد') ? 1 : -1;
    if (unit.startsWith('يوم') || unit === 'ايام') return at(day ? addDays(day, sign * n) : null);
    if (unit.startsWith('اسبوع') || unit === 'اسابيع') return at(weekShift(sign * 7 * n));
    if (unit.startsWith('شهر') || unit === 'اشهر' || unit === 'شهور') return at(monthShift(sign * n));
    return at({ year: ref.year + sign * n });
  }
  if (g.ystd !== undefined || g.ystd2 !== undefined) {
    const twoDays = g.ystd !== undefined && g.ystd.includes('اول');
    return at(day ? addDays(day, twoDays ? -2 : -1) : null);
  }
  if (g.tmrw !== undefined) return at(day ? addDays(day, g.tmrw.startsWith('بعد') ? 2 : 1) : null);
  if (g.period !== undefined || g.thisPeriod !== undefined) {
    const period = g.period ?? (g.thisPeriod!.includes('اسبوع') ? 'اسبوع' : g.thisPeriod!.includes('شهر') ? 'شهر' : 'عام');
    const dir = g.dir ?? 'الجاري';
    const shift = PAST_SET.has(dir) ? -1 : NEXT_SET.has(dir) ? 1 : 0;
    if (period === 'عام' || period === 'سنه') {
      if (g.period !== undefined && GENERAL_NOUNS.has(previousWord(folded, fs))) return null;
      return at({ year: ref.year + shift });
    }
    if (period === 'شهر') return at(monthShift(shift));
    return at(shift === 0 ? monthShift(0) : weekShift(7 * shift));
  }
  if (g.wd !== undefined) {
    const target = WEEKDAY_NAMES.values.get(g.wd)!;
    // الاثنين is also "the two": only a weekday with يوم or a relative word.
    if (target === 1 && g.yawm === undefined && g.wdir === undefined) return null;
    if (!day) return null;
    const today = weekday(day);
    let delta: number;
    if (g.wdir !== undefined && NEXT_SET.has(g.wdir)) delta = ((target - today + 6) % 7) + 1;
    else if (g.wdir !== undefined) delta = -(((today - target + 6) % 7) + 1);
    else if (futureBefore(folded, fs)) delta = (target - today + 7) % 7;
    else delta = -((today - target + 7) % 7);
    return at(addDays(day, delta));
  }
  return null;
}

/** Keeps the earliest, then longest, of overlapping spans; `taken` already holds spans that win. */
function addNonOverlapping(taken: Found[], candidates: Found[]): Found[] {
  candidates.sort((a, b) => a.fs - b.fs || b.fe - a.fe);
  const out = [...taken];
  for (const c of candidates) {
    if (!out.some((t) => c.fs < t.fe && t.fs < c.fe)) out.push(c);
  }
  return out.sort((a, b) => a.fs - b.fs);
}

/** Drops a Hijri date written beside the Gregorian one it equals («… هـ الموافق 15 آذار 2024»). */
function dropPairedHijri(found: Found[], folded: string): Found[] {
  return found.filter((f, i) => {
    if (!f.hijri) return true;
    const next = found[i + 1];
    const prev = found[i - 1];
    const pairedWith = (o: Found | undefined, gap: string): boolean => o !== undefined && !o.hijri && !o.relative && PAIRED_GAP.test(gap);
    return !((next && pairedWith(next, folded.slice(f.fe, next.fs))) || (prev && pairedWith(prev, folded.slice(prev.fe, f.fs))));
  });
}

/**
 * A grammar: its sticky regex, a cheap regex for a word every match holds (a
 * month name, a digit pair, a relative word), and how far before that word a
 * match may start. Trying the grammar only near those words keeps a long page
 * fast: the full regex, with its lookbehinds, runs at a few dozen positions per
 * anchor instead of at every character.
 */
interface Grammar {
  re: RegExp;
  anchor: RegExp;
  back: number;
  /** The anchor begins a word (month names do; «عام» may follow ال). */
  wordStart: boolean;
}

// Built on first use, not when the module loads: these are large Unicode
// regexes, and most pages give their date in metadata and never need them.
const buildGrammars = () =>
  ({
    gregorian: { re: GREGORIAN_RE(), anchor: new RegExp(GM, 'g'), back: 60, wordStart: true },
    hijri: { re: HIJRI_RE(), anchor: new RegExp(HM, 'g'), back: 30, wordStart: true },
    numeric: { re: NUMERIC_RE(), anchor: /\d[/.-]\d/g, back: 24, wordStart: false },
    year: { re: YEAR_RE(), anchor: /عام|سنه/g, back: 4, wordStart: false },
    relative: {
      re: RELATIVE_RE(),
      anchor: new RegExp(`امس|البارحه|غد|منذ|قبل|بعد|اسبوع|شهر|عام|سنه|هذا|هذه|${WD}`, 'g'),
      back: 12,
      wordStart: false,
    },
  }) satisfies Record<string, Grammar>;
let grammars: ReturnType<typeof buildGrammars> | null = null;

/** Whether a date may start at `s`: at a word start, or after a one- or two-letter proclitic (و، ف، ب، ل) that starts a word. */
function mayStart(text: string, s: number): boolean {
  if (s === 0 || !isWordCode(text.charCodeAt(s - 1))) return true;
  if (!PROCLITIC_LETTER.test(text[s - 1]!)) return false;
  if (s === 1 || !isWordCode(text.charCodeAt(s - 2))) return true;
  return PROCLITIC_LETTER.test(text[s - 2]!) && (s === 2 || !isWordCode(text.charCodeAt(s - 3)));
}

/** Matches of a grammar, leftmost first, never overlapping, each holding one of its anchors. */
function allMatches({ re, anchor, back, wordStart }: Grammar, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  let reached = 0;
  anchor.lastIndex = 0;
  for (let a = anchor.exec(text); a; a = anchor.exec(text)) {
    const p = a.index;
    if (p < reached || (wordStart && !mayStart(text, p))) continue;
    for (let s = Math.max(reached, p - back); s <= p; s++) {
      if (!mayStart(text, s)) continue;
      re.lastIndex = s;
      const m = re.exec(text);
      if (!m || s + m[0].length <= p) continue;
      // After ب/ل a date must start with a digit: «لامس» is "touched", not أمس.
      if (s > 0 && PREPOSITION_BEFORE.test(text[s - 1]!) && !DIGIT_FIRST.test(m[0])) continue;
      out.push(m);
      reached = s + m[0].length;
      break;
    }
  }
  return out;
}

/**
 * Every date in `text`, sorted by start, never overlapping. Relative dates,
 * and day-month dates without a year, are resolved against `reference` (the
 * article's publication date, "YYYY", "YYYY-MM" or "YYYY-MM-DD") as far as
 * its precision allows; without a reference they are left out.
 */
export function findArabicDates(text: string, reference?: string | null): DateMention[] {
  const G = (grammars ??= buildGrammars());
  const { text: folded, map } = fold(text);
  const ref = parseDate(reference);
  const absolute: Found[] = [];
  for (const m of allMatches(G.gregorian, folded)) {
    const f = gregorian(m, ref);
    if (f) absolute.push(f);
  }
  for (const m of allMatches(G.hijri, folded)) {
    const f = hijri(m);
    if (f) absolute.push(f);
  }
  for (const m of allMatches(G.numeric, folded)) {
    const f = numeric(m);
    if (f) absolute.push(f);
  }
  const yearOnly: Found[] = [];
  for (const m of allMatches(G.year, folded)) years(m, yearOnly);

  let found = dropPairedHijri(addNonOverlapping([], absolute), folded);
  found = addNonOverlapping(found, yearOnly);
  if (ref) {
    const rel: Found[] = [];
    for (const m of allMatches(G.relative, folded)) {
      const f = relative(m, folded, ref);
      if (f) rel.push(f);
    }
    found = addNonOverlapping(found, rel);
  }
  return found.map((f) => ({
    start: map[f.fs]!,
    end: sourceEnd(text, (k) => map[k]!, f.fe),
    date: formatDate(f.date),
    precision: precisionOf(f.date),
    relative: f.relative,
  }));
}

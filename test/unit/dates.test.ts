import { describe, expect, it } from 'vitest';
import { type DateMention, findArabicDates } from '../../lib/dates/find';
import { addMonths, hijriToGregorian, parseDate } from '../../lib/dates/calendar';
import { readSeed, seedFiles } from '../seeds';

/** [surface text, date, precision, relative] of every date found. */
function dates(text: string, reference?: string): [string, string, string, boolean][] {
  return findArabicDates(text, reference).map((d: DateMention) => [text.slice(d.start, d.end), d.date, d.precision, d.relative]);
}
const only = (text: string, reference?: string): string[] => findArabicDates(text, reference).map((d) => d.date);

describe('findArabicDates: absolute dates', () => {
  it('reads day, month and year in the standard month names and their spellings', () => {
    expect(dates('وصل في 15 يناير 2024 إلى بغداد')).toEqual([['15 يناير 2024', '2024-01-15', 'day', false]]);
    expect(only('1 إبريل 2023 و1 أبريل 2023 و2 يونيه 2023 و2 يونية 2023 و3 يوليه 2023 و3 يولية 2023 و9 مايو 2023')).toEqual([
      '2023-04-01',
      '2023-04-01',
      '2023-06-02',
      '2023-06-02',
      '2023-07-03',
      '2023-07-03',
      '2023-05-09',
    ]);
  });

  it('reads the Levantine/Iraqi names, with the Persian yeh of Iraqi text', () => {
    expect(only('في 5 كانون الثاني 2024 و6 شباط 2024 و7 آذار 2024 و8 نيسان 2024 و9 أيار 2024 و10 حزيران 2024')).toEqual([
      '2024-01-05',
      '2024-02-06',
      '2024-03-07',
      '2024-04-08',
      '2024-05-09',
      '2024-06-10',
    ]);
    expect(only('و11 تموز 2024 و12 آب 2024 و13 أيلول 2024 و14 تشرين الأول 2024 و15 تشرين الثاني 2024 و16 كانون الأول 2024')).toEqual([
      '2024-07-11',
      '2024-08-12',
      '2024-09-13',
      '2024-10-14',
      '2024-11-15',
      '2024-12-16',
    ]);
    expect(only('في ١٥ تشرین الأول ۲۰۲۳')).toEqual(['2023-10-15']);
  });

  it('reads the Maghreb, Moroccan and Mauritanian names', () => {
    expect(only('3 جانفي 2020، 4 فيفري 2020، 5 أفريل 2020، 6 ماي 2020، 7 جوان 2020، 8 جويلية 2020، 9 أوت 2020')).toEqual([
      '2020-01-03',
      '2020-02-04',
      '2020-04-05',
      '2020-05-06',
      '2020-06-07',
      '2020-07-08',
      '2020-08-09',
    ]);
    expect(only('10 يوليوز 2021، 11 غشت 2021، 12 شتنبر 2021، 13 نونبر 2021، 14 دجنبر 2021')).toEqual([
      '2021-07-10',
      '2021-08-11',
      '2021-09-12',
      '2021-11-13',
      '2021-12-14',
    ]);
    expect(only('15 أغشت 2022، 16 شتمبر 2022، 17 دجمبر 2022')).toEqual(['2022-08-15', '2022-09-16', '2022-12-17']);
  });

  it('reads the paired forms «كانون الثاني/يناير» and «يناير (كانون الثاني)», in either order', () => {
    expect(dates('في 15 كانون الثاني/يناير 2024')).toEqual([['15 كانون الثاني/يناير 2024', '2024-01-15', 'day', false]]);
    expect(dates('في آذار / مارس 2024')).toEqual([['آذار / مارس 2024', '2024-03', 'month', false]]);
    expect(dates('في يناير (كانون الثاني) 2025')).toEqual([['يناير (كانون الثاني) 2025', '2025-01', 'month', false]]);
    expect(dates('في آب/أغسطس من عام 2023، نحن')).toEqual([['آب/أغسطس من عام 2023', '2023-08', 'month', false]]);
  });

  it('takes in a leading weekday and the «م» suffix, and reads Arabic-Indic and Persian digits', () => {
    expect(dates('الثلاثاء، 24 أيلول 2024م')).toEqual([['الثلاثاء، 24 أيلول 2024م', '2024-09-24', 'day', false]]);
    expect(dates('يوم الأحد الموافق ٢١ أبريل، ٢٠٢٤ م')).toEqual([['يوم الأحد الموافق ٢١ أبريل، ٢٠٢٤ م', '2024-04-21', 'day', false]]);
    expect(only('۲۷ ژانویه')).toEqual([]);
  });

  it('reads ordinal day words, but not an ordinal that qualifies a noun', () => {
    expect(dates('في السابع عشر من سبتمبر 2024')).toEqual([['السابع عشر من سبتمبر 2024', '2024-09-17', 'day', false]]);
    expect(only('في الحادي والثلاثين من كانون الأول 2023 والأول من مايو 2024')).toEqual(['2023-12-31', '2024-05-01']);
    expect(dates('خلال النصف الثاني من شهر مارس/آذار 2024')).toEqual([['شهر مارس/آذار 2024', '2024-03', 'month', false]]);
  });

  it('reads numeric dates as day/month/year, and year-first ISO dates', () => {
    expect(dates('في 15/01/2024 و5-3-2024 و2024-03-05 و٢٠٢٤/٠٤/٢١')).toEqual([
      ['15/01/2024', '2024-01-15', 'day', false],
      ['5-3-2024', '2024-03-05', 'day', false],
      ['2024-03-05', '2024-03-05', 'day', false],
      ['٢٠٢٤/٠٤/٢١', '2024-04-21', 'day', false],
    ]);
    expect(only('31/02/2024 و1/13/2024 والنسبة 1.5.2')).toEqual([]);
  });

  it('reads years after عام/سنة, and both years of «عامي 2014 و2017»', () => {
    expect(dates('بحلول عام 2025، وفي سنة 2003م، وبين عامي 2014 و2017')).toEqual([
      ['عام 2025', '2025', 'year', false],
      ['سنة 2003م', '2003', 'year', false],
      ['عامي 2014', '2014', 'year', false],
      ['2017', '2017', 'year', false],
    ]);
    expect(only('نشرت 2500 جندي')).toEqual([]);
  });

  it('converts Hijri dates, and prefers the Gregorian date given with «الموافق»', () => {
    expect(dates('5 رمضان 1445 هـ')).toEqual([['5 رمضان 1445 هـ', '2024-03-15', 'day', false]]);
    expect(only('غرة محرم 1446هـ')).toEqual(['2024-07']);
    expect(dates('الجمعة 5 رمضان 1445 هـ الموافق 15 مارس 2024 م')).toEqual([['15 مارس 2024 م', '2024-03-15', 'day', false]]);
    expect(dates('15 آذار 2024 (5 رمضان 1445هـ)')).toEqual([['15 آذار 2024', '2024-03-15', 'day', false]]);
    expect(only('10 ذو الحجة 1444 و12 ربيع الأول 1446 و1 جمادى الآخرة 1445')).toEqual(['2023-06-28', '2024-09-15', '2023-12-14']);
  });

  it('leaves a leading conjunction or preposition out of the span', () => {
    expect(dates('وب15 يناير 2024 و12 جويلية 2021 والخميس 3/10/2024')).toEqual([
      ['15 يناير 2024', '2024-01-15', 'day', false],
      ['12 جويلية 2021', '2021-07-12', 'day', false],
      ['الخميس 3/10/2024', '2024-10-03', 'day', false],
    ]);
  });

  it('finds every date of a long text (matches are looked for only near their anchor words)', () => {
    const piece = 'قال المسؤول في 15 كانون الثاني/يناير 2024 إن الانتخابات والمحادثات ستستمر، وفي 2024/03/05 وعام 2025. ';
    const found = findArabicDates(piece.repeat(2000));
    expect(found).toHaveLength(6000);
    expect(new Set(found.map((d) => d.date))).toEqual(new Set(['2024-01-15', '2024-03-05', '2025']));
  });

  it('keeps offsets in the original text, diacritics and tatweel included', () => {
    const text = 'في ١٥ كَانُونَ الثـانـي ٢٠٢٤ قال';
    const [d] = findArabicDates(text);
    expect(text.slice(d!.start, d!.end)).toBe('١٥ كَانُونَ الثـانـي ٢٠٢٤');
    expect(d!.date).toBe('2024-01-15');
  });
});

describe('findArabicDates: false hits', () => {
  it('needs a day, a year or a relative word next to a month name', () => {
    expect(only('مارس الضغط على الحكومة وقال الأب إن آب أيضا')).toEqual([]);
    expect(only('تخرج في جامعة تشرين وقاد سيارة نيسان في أيار')).toEqual([]);
    expect(only('مارس رمضان ومحرم وصفر وشعبان')).toEqual([]);
  });

  it('does not read a Hijri month with a Gregorian year, or years outside the calendars', () => {
    expect(only('رمضان 2024')).toEqual([]);
    expect(only('15 مارس 3024')).toEqual([]);
  });

  it('does not read أمس inside another word, or after a preposition that makes it a verb', () => {
    expect(only('أمسية ثقافية ولامس الحقيقة', '2024-09-24')).toEqual([]);
  });

  it('does not read «العام» that means "general"', () => {
    expect(only('قال الأمين العام الحالي والمدعي العام المقبل', '2024-09-24')).toEqual([]);
  });

  it('does not read bare الاثنين, which is also "the two"', () => {
    expect(only('التقى الاثنين في بغداد', '2024-09-24')).toEqual([]);
    expect(only('التقى يوم الاثنين', '2024-09-24')).toEqual(['2024-09-23']);
  });
});

describe('findArabicDates: relative dates', () => {
  const ref = '2024-09-24'; // a Tuesday

  it('leaves relative dates and yearless days out without a reference', () => {
    expect(only('قال أمس إن الاجتماع في 27 كانون الثاني/يناير والشهر الماضي')).toEqual([]);
  });

  it('resolves أمس, أول أمس, البارحة, غدا and بعد غد', () => {
    expect(dates('قال أمس، وأول أمس، وأول من أمس، والبارحة، وغداً، وبعد غد', ref)).toEqual([
      ['أمس', '2024-09-23', 'day', true],
      ['أول أمس', '2024-09-22', 'day', true],
      ['أول من أمس', '2024-09-22', 'day', true],
      ['البارحة', '2024-09-23', 'day', true],
      ['غداً', '2024-09-25', 'day', true],
      ['بعد غد', '2024-09-26', 'day', true],
    ]);
  });

  it('resolves a weekday to the most recent one for a past verb, the next one for a future verb or المقبل', () => {
    expect(only('التقى يوم الخميس', ref)).toEqual(['2024-09-19']);
    expect(only('التقى الثلاثاء', ref)).toEqual(['2024-09-24']);
    expect(only('التقى الثلاثاء الماضي', ref)).toEqual(['2024-09-17']);
    expect(only('سيزور بغداد الخميس', ref)).toEqual(['2024-09-26']);
    expect(only('يلتقيان الأحد المقبل', ref)).toEqual(['2024-09-29']);
    expect(only('يلتقيان الثلاثاء القادم', ref)).toEqual(['2024-10-01']);
  });

  it('resolves weeks, months and years: past, current and next', () => {
    expect(
      dates('الأسبوع الماضي والأسبوع المنصرم والشهر الجاري والشهر الحالي والشهر الماضي والعام المقبل والعام الماضي والسنة الجارية', ref),
    ).toEqual([
      ['الأسبوع الماضي', '2024-09', 'month', true],
      ['الأسبوع المنصرم', '2024-09', 'month', true],
      ['الشهر الجاري', '2024-09', 'month', true],
      ['الشهر الحالي', '2024-09', 'month', true],
      ['الشهر الماضي', '2024-08', 'month', true],
      ['العام المقبل', '2025', 'year', true],
      ['العام الماضي', '2023', 'year', true],
      ['السنة الجارية', '2024', 'year', true],
    ]);
    expect(only('في مطلع هذا العام وهذا الشهر', '2024-01-03')).toEqual(['2024', '2024-01']);
    expect(only('الشهر الماضي', '2024-01-03')).toEqual(['2023-12']);
  });

  it('resolves منذ/قبل/بعد with a count, not one measured from another event', () => {
    expect(dates('منذ يومين وقبل ثلاثة أيام ومنذ 5 أيام وقبل شهرين ومنذ عامين ومنذ عشر سنوات', ref)).toEqual([
      ['منذ يومين', '2024-09-22', 'day', true],
      ['قبل ثلاثة أيام', '2024-09-21', 'day', true],
      ['منذ 5 أيام', '2024-09-19', 'day', true],
      ['قبل شهرين', '2024-07', 'month', true],
      ['منذ عامين', '2022', 'year', true],
      ['منذ عشر سنوات', '2014', 'year', true],
    ]);
    expect(only('بعد يومين من الاجتماع ومنذ سنوات', ref)).toEqual([]);
    expect(only('منذ عام 2014', ref)).toEqual(['2014']);
  });

  it('resolves a month with a relative word, and a day-month without a year, against the reference', () => {
    expect(dates('في نيسان الماضي وفي شهر مارس/آذار الحالي وتشرين الأول المقبل', '2024-03-10')).toEqual([
      ['نيسان الماضي', '2023-04', 'month', true],
      ['شهر مارس/آذار الحالي', '2024-03', 'month', true],
      ['تشرين الأول المقبل', '2024-10', 'month', true],
    ]);
    expect(dates('في السابع عشر من سبتمبر الحالي', ref)).toEqual([['السابع عشر من سبتمبر الحالي', '2024-09-17', 'day', true]]);
    expect(only('يشرف في 27 كانون الثاني/يناير على انطلاق', '2024-03-10')).toEqual(['2024-01-27']);
    expect(only('في 28 ديسمبر', '2024-01-05')).toEqual(['2023-12-28']);
    expect(only('في يناير من العام المقبل ومارس من هذا العام', ref)).toEqual(['2025-01', '2024-03']);
  });

  it('resolves only what the reference is precise enough for', () => {
    expect(dates('أمس والشهر الماضي والعام الماضي', '2024-09')).toEqual([
      ['الشهر الماضي', '2024-08', 'month', true],
      ['العام الماضي', '2023', 'year', true],
    ]);
    expect(only('أمس والشهر الماضي والعام الماضي', '2024')).toEqual(['2023']);
  });

  it('prefers an absolute date to a relative reading of its words', () => {
    expect(dates('الثلاثاء 17 سبتمبر 2024 ومنذ عام 2014', ref)).toEqual([
      ['الثلاثاء 17 سبتمبر 2024', '2024-09-17', 'day', false],
      ['عام 2014', '2014', 'year', false],
    ]);
  });
});

describe('calendar helpers', () => {
  it('parses references of each precision and rejects others', () => {
    expect(parseDate('2024-09-24T10:00:00Z')).toEqual({ year: 2024, month: 9, day: 24 });
    expect(parseDate('2024-09')).toEqual({ year: 2024, month: 9 });
    expect(parseDate('2024')).toEqual({ year: 2024 });
    expect(parseDate('2024-02-30')).toBeNull();
    expect(parseDate('yesterday')).toBeNull();
  });

  it('shifts months across years and converts Umm al-Qura dates', () => {
    expect(addMonths(2024, 1, -1)).toEqual({ year: 2023, month: 12 });
    expect(addMonths(2024, 12, 1)).toEqual({ year: 2025, month: 1 });
    expect(hijriToGregorian(1446, 1, 1)).toEqual({ year: 2024, month: 7, day: 7 });
  });
});

describe('findArabicDates on the seed articles', () => {
  it('finds the dates the seeds state, each a valid ISO prefix', () => {
    const all = seedFiles().flatMap((f) =>
      findArabicDates(readSeed(f), '2024-09-24').map((d) => ({ f, d, text: readSeed(f).slice(d.start, d.end) })),
    );
    for (const { d } of all) expect(d.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const texts = all.map((x) => x.text);
    expect(texts).toContain('27 كانون الثاني/يناير');
    expect(texts).toContain('السابع عشر من سبتمبر الحالي');
    expect(texts.some((t) => t.startsWith('آب/أغسطس من عام 2023'))).toBe(true);
  });
});

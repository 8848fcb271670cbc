import { describe, expect, it } from 'vitest';
import { countLetters, isArabicDocument } from '../../lib/reading/language';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';

const ARABIC_PARA =
  '<p>قال رئيس الوزراء العراقي إن المحادثات مع الولايات المتحدة بشأن مستقبل التحالف الدولي ستستمر خلال الأسابيع المقبلة في بغداد وواشنطن.</p>';
const ENGLISH_PARA =
  '<p>The prime minister said talks with the United States on the future of the international coalition would continue in the coming weeks.</p>';
const PERSIAN_PARA =
  '<p>نخست وزیر عراق گفت که گفتگوها با ایالات متحده درباره آینده ائتلاف بین‌المللی در هفته‌های آینده ادامه پیدا می‌کند و این یک پیشرفت است.</p>';

describe('countLetters', () => {
  it('counts Arabic, Latin and Persian-only letters, not digits or punctuation', () => {
    expect(countLetters('السوداني ABC ١٢٣، 45!')).toEqual({ arabic: 8, latin: 3, persian: 0 });
    expect(countLetters('گفت که')).toEqual({ arabic: 5, latin: 0, persian: 2 });
  });

  it('classes every BMP unit as the letter ranges say', () => {
    const inRanges = (c: number, ranges: [number, number][]) => ranges.some(([a, b]) => c >= a && c <= b);
    const arabicRanges: [number, number][] = [
      [0x621, 0x64a],
      [0x66e, 0x6d3],
      [0x6d5, 0x6d5],
      [0x6fa, 0x6ff],
      [0x750, 0x77f],
      [0x8a0, 0x8ff],
      [0xfb50, 0xfdff],
      [0xfe70, 0xfefc],
    ];
    const latinRanges: [number, number][] = [
      [0x41, 0x5a],
      [0x61, 0x7a],
      [0xc0, 0xd6],
      [0xd8, 0xf6],
      [0xf8, 0x24f],
    ];
    const persian = new Set([0x67e, 0x686, 0x698, 0x6af, 0x6cc, 0x6a9, 0x6d2, 0x6c6, 0x6d5, 0x6ba, 0x688, 0x691, 0x679, 0x6be]);
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const got = countLetters(String.fromCharCode(c));
      const want = { arabic: inRanges(c, arabicRanges) ? 1 : 0, latin: inRanges(c, latinRanges) ? 1 : 0, persian: persian.has(c) ? 1 : 0 };
      if (got.arabic !== want.arabic || got.latin !== want.latin || got.persian !== want.persian) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe.each(DOM_KINDS)('isArabicDocument (%s)', (kind) => {
  const page = (htmlAttrs: string, body: string): Document =>
    parseDocument(`<!doctype html><html ${htmlAttrs}><head><title>t</title></head><body>${body}</body></html>`, kind);

  it('accepts a page declared Arabic', () => {
    expect(isArabicDocument(page('lang="ar" dir="rtl"', ARABIC_PARA.repeat(3)))).toBe(true);
    expect(isArabicDocument(page('lang="ar-IQ"', ARABIC_PARA))).toBe(true);
  });

  it('accepts an Arabic page with no lang attribute, by its letters', () => {
    expect(isArabicDocument(page('', ARABIC_PARA.repeat(3)))).toBe(true);
  });

  it('takes an empty Arabic shell at its word (the text comes later from scripts)', () => {
    expect(isArabicDocument(page('lang="ar"', '<div id="app"></div>'))).toBe(true);
  });

  it('rejects English pages, even with an Arabic word or two', () => {
    expect(isArabicDocument(page('lang="en"', ENGLISH_PARA.repeat(4) + '<p>بغداد</p>'))).toBe(false);
    expect(isArabicDocument(page('', ENGLISH_PARA.repeat(4)))).toBe(false);
  });

  it('rejects a page declared Arabic whose text is all English', () => {
    expect(isArabicDocument(page('lang="ar"', ENGLISH_PARA.repeat(10)))).toBe(false);
  });

  it('accepts an Arabic article on a site whose interface is English', () => {
    const nav = `<nav>${'<a href="#">World news and politics</a> '.repeat(30)}</nav>`;
    const side = `<div class="sidebar-box">${ENGLISH_PARA.repeat(6)}</div>`;
    expect(isArabicDocument(page('lang="en"', `${nav}<main><article>${ARABIC_PARA.repeat(3)}</article></main>${side}`))).toBe(true);
  });

  it('rejects Persian pages, declared or not', () => {
    expect(isArabicDocument(page('lang="fa" dir="rtl"', PERSIAN_PARA.repeat(3)))).toBe(false);
    expect(isArabicDocument(page('dir="rtl"', PERSIAN_PARA.repeat(3)))).toBe(false);
  });

  it('reads only a sample of a huge page', () => {
    // A page of 2 MB whose first 3,000 characters of article text are Arabic: the
    // English that follows is never reached.
    const doc = page('', `<article>${ARABIC_PARA.repeat(20)}${ENGLISH_PARA.repeat(15000)}</article>`);
    expect(isArabicDocument(doc)).toBe(true);
  });
});

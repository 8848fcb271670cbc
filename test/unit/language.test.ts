import { describe, expect, it } from 'vitest';
import { countLetters, isArabicDocument } from '../../lib/detect/language';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';

const ARABIC_PARA = '<p>قال رئيس الوزراء العراقي إن المحادثات مع الولايات المتحدة بشأن مستقبل التحالف الدولي ستستمر خلال الأسابيع المقبلة في بغداد وواشنطن.</p>';
const ENGLISH_PARA = '<p>The prime minister said talks with the United States on the future of the international coalition would continue in the coming weeks.</p>';
const PERSIAN_PARA = '<p>نخست وزیر عراق گفت که گفتگوها با ایالات متحده درباره آینده ائتلاف بین‌المللی در هفته‌های آینده ادامه پیدا می‌کند و این یک پیشرفت است.</p>';

describe('countLetters', () => {
  it('counts Arabic, Latin and Persian-only letters, not digits or punctuation', () => {
    expect(countLetters('السوداني ABC ١٢٣، 45!')).toEqual({ arabic: 8, latin: 3, persian: 0 });
    expect(countLetters('گفت که')).toEqual({ arabic: 5, latin: 0, persian: 2 });
  });
});

describe.each(DOM_KINDS)('isArabicDocument (%s)', (kind) => {
  const page = (htmlAttrs: string, body: string): Document => parseDocument(`<!doctype html><html ${htmlAttrs}><head><title>t</title></head><body>${body}</body></html>`, kind);

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

import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { formatDate, localized, t, tn, uiLang } from '../../lib/i18n';

afterEach(() => vi.restoreAllMocks());

describe('i18n', () => {
  it('picks Arabic only for an Arabic browser UI', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    spy.mockReturnValue('ar-IQ');
    expect(uiLang()).toBe('ar');
    spy.mockReturnValue('en-US');
    expect(uiLang()).toBe('en');
    spy.mockReturnValue('fr');
    expect(uiLang()).toBe('en');
    expect(uiLang('browser')).toBe('en');
  });

  it('lets the reader’s language setting override the browser’s', () => {
    const spy = vi.spyOn(fakeBrowser.i18n, 'getUILanguage');
    spy.mockReturnValue('en-US');
    expect(uiLang('ar')).toBe('ar');
    spy.mockReturnValue('ar-IQ');
    expect(uiLang('en')).toBe('en');
  });

  it('writes dates and counts in Arabic-Indic digits only in the Arabic interface', () => {
    expect(formatDate('2024-09-23', 'ar', 'day', 'stated', 'arab')).toBe('٢٣ سبتمبر ٢٠٢٤');
    expect(formatDate('2024-01', 'ar', 'month', 'inferred', 'arab')).toBe('≈ يناير ٢٠٢٤');
    expect(formatDate('2024-09-23', 'en', 'day', 'stated', 'arab')).toBe('23 September 2024');
    expect(tn('events', 11, 'ar', 'arab')).toBe('١١ حدثاً');
    expect(tn('events', 11, 'en', 'arab')).toBe('11 events');
  });

  it('formats dates no more precisely than known, ≈ when inferred', () => {
    expect(formatDate('2024-09-23', 'ar', 'day')).toBe('23 سبتمبر 2024');
    expect(formatDate('2024-09', 'ar', 'month')).toBe('سبتمبر 2024');
    expect(formatDate('2024', 'ar', 'year')).toBe('2024');
    expect(formatDate('2024-09-23', 'ar', 'month')).toBe('سبتمبر 2024');
    expect(formatDate('2024-01', 'ar', 'month', 'inferred')).toBe('≈ يناير 2024');
    expect(formatDate('2024-09-03', 'en')).toBe('3 September 2024');
  });

  it('fills variables and agrees Arabic counts', () => {
    expect(t('readingFrom', 'ar', { date: '2024' })).toBe('أنت تقرأ مقالاً من 2024');
    expect([0, 1, 2, 3, 11, 100].map((n) => tn('events', n, 'ar'))).toEqual([
      'لا أحداث',
      'حدث واحد',
      'حدثان',
      '3 أحداث',
      '11 حدثاً',
      '100 حدث',
    ]);
    expect(tn('events', 1, 'en')).toBe('1 event');
  });

  it('falls back to the other language when one is empty', () => {
    expect(localized({ ar: 'عربي', en: '' }, 'en')).toBe('عربي');
    expect(localized({ ar: 'عربي', en: 'English' }, 'en')).toBe('English');
  });
});

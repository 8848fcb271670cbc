import { describe, expect, it } from 'vitest';
import { digitsIn, pageDigits, resolveDigits, withDigits } from '../../lib/digits';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';
import { buildNewsPage } from '../fixtures/news-page';

const article = {
  headline: 'السوداني يستقبل وفداً عسكرياً في بغداد',
  paragraphs: ['استقبل رئيس الوزراء محمد شياع السوداني وفداً عسكرياً لبحث مستقبل التحالف الدولي في العراق خلال الأشهر المقبلة.'],
};

describe('digits', () => {
  it('writes Western digits as Arabic-Indic ones and leaves everything else', () => {
    expect(withDigits('24 سبتمبر 2024', 'arab')).toBe('٢٤ سبتمبر ٢٠٢٤');
    expect(withDigits('24 سبتمبر 2024', 'latn')).toBe('24 سبتمبر 2024');
    expect(withDigits('0123456789', 'arab')).toBe('٠١٢٣٤٥٦٧٨٩');
  });

  it('tells which one set a text uses, and nothing when it has none or both', () => {
    expect(digitsIn('الثلاثاء ٢٤ سبتمبر ٢٠٢٤')).toBe('arab');
    expect(digitsIn('الثلاثاء ۲۴ سبتمبر')).toBe('arab');
    expect(digitsIn('الثلاثاء 24 سبتمبر 2024')).toBe('latn');
    expect(digitsIn('٢٤ سبتمبر 2024')).toBeNull();
    expect(digitsIn('بلا أرقام')).toBeNull();
  });

  for (const kind of DOM_KINDS) {
    it(`reads the page's dateline digits, in a byline or a <time> (${kind})`, () => {
      for (const datePlace of ['byline', 'time'] as const) {
        for (const indicDigits of [true, false]) {
          const { html } = buildNewsPage({ article, published: '2024-09-24', datePlace, indicDigits, months: 'standard' });
          expect(pageDigits(parseDocument(html, kind)), `${datePlace} ${indicDigits}`).toBe(indicDigits ? 'arab' : 'latn');
        }
      }
    });
  }

  it('reads a <time> away from the headline, and the block after a headline that closes its container', () => {
    const timeAbove =
      '<header><time datetime="2024-09-24">٢٤ سبتمبر ٢٠٢٤</time></header><article><h1>عنوان</h1></article><p>نص بلا أرقام</p>';
    expect(pageDigits(parseDocument(timeAbove))).toBe('arab');
    const bylineOutside = '<div class="title"><h1>عنوان</h1></div><div class="byline">بغداد - 24 سبتمبر 2024</div>';
    expect(pageDigits(parseDocument(bylineOutside))).toBe('latn');
  });

  it('says nothing of a page whose dateline shows no digits or mixes them', () => {
    const { html } = buildNewsPage({ article, published: '2024-09-24', datePlace: 'json-ld' });
    expect(pageDigits(parseDocument(html))).toBeNull();
    const mixed = parseDocument('<h1>عنوان</h1><p class="date">٢٤ سبتمبر 2024</p><p>نص</p>');
    expect(pageDigits(mixed)).toBeNull();
  });

  it('follows the page only when set to, and falls back to Western digits', () => {
    expect(resolveDigits('page', () => 'arab')).toBe('arab');
    expect(resolveDigits('page', () => null)).toBe('latn');
    expect(resolveDigits('latn', () => 'arab')).toBe('latn');
    expect(resolveDigits('arab', () => null)).toBe('arab');
  });
});

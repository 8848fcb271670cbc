import { describe, expect, it } from 'vitest';
import { fold, foldCodes, foldString } from '../../lib/arabic/normalize';
import { readSeed, seedFiles } from '../seeds';

/** Checks the map's invariants and returns the source span of folded [s, e). */
function span(source: string, s: number, e: number): string {
  const { text, map } = fold(source);
  expect(map.length).toBe(text.length + 1);
  expect(map[text.length]).toBe(source.length);
  return source.slice(map[s], map[e]);
}

describe('fold: ARABIC.md classes', () => {
  it('deletes harakat, shadda, sukun, tanween and Quranic marks', () => {
    expect(foldString('مُحَمَّدٌ شِيَّاعُ السُّودَانِيُّ')).toBe('محمد شياع السوداني');
    expect(foldString('هٰذا')).toBe('هذا'); // U+0670 superscript alef
    expect(foldString('الصلاة\u06D6 \u0610ا')).toBe('الصلاه ا');
  });

  it('deletes tatweel, zero-width, bidi controls, soft hyphen and CGJ', () => {
    expect(foldString('بـ«داعش»')).toBe('ب«داعش»');
    expect(foldString('العـــراق')).toBe('العراق');
    expect(foldString('\u200Fبغداد\u200E\u202Bأربيل\u202C\u2066x\u2069\uFEFF')).toBe('بغداداربيلx');
    expect(foldString('دا\u00ADعش\u034F')).toBe('داعش');
    expect(foldString('\u061Cالعراق\u2060')).toBe('العراق');
  });

  it('keeps ZWNJ out of the text without splitting the word', () => {
    expect(foldString('می\u200Cخواهم')).toBe('ميخواهم');
  });

  it('folds alef, ya, hamza carriers and teh marbuta', () => {
    expect(foldString('أإآٱ')).toBe('اااا');
    expect(foldString('\u0672\u0673\u0675')).toBe('ااا');
    expect(foldString('ى ی ئ ؤ')).toBe('ي ي ي و');
    expect(foldString('هيئة ۀ ہ ھ ە')).toBe('هييه ه ه ه ه');
    expect(foldString('مؤتمر')).toBe('موتمر');
  });

  it('folds Persian and Kurdish letters to the nearest Arabic letter', () => {
    expect(foldString('ک')).toBe('ك');
    expect(foldString('تشرین')).toBe('تشرين');
    expect(foldString('پ چ ژ ڤ گ ڕ ڵ')).toBe('ب ج ز ف ك ر ل');
  });

  it('composes a decomposed alef + hamza like the precomposed letter', () => {
    expect(foldString('\u0627\u0654حمد')).toBe(foldString('أحمد'));
    expect(foldString('\u0648\u0654')).toBe(foldString('ؤ'));
    expect(foldString('\u064A\u0654')).toBe(foldString('ئ'));
  });

  it('turns both Arabic digit sets into ASCII digits', () => {
    expect(foldString('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(foldString('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('expands presentation forms by NFKC, whatever their length', () => {
    expect(foldString('\uFEF9')).toBe('لا'); // lam with alef with hamza below
    expect(foldString('\uFEFB')).toBe('لا');
    expect(foldString('\uFE8D\uFEDF\uFECC\uFEAE\uFE8D\uFE8E')).toBe('العراا'); // isolated/initial/final forms
    expect(foldString('\uFDFA')).toBe('صلي الله عليه وسلم');
    expect(foldString('\uFDFD')).toBe('\uFDFD'); // NFKC leaves the bismillah ornament alone
    expect(foldString('\uFE7C')).toBe(''); // isolated shadda
  });

  it('makes every kind of space one space and collapses runs, newlines included', () => {
    expect(foldString('قال\u00A0السوداني\u2003إن\u202Fالقوات\u205Fباقية\u3000اليوم')).toBe('قال السوداني ان القوات باقيه اليوم');
    expect(foldString('بغداد \n\n\t  أربيل')).toBe('بغداد اربيل');
    expect(foldString(' \u200F \n')).toBe(' ');
  });

  it('case-folds Latin and composes Latin accents', () => {
    expect(foldString('HMC ISIS Daesh')).toBe('hmc isis daesh');
    expect(foldString('Cafe\u0301')).toBe(foldString('Café'));
    expect(foldString('ÉCOLE')).toBe('école');
  });
});

describe('fold: offset map', () => {
  it('maps every folded char to its source index and ends at source.length', () => {
    const source = 'أَحْمَد  إبراهيم\nآل';
    const { text, map } = fold(source);
    expect(text).toBe('احمد ابراهيم ال');
    expect(Array.from(map)).toEqual([0, 2, 4, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("includes a name's trailing harakat and none of the next word", () => {
    const source = 'قال السودانيُّ قولاً';
    const { text } = fold(source);
    const s = text.indexOf('السوداني');
    expect(span(source, s, s + 'السوداني'.length)).toBe('السودانيُّ');
  });

  it('spans a name written with tatweel and bidi marks inside it', () => {
    const source = 'قاعدة عـيـن\u200F الأسـد.';
    const { text } = fold(source);
    const s = text.indexOf('عين الاسد');
    expect(span(source, s, s + 'عين الاسد'.length)).toBe('عـيـن\u200F الأسـد');
  });

  it('maps all units of an expanded presentation form to that one source char', () => {
    const source = 'x\uFDFAy';
    const { text, map } = fold(source);
    expect(text).toBe('xصلي الله عليه وسلمy');
    expect(map[0]).toBe(0);
    for (let i = 1; i <= 18; i++) expect(map[i]).toBe(1);
    expect(map[19]).toBe(2);
    expect(map[20]).toBe(3);
    const l = fold('\uFEFBبد'); // لا + بد: a match starting at ب begins after the ligature
    expect(l.text).toBe('لابد');
    expect(Array.from(l.map)).toEqual([0, 0, 1, 2, 3]);
  });

  it('maps a composed Latin letter to its base and keeps later offsets', () => {
    const source = 'e\u0301 HMC';
    const { text, map } = fold(source);
    expect(text).toBe('é hmc');
    expect(Array.from(map)).toEqual([0, 2, 3, 4, 5, 6]);
  });

  it('gives the empty string an empty text and map [0]', () => {
    const { text, map } = fold('');
    expect(text).toBe('');
    expect(Array.from(map)).toEqual([0]);
  });

  it('is idempotent and keeps the map monotonic on every seed article', () => {
    for (const file of seedFiles()) {
      const source = readSeed(file);
      const { text, map } = fold(source);
      expect(foldString(text)).toBe(text);
      for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!);
      expect(map[text.length]).toBe(source.length);
      expect(text).not.toMatch(/\s\s|[\u064B-\u065F\u0640أإآةى]/);
    }
  });

  it('maps every folded unit back to where it comes from, on random mixes of every class', () => {
    // Letters, harakat, tatweel, spaces, controls, presentation forms, a combining
    // mark, digits and Latin: whatever the mix, folding the source up to a unit's
    // mapped index gives exactly the folded text before that unit.
    const alphabet = [
      'ا',
      'ل',
      'س',
      'و',
      'د',
      'ن',
      'ي',
      'أ',
      'ة',
      'ى',
      '\u064E',
      '\u0651',
      '\u0670',
      '\u0640',
      ' ',
      '  ',
      '\n',
      '\u200F',
      '\u200C',
      '\uFEFB',
      '\uFDFA',
      '\uFE8D',
      'e\u0301',
      '\u0301',
      '٣',
      'A',
      'b',
      '،',
    ];
    let seed = 0x1234567;
    const rand = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let round = 0; round < 300; round++) {
      let source = '';
      for (let j = 0, n = 1 + rand(40); j < n; j++) source += alphabet[rand(alphabet.length)]!;
      const { text, map } = fold(source);
      const codes = foldCodes(source);
      expect(map[text.length], JSON.stringify(source)).toBe(source.length);
      for (let k = 0; k <= text.length; k++) {
        expect(codes.map.get(k)).toBe(map[k]);
        if (k > 0) expect(map[k]!).toBeGreaterThanOrEqual(map[k - 1]!);
        if (k === 0 || map[k] !== map[k - 1]) {
          expect(foldString(source.slice(0, map[k])), `${JSON.stringify(source)} at ${k}`).toBe(text.slice(0, k));
        }
      }
    }
  });

  it('agrees between fold, foldCodes and foldString on long text that forces growth', () => {
    const source = '\uFDFA'.repeat(2000) + ' بغداد';
    const f = foldCodes(source);
    expect(f.length).toBe(2000 * 18 + 6);
    expect(fold(source).text).toBe(foldString(source));
  });
});

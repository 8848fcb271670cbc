import { describe, expect, it } from 'vitest';
import { classify } from '../../lib/arabic/chars';

// The definition chars.ts implements: Unicode letters, marks and digits.
const classifyByRegex = (c: number): number => (/[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2);

describe('word classes', () => {
  it('answers every BMP unit as the letters-marks-digits regex does', () => {
    const wrong: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (classify(c) !== classifyByRegex(c)) wrong.push(c.toString(16));
    }
    expect(wrong).toEqual([]);
  });

  it('counts Arabic letters, harakat and digits in a word, and Arabic punctuation out of it', () => {
    for (const ch of 'بـًٰ٣۴ی') expect(classify(ch.charCodeAt(0)), ch).toBe(1);
    for (const ch of '،؛؟٪۔“ ') expect(classify(ch.charCodeAt(0)), ch).toBe(2);
  });
});

/**
 * What the reader sees of the bundled corpus and the interface's dates speaks
 * one month-name system per language (docs/adr/0011-month-names-and-digits.md):
 * in Arabic the standard names (يناير … ديسمبر) exactly as formatDate writes
 * them, never the Levantine/Iraqi, Maghrebi or a paired «كانون الثاني/يناير»
 * form. Evidence quotes are the sources' own words and keep theirs (their
 * verbatim check is corpus-content.test.ts). The month words of every system
 * come from the date reader's table, not from a list written here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../lib/corpus/types';
import { foldString } from '../../lib/arabic/normalize';
import { GREGORIAN_MONTHS } from '../../lib/dates/words';
import { formatDate, monthName } from '../../lib/i18n';
import { REPO_ROOT } from '../seeds';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;

/** The corpus's own wording, by where it is shown: every field a view prints, quotes and source titles aside. */
function displayTexts(lang: 'ar' | 'en'): [string, string][] {
  const out: [string, string][] = [];
  pack.topics.forEach((t) => out.push([`topics.${t.id}.label`, t.label[lang]], [`topics.${t.id}.description`, t.description[lang]]));
  pack.events.forEach((e) => out.push([`events.${e.id}.title`, e.title[lang]], [`events.${e.id}.summary`, e.summary[lang]]));
  for (const q of pack.questions ?? []) {
    out.push([`questions.${q.id}`, q.question[lang]]);
    for (const a of q.answers) out.push([`answers.${a.id}`, a.answer[lang]], [`answers.${a.id}.saidBy`, a.saidBy.label[lang]]);
  }
  pack.sources.forEach((s) => out.push([`sources.${s.id}.outlet`, lang === 'en' ? (s.outletEn ?? '') : s.outlet]));
  return out;
}

const MONTH_WORD = new RegExp(`(?<![\\p{L}\\p{M}])[وفبلك]?(${GREGORIAN_MONTHS.pattern})(?![\\p{L}\\p{M}])`, 'gu');
const CONVENTION = new Set(Array.from({ length: 12 }, (_, i) => foldString(monthName(i + 1, 'ar'))));

/** Month names in `text` that are not the convention's, as folded words. */
function offConvention(text: string): string[] {
  return [...foldString(text).matchAll(MONTH_WORD)].map((m) => m[1]!).filter((w) => !CONVENTION.has(w));
}

describe('one month-name system per interface language', () => {
  it('formatDate names the twelve months in the standard system, one name each', () => {
    const names = Array.from({ length: 12 }, (_, i) => formatDate(`2024-${String(i + 1).padStart(2, '0')}`, 'ar'));
    expect(names.flatMap(offConvention)).toEqual([]);
    expect(names.map((n) => GREGORIAN_MONTHS.values.get(foldString(n.split(' ')[0]!)))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('catches the other systems and the paired form', () => {
    expect(offConvention('في 27 كانون الثاني/يناير 2024')).toEqual(['كانون الثاني']);
    expect(offConvention('منتصف آذار ثم في حزيران')).toEqual(['اذار', 'حزيران']);
    expect(offConvention('في جويلية 2024 وفي 3 شتنبر')).toEqual(['جويليه', 'شتنبر']);
    expect(offConvention('في 27 يناير 2024 ثم لسبتمبر وأكتوبر')).toEqual([]);
  });

  it('the corpus’s Arabic wording uses only the standard names', () => {
    const mixed = displayTexts('ar').filter(([, text]) => offConvention(text).length > 0);
    expect(mixed).toEqual([]);
  });

  it('the corpus’s English wording names no Arabic month', () => {
    const arabic = displayTexts('en').filter(([, text]) => [...foldString(text).matchAll(MONTH_WORD)].length > 0);
    expect(arabic).toEqual([]);
  });
});

describe('outlets and descriptions a reader can take at their word', () => {
  it('every source has an English outlet name, and none reads as "translated from English Arabic"', () => {
    expect(pack.sources.filter((s) => !s.outletEn || /[\u0600-\u06ff]/.test(s.outletEn)).map((s) => s.id)).toEqual([]);
    expect(pack.sources.filter((s) => s.outlet.includes('العربية الإنكليزية')).map((s) => s.id)).toEqual([]);
  });

  it('a description says who or what the topic is, not where a photo of it appeared', () => {
    const aboutPhotos = pack.topics.filter((t) => /صورة|photo/i.test(`${t.description.ar} ${t.description.en}`)).map((t) => t.id);
    expect(aboutPhotos).toEqual([]);
  });
});

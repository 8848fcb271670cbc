import { describe, expect, it } from 'vitest';
import { foldString } from '../../lib/arabic/normalize';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { applyEdit, spellingEdits } from '../../lib/detect/variants';
import { DETECTOR_PACK } from '../fixtures/detector-pack';

const matcher = compileMatcher(DETECTOR_PACK);
const found = (text: string): [string, string][] => detect(text, matcher).map((m) => [m.topic, m.text]);
const variants = (alias: string): string[] => {
  const f = foldString(alias);
  return spellingEdits(f, alias).map((e) => applyEdit(f, e));
};

describe('spelling variants of transliterated names', () => {
  it('generates the spellings Arabic outlets actually use', () => {
    expect(variants('بلينكن')).toContain('بلنكن');
    expect(variants('أوستن')).toContain('اوستين');
    expect(variants('ماكفارلين')).toContain('مكفارلين');
    expect(variants('ماكفارلين')).toContain('ماكفرلين');
    expect(variants('ماكفارلين')).toContain('ماك فارلين');
    expect(variants('مكاري')).toContain('ماكاري');
    expect(variants('رومانوفسكي')).toContain('رومانوسكي');
    expect(variants('رومانوسكي')).toContain('رومانوفسكي');
    expect(variants('ألينا رومانوفسكي')).toContain('الينا رومانوسكي');
  });

  it('leaves native phrases, short words and Latin alone', () => {
    expect(variants('المقاومة الإسلامية في العراق')).toEqual([]);
    expect(variants('الينا رومانوفسكي')).toEqual([]); // unhamzated, it reads as the article
    expect(variants('تنظيم الدولة')).toEqual([]);
    expect(variants('كتائب حزب الله')).toEqual([]);
    expect(variants('داعش')).toEqual([]);
    expect(variants('HMC')).toEqual([]);
  });

  it('never makes a variant that is a given name or an ordinary word, nor drops a vowel from a five-letter word', () => {
    expect(variants('كريستفر')).toContain('كريستافر');
    expect(variants('كريستفر')).not.toContain('كريستوفر'); // Christopher: another name
    expect(variants('إيران')).not.toContain('ايرن'); // which «بايرن» holds after ب
  });

  it("writes a Latin name's hyphen as a space or leaves it out", () => {
    expect(variants('CJTF-OIR')).toEqual(['cjtf oir', 'cjtfoir']);
  });

  it('finds the variants in text and reports the corpus alias', () => {
    expect(detect('قال بلنكن ورومانوسكي ومكفارلين وماكاري', matcher).map((m) => [m.topic, m.text, m.alias])).toEqual([
      ['antony-blinken', 'بلنكن', 'بلينكن'],
      ['alina-romanowski', 'رومانوسكي', 'رومانوفسكي'],
      ['matthew-mcfarlane', 'مكفارلين', 'ماكفارلين'],
      ['ian-mccary', 'ماكاري', 'مكاري'],
    ]);
    expect(found('السفيرة آلينا رومانوسكي')).toEqual([['alina-romanowski', 'آلينا رومانوسكي']]);
  });

  it('never lets a variant take a spelling another topic lists', () => {
    const m = compileMatcher([
      { id: 'blinken', aliases: ['بلينكن'] },
      { id: 'other', aliases: ['بلنكن'] },
    ]);
    expect(detect('بلنكن', m).map((x) => x.topic)).toEqual(['other']);
    expect(detect('بلينكن', m).map((x) => x.topic)).toEqual(['blinken']);
  });
});

describe('compileMatcher', () => {
  it('folds aliases, so any spelling in the corpus matches any on the page', () => {
    const m = compileMatcher([{ id: 'x', aliases: ['مُحَمَّد  شِيَّاع'] }]);
    expect(detect('محمد شياع', m).map((x) => x.text)).toEqual(['محمد شياع']);
  });

  it('ignores empty aliases and counts one topic once per spelling', () => {
    const m = compileMatcher([{ id: 'x', aliases: ['', 'ـ', 'داعش', 'دَاعِش'] }]);
    expect(m.aliases.map((a) => a.alias)).toEqual(['داعش']);
  });

  it('adds the alias of a rule the topic does not list, with the rule', () => {
    const m = compileMatcher([{ id: 'harir', aliases: [], rules: [{ alias: 'حرير', requireCue: ['أربيل'] }] }]);
    expect(detect('حرير في أربيل', m).map((x) => x.topic)).toEqual(['harir']);
    expect(detect('قماش حرير', m)).toEqual([]);
  });

  it('applies every rule given for one alias', () => {
    const m = compileMatcher([
      {
        id: 'austin',
        aliases: ['أوستن'],
        rules: [
          { alias: 'أوستن', notBefore: ['تكساس'] },
          { alias: 'أوستن', notAfter: ['جامعة'] },
        ],
      },
    ]);
    expect(detect('أوستن تكساس', m)).toEqual([]);
    expect(detect('جامعة أوستن', m)).toEqual([]);
    expect(detect('الوزير أوستن', m)).toHaveLength(1);
  });

  it('honours a rule window', () => {
    const m = compileMatcher([{ id: 'harir', aliases: ['حرير'], rules: [{ alias: 'حرير', requireCue: ['أربيل'], window: 10 }] }]);
    expect(detect('حرير في أربيل', m)).toHaveLength(1);
    expect(detect('حرير في مكان بعيد عن أربيل', m)).toEqual([]);
  });

  it('handles an empty topic list and empty text', () => {
    expect(detect('داعش', compileMatcher([]))).toEqual([]);
    expect(detect('', matcher)).toEqual([]);
  });
});

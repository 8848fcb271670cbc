import { describe, expect, it } from 'vitest';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { DETECTOR_PACK } from '../fixtures/detector-pack';
import { readSeed, seedFiles } from '../seeds';

const matcher = compileMatcher(DETECTOR_PACK);
const found = (text: string): [string, string][] => detect(text, matcher).map((m) => [m.topic, m.text]);

describe('detect: clitics', () => {
  it('marks the name without its proclitic', () => {
    expect(found('قال رئيس الوزراء العراقي والسوداني')).toEqual([['sudani', 'السوداني']]);
    expect(found('هجمات بداعش وكداعش ولداعش فداعش')).toEqual([
      ['isis', 'داعش'],
      ['isis', 'داعش'],
      ['isis', 'داعش'],
      ['isis', 'داعش'],
    ]);
    expect(found('وطالب والتحالف الدولي بالانسحاب')).toEqual([['global-coalition', 'التحالف الدولي']]);
    expect(found('فالإطار التنسيقي يرفض')).toEqual([['coordination-framework', 'الإطار التنسيقي']]);
    expect(found('وبالإطار التنسيقي')).toEqual([['coordination-framework', 'الإطار التنسيقي']]);
  });

  it('covers لل+R from the second lam, for ل and ول alike', () => {
    expect(found('رسالة وللسوداني من بغداد')).toEqual([['sudani', 'لسوداني']]);
    expect(found('دعم للتحالف الدولي')).toEqual([['global-coalition', 'لتحالف الدولي']]);
    expect(found('ولللجنة العسكرية العليا')).toEqual([]); // three lams is no spelling at all
    expect(found('تقرير للجنة العسكرية العليا')).toEqual([['higher-military-commission', 'لجنة العسكرية العليا']]);
  });

  it('reads بـ and لـ with tatweel before quotes and names', () => {
    expect(found('بـ"داعش" ولـ«داعش»')).toEqual([
      ['isis', 'داعش'],
      ['isis', 'داعش'],
    ]);
    expect(found('اتصال لـبلينكن')).toEqual([['antony-blinken', 'بلينكن']]);
  });

  it('never splits a name that begins with a clitic letter', () => {
    const m = compileMatcher([
      { id: 'lloyd', aliases: ['لويد'] },
      { id: 'oyd', aliases: ['ويد'] },
      { id: 'blinken', aliases: ['بلينكن'] },
      { id: 'linken', aliases: ['لينكن'] },
      { id: 'bashar', aliases: ['بشار'] },
      { id: 'shar', aliases: ['شار'] },
      { id: 'kataib', aliases: ['كتائب'] },
      { id: 'taib', aliases: ['تائب'] },
      { id: 'wazir', aliases: ['وزير'] },
      { id: 'zir', aliases: ['زير'] },
      { id: 'baghdad', aliases: ['بغداد'] },
      { id: 'ghdad', aliases: ['غداد'] },
    ]);
    const topics = (t: string): string[] => detect(t, m).map((x) => x.topic);
    expect(topics('لويد بلينكن بشار كتائب وزير بغداد')).toEqual(['lloyd', 'blinken', 'bashar', 'kataib', 'wazir', 'baghdad']);
    // A real clitic in front still leaves the name whole.
    expect(topics('وللويد وببلينكن ولبشار وكتائب ووزير ببغداد')).toEqual(['lloyd', 'blinken', 'bashar', 'kataib', 'wazir', 'baghdad']);
  });
});

describe('detect: word boundaries', () => {
  it('does not match inside a longer word', () => {
    expect(found('السودانيون والسودانية والسودانيين في بغداد')).toEqual([]);
    expect(found('الداعشي والدواعش')).toEqual([]);
    expect(found('أوستنية')).toEqual([]);
  });

  it('matches next to punctuation, digits apart, and at the ends of the text', () => {
    expect(found('داعش')).toEqual([['isis', 'داعش']]);
    expect(found('(داعش)، «داعش». داعش؟')).toHaveLength(3);
    expect(found('داعش2 2داعش')).toEqual([]);
  });

  it('matches Latin aliases case-insensitively with Latin word boundaries', () => {
    expect(found('تنظيم ISIS وisis وIsis وHMC')).toEqual([
      ['isis', 'ISIS'],
      ['isis', 'isis'],
      ['isis', 'Isis'],
      ['higher-military-commission', 'HMC'],
    ]);
    expect(found('CRISIS HMCS ISISx')).toEqual([]);
    expect(found('تشرف الـHMC وبالـISIS على')).toEqual([
      ['higher-military-commission', 'HMC'],
      ['isis', 'ISIS'],
    ]);
    expect(found('كلمةHMC')).toEqual([]);
    expect(found('the Higher  Military\tCommission')).toEqual([['higher-military-commission', 'Higher  Military\tCommission']]);
  });
});

describe('detect: spans and offsets', () => {
  it('returns offsets into the original text, harakat and tatweel inside the name', () => {
    const text = 'قالَ مُحَمَّد شِيَّاع السُّودَانِيُّ، ثم داعـــش.';
    const ms = detect(text, matcher);
    expect(ms.map((m) => m.text)).toEqual(['مُحَمَّد شِيَّاع السُّودَانِيُّ', 'داعـــش']);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('ends a mention at its last letter and that letter’s marks, never at an invisible control after it', () => {
    // Pages put LRM/RLM, ZWJ and the like after names beside Latin text; they are not part of the name.
    for (const control of ['\u200e', '\u200f', '\u200d', '\u061c', '\u2069', '\ufeff']) {
      const text = `التقى رئيس الوزراء العراقي السوداني${control} وداعش${control}ّ ثم HMC${control}.`;
      const ms = detect(text, matcher);
      expect(
        ms.map((m) => m.text),
        JSON.stringify(control),
      ).toEqual(['السوداني', 'داعش', 'HMC']);
      for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
    }
    // The harakat and tatweel on the last letter stay inside the mark, before or after a control.
    const text = 'وصل داعشـٌ\u200f إلى بغداد وقال رئيس الوزراء العراقي السودانيِّ\u200e.';
    expect(detect(text, matcher).map((m) => m.text)).toEqual(['داعشـٌ', 'السودانيِّ']);
  });

  it('never runs a name across a line or block break', () => {
    expect(found('أعلن التحالف\nالدولي لمحاربة داعش')).toEqual([
      ['global-coalition', 'التحالف'],
      ['isis', 'داعش'],
    ]);
    expect(found('زار بغداد لويد\nأوستن وزير الدفاع')).toEqual([['lloyd-austin', 'أوستن']]);
  });

  it('reports the corpus alias that matched', () => {
    const [m] = detect('أكد أوستين', matcher);
    expect(m).toMatchObject({ topic: 'lloyd-austin', text: 'أوستين', alias: 'أوستن' });
  });

  it('matches across hamza, ya and teh marbuta spellings', () => {
    expect(found('احمد الشرع في سورية')).toEqual([['ahmed-al-sharaa', 'احمد الشرع']]);
    expect(found('قاعده عين الاسد')).toEqual([['ain-al-asad', 'قاعده عين الاسد']]);
    expect(found('يحيي رسول')).toEqual([['yahya-rasool', 'يحيي رسول']]);
  });
});

describe('detect: overlaps', () => {
  it('lets the longest form win', () => {
    expect(found('قاعدة عين الأسد الجوية')).toEqual([['ain-al-asad', 'قاعدة عين الأسد']]);
    expect(found('في عين الأسد قال بشار الأسد')).toEqual([
      ['ain-al-asad', 'عين الأسد'],
      ['bashar-al-assad', 'بشار الأسد'],
    ]);
    expect(found('التحالف الدولي لمحاربة داعش')).toEqual([['global-coalition', 'التحالف الدولي لمحاربة داعش']]);
  });

  it('returns sorted, non-overlapping mentions on every seed article', () => {
    for (const file of seedFiles()) {
      const text = readSeed(file);
      const ms = detect(text, matcher);
      expect(ms.length).toBeGreaterThan(0);
      for (let i = 0; i < ms.length; i++) {
        expect(text.slice(ms[i]!.start, ms[i]!.end)).toBe(ms[i]!.text);
        if (i > 0) expect(ms[i]!.start).toBeGreaterThanOrEqual(ms[i - 1]!.end);
      }
    }
  });

  it('breaks ties between topics that share an alias by topic order, every time', () => {
    const a = compileMatcher([
      { id: 'first', aliases: ['الرافدين'] },
      { id: 'second', aliases: ['الرافدين'] },
    ]);
    const b = compileMatcher([
      { id: 'second', aliases: ['الرافدين'] },
      { id: 'first', aliases: ['الرافدين'] },
    ]);
    expect(detect('مصرف الرافدين', a).map((m) => m.topic)).toEqual(['first']);
    expect(detect('مصرف الرافدين', b).map((m) => m.topic)).toEqual(['second']);
  });

  it('gives the same answer on every run and from a freshly compiled matcher', () => {
    const text = seedFiles().map(readSeed).join('\n');
    const once = detect(text, matcher);
    expect(detect(text, matcher)).toEqual(once);
    expect(detect(text, compileMatcher(DETECTOR_PACK))).toEqual(once);
  });
});

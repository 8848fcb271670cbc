import { describe, expect, it } from 'vitest';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { DETECTOR_PACK } from '../fixtures/detector-pack';

const matcher = compileMatcher(DETECTOR_PACK);
const found = (text: string, knownTopics?: ReadonlySet<string>): [string, string][] =>
  detect(text, matcher, { knownTopics }).map((m) => [m.topic, m.text]);

describe('rules: requireCue', () => {
  it('accepts «السوداني» with an Iraqi cue within the window, either side', () => {
    expect(found('قال السوداني إن الحكومة العراقية ماضية')).toEqual([['sudani', 'السوداني']]);
    expect(found('في بغداد، استقبل السوداني الوفد')).toEqual([['sudani', 'السوداني']]);
    expect(found('وأكد السوداني في العراق')).toEqual([['sudani', 'السوداني']]);
  });

  it('rejects it with no cue, or with the cue beyond the window', () => {
    expect(found('قال السوداني إن المباراة انتهت')).toEqual([]);
    expect(found(`قال السوداني ${'كلام '.repeat(60)}في بغداد`)).toEqual([]);
  });

  it('matches cue words with their own proclitics, as whole words', () => {
    expect(found('التقى السوداني البغداديين')).toEqual([]); // not the cue بغداد
    expect(found('التقى السوداني وبالعراق')).toEqual([['sudani', 'السوداني']]);
    expect(found('التقى السوداني للعراق')).toEqual([['sudani', 'السوداني']]);
  });

  it('counts a nisba cue in the feminine and plural too', () => {
    expect(found('التقى السوداني بالعراقيين')).toEqual([['sudani', 'السوداني']]);
    expect(found('وقال السوداني إن الأحزاب العراقية متفقة')).toEqual([['sudani', 'السوداني']]);
    expect(found('وقال السوداني إن العراقيون متفقون')).toEqual([['sudani', 'السوداني']]);
  });

  it('accepts it when the text already names the topic unambiguously', () => {
    expect(found('محمد شياع السوداني يتحدث. قال السوداني إن المباراة انتهت')).toEqual([
      ['sudani', 'محمد شياع السوداني'],
      ['sudani', 'السوداني'],
    ]);
  });

  it('accepts it when the caller knows the topic from elsewhere on the page', () => {
    expect(found('قال السوداني إن المباراة انتهت', new Set(['sudani']))).toEqual([['sudani', 'السوداني']]);
    expect(found('قال السوداني إن المباراة انتهت', new Set(['isis']))).toEqual([]);
  });

  it('does not count a cue-dependent mention as unambiguous for another', () => {
    expect(found('قاعدة حرير. ثم حرير')).toEqual([
      ['harir', 'قاعدة حرير'],
      ['harir', 'حرير'],
    ]);
    expect(found('قماش من حرير ناعم وحرير آخر')).toEqual([]);
  });
});

describe('rules: notAfter and notBefore', () => {
  it('«حرير» is the base near أربيل or as «قاعدة حرير», not the Silk Road', () => {
    expect(found('هجوم على قاعدة حرير')).toEqual([['harir', 'قاعدة حرير']]);
    expect(found('استهدفت طائرة مسيرة حرير في أربيل')).toEqual([['harir', 'حرير']]);
    expect(found('مبادرة طريق حرير جديد تمر بأربيل')).toEqual([]);
    expect(found('طريق الحرير الصيني')).toEqual([]);
  });

  it('«أوستن، تكساس» is the city, across the comma', () => {
    expect(found('ولد في أوستن، تكساس')).toEqual([]);
    expect(found('ولد في أوستن تكساس')).toEqual([]);
    expect(found('جامعة أوستن الأمريكية')).toEqual([]);
    expect(found('قال أوستن إن القوات باقية')).toEqual([['lloyd-austin', 'أوستن']]);
  });

  it('matches notAfter phrases of several words, with their own proclitics', () => {
    const m = compileMatcher([{ id: 'r', aliases: ['الرافدين'], rules: [{ alias: 'الرافدين', notAfter: ['جامعة بلاد'] }] }]);
    const topics = (t: string): string[] => detect(t, m).map((x) => x.topic);
    expect(topics('درس في جامعة بلاد الرافدين')).toEqual([]);
    expect(topics('درس في وجامعة بلاد الرافدين')).toEqual([]);
    expect(topics('تاريخ بلاد الرافدين')).toEqual(['r']);
    expect(topics('جامعة بلاد، الرافدين')).toEqual([]);
  });

  it('does not look across a full stop or a line break', () => {
    expect(found('زار أوستن بغداد. تكساس ولاية')).toEqual([['lloyd-austin', 'أوستن']]);
    expect(found('ولد في أوستن\nتكساس')).toEqual([['lloyd-austin', 'أوستن']]);
  });

  it('«التحالف العربي» and «التحالف الداعم للشرعية» are not the anti-ISIS coalition', () => {
    expect(found('غارات التحالف العربي على صنعاء ضد داعش')).toEqual([['isis', 'داعش']]);
    expect(found('التحالف الداعم للشرعية في اليمن وداعش')).toEqual([['isis', 'داعش']]);
    expect(found('ضربات التحالف ضد داعش')).toEqual([
      ['global-coalition', 'التحالف'],
      ['isis', 'داعش'],
    ]);
  });
});

describe('rules: the nisba-adjective guard', () => {
  it('«الجيش السوداني» and «الرئيس السوداني» are adjectives, even with Iraqi cues', () => {
    expect(found('قال الجيش السوداني في بيان نقلته وكالة الأنباء العراقية')).toEqual([]);
    expect(found('استقبل الرئيس السوداني وفدا من بغداد')).toEqual([]);
    expect(found('وصل وفد للجيش السوداني إلى بغداد')).toEqual([]);
    expect(found('أعلن والجيش السوداني في بغداد')).toEqual([]);
  });

  it('keeps the name after verbs, particles and titles that only look definite', () => {
    expect(found('التقى السوداني في بغداد وفدا')).toEqual([['sudani', 'السوداني']]);
    expect(found('ألقى السوداني كلمة في بغداد')).toEqual([['sudani', 'السوداني']]);
    expect(found('رسالة إلى السوداني من العراق')).toEqual([['sudani', 'السوداني']]);
    expect(found('رئيس الوزراء العراقي السوداني')).toEqual([['sudani', 'السوداني']]);
    expect(found('قال السيد السوداني في بغداد')).toEqual([['sudani', 'السوداني']]);
  });

  it('keeps the name behind a proclitic or a comma', () => {
    expect(found('الاجتماع والسوداني في بغداد')).toEqual([['sudani', 'السوداني']]);
    expect(found('المكتب الإعلامي للسوداني في بغداد')).toEqual([['sudani', 'لسوداني']]);
    expect(found('قال الوزير، السوداني، في بغداد')).toEqual([['sudani', 'السوداني']]);
  });

  it('leaves aliases that are not «ال…ي» alone', () => {
    expect(found('حاربت القوات الأمريكية داعش')).toEqual([['isis', 'داعش']]);
    expect(found('قال الرئيس الأسد في دمشق')).toEqual([['bashar-al-assad', 'الأسد']]);
  });
});

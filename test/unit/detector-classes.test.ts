/**
 * The look-alike classes real Arabic news put before the detector, one table
 * per class and a row per rule branch: the sentence (our own writing), the
 * topics and the spans the detector must report with the real corpus
 * (data/corpus.json), whose aliases and rules are part of each fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../lib/corpus/types';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { REPO_ROOT } from '../seeds';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
const matcher = compileMatcher(pack.topics);

type Row = [text: string, expected: [topic: string, span: string][]];
const spans = (text: string, inner = false): [string, string][] => detect(text, matcher, { inner }).map((m) => [m.topic, m.text]);

describe('place names with and without the article', () => {
  it.each<Row>([
    [
      'تعرضت قاعدة الحرير في أربيل لهجوم بطائرة مسيرة',
      [
        ['harir', 'قاعدة الحرير'],
        ['erbil', 'أربيل'],
      ],
    ],
    ['وقال مسؤول إن قاعدة الحرير تضم قوات أميركية', [['harir', 'قاعدة الحرير']]],
    ['هجوم على قاعدة حرير شمالي العراق', [['harir', 'قاعدة حرير']]],
    [
      'وصلت التعزيزات إلى الحرير قرب أربيل',
      [
        ['harir', 'الحرير'],
        ['erbil', 'أربيل'],
      ],
    ], // the bare form, with its cue
    [
      'سقطت قذيفة قرب أربيل وأصابت محيط للحرير',
      [
        ['erbil', 'أربيل'],
        ['harir', 'لحرير'],
      ],
    ],
    ['وبقاعدة الحرير جنود أميركيون', [['harir', 'قاعدة الحرير']]],
    ['افتتح معرض الحرير الدمشقي في بيروت', []], // silk: no cue
    ['تمر مبادرة طريق الحرير بمدينة أربيل', [['erbil', 'أربيل']]], // the Silk Road, cue or not
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('definite nouns before a nisba', () => {
  it.each<Row>([
    ['انعقد الملتقى السوداني للاستثمار في بغداد بمشاركة عراقية', []],
    ['افتتح المنتدى السوداني في العراق دورته', []],
    ['استقبل المستشفى السوداني في بغداد مرضى عراقيين', []],
    ['قال الجيش السوداني في بيان من بغداد', []],
    // Verbs that end in ى and look definite once folded, with and without hamza.
    ['التقى السوداني في بغداد وفدا', [['sudani', 'السوداني']]],
    ['القى السوداني كلمة في بغداد', [['sudani', 'السوداني']]],
    ['رسالة الى السوداني من العراق', [['sudani', 'السوداني']]],
    // A hamzated alef never starts the article, whatever verb it opens.
    ['ألهم السوداني العراقيين بخطابه', [['sudani', 'السوداني']]],
    // Stacked nisbas of a title, also where the text writes every final ي as ى.
    ['رئيس الوزراء العراقي السوداني في بغداد', [['sudani', 'السوداني']]],
    ['رئيس الوزراء العراقى السودانى في بغداد', [['sudani', 'السودانى']]],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('people who share a surname', () => {
  it.each<Row>([
    ['قال ماهر الأسد إن الفرقة الرابعة في سوريا جاهزة. وأضاف الأسد أن دمشق آمنة', []],
    ['التقى رفعت الأسد بمسؤولين في دمشق ثم غادر الأسد إلى باريس', []],
    ['قال حسين الشرع في دمشق إن الأمر يحتاج وقتا. وأضاف الشرع أن الرئيس سيقرر', []],
    ['قال الممثل الأمريكي سيث ماكفارلين إن فيلمه سيصدر. وأضاف ماكفارلين أنه سعيد', []],
    // The topic's own bearer: the full name nearby vouches for the surname.
    [
      'زار بشار الأسد وشقيقه ماهر الأسد حلب، وقال بشار الأسد إن الأسد لن يغادر دمشق',
      [
        ['bashar-al-assad', 'بشار الأسد'],
        ['bashar-al-assad', 'بشار الأسد'],
        ['bashar-al-assad', 'الأسد'],
      ],
    ],
    // No namesake: the surname's own context is enough, as before.
    ['وقال الأسد في دمشق إن سوريا صامدة', [['bashar-al-assad', 'الأسد']]],
    ['قال قائد التحالف الجنرال ماكفارلين إن المهمة مستمرة', [['matthew-mcfarlane', 'ماكفارلين']]],
    // «على» folds to «علي» but is the preposition, not the given name.
    ['أثنى الوفد على الأسد في دمشق', [['bashar-al-assad', 'الأسد']]],
    // A given name across a comma ends another phrase: no namesake.
    ['شكر الوزير حسن، الأسد على دعمه في دمشق', [['bashar-al-assad', 'الأسد']]],
    ['الحرب على داعش مستمرة', [['isis', 'داعش']]],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('common words that are also names', () => {
  it.each<Row>([
    ['استقبل الجمهور اللاعبين بحماس كبير', []],
    ['تابع الجمهور المباراة بحماس في غزة', []],
    ['أبدى حماس كبير للمشروع', []],
    [
      'أعلنت حماس موقفها، وتتواصل القاهرة بحماس يوميا',
      [
        ['hamas', 'حماس'],
        ['hamas', 'حماس'],
      ],
    ],
    ['كرم المعهد الطلاب النجباء في العراق', []],
    ['قالت حركة النجباء في العراق إنها سترد', [['nujaba', 'حركة النجباء']]],
    ['هددت النجباء والفصائل العراقية بالرد', [['nujaba', 'النجباء']]],
    ['وقال رسول الله صلى الله عليه وسلم', []],
    ['بعث الملك رسولا إلى بغداد', []],
    ['فاز بايرن ميونخ على دورتموند', []],
    ['وقال لاعب بايرن إن الفريق جاهز', []],
    [
      'قالت طهران إن إيران لن ترد',
      [
        ['iran', 'طهران'],
        ['iran', 'إيران'],
      ],
    ],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('generic names of bodies and other coalitions need the story', () => {
  it.each<Row>([
    ['عقدت اللجنة العسكرية العليا في ليبيا اجتماعا في طرابلس', []],
    ['اجتمعت اللجنة العسكرية العليا الليبية في سرت بحضور ممثلين عراقيين', []],
    ['عقدت اللجنة العسكرية العليا بين بغداد وواشنطن جولتها الثالثة', [['higher-military-commission', 'اللجنة العسكرية العليا']]],
    ['قامت الدولة الإسلامية في الأندلس على أسس علمية وبلغت العراق', []],
    ['يروي الكتاب تاريخ الدولة الإسلامية في سوريا ومصر', []],
    ['سيطر تنظيم الدولة الإسلامية على الموصل', [['isis', 'تنظيم الدولة الإسلامية']]],
    ['شن التحالف الدولي في اليمن غارات على صنعاء', []],
    ['أعلن التحالف الدولي بقيادة السعودية استهداف مواقع للحوثيين', []],
    [
      'قصف التحالف الدولي مواقع داعش قرب الحدود',
      [
        ['global-coalition', 'التحالف الدولي'],
        ['isis', 'داعش'],
      ],
    ],
    [
      'يدعم التحالف الدولي القوات العراقية',
      [
        ['global-coalition', 'التحالف الدولي'],
        ['iraqi-security-forces', 'القوات العراقية'],
      ],
    ],
    ['انضم التحالف الدولي إلى المفاوضات', []], // no story context at all
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('nested names', () => {
  it.each<[string, [string, string, boolean][]]>([
    [
      'أعلن التحالف الدولي لدحر داعش انتهاء مهمته',
      [
        ['global-coalition', 'التحالف الدولي لدحر داعش', false],
        ['isis', 'داعش', true],
      ],
    ],
    [
      'وقال التحالف الدولي لمكافحة داعش في العراق',
      [
        ['global-coalition', 'التحالف الدولي لمكافحة داعش', false],
        ['isis', 'داعش', true],
      ],
    ],
    // Same topic inside: nothing more; a rejected long form nests nothing.
    ['سيطر تنظيم الدولة الإسلامية على الموصل', [['isis', 'تنظيم الدولة الإسلامية', false]]],
    ['زار الجنود قاعدة عين الأسد غرب العراق', [['ain-al-asad', 'قاعدة عين الأسد', false]]],
  ])('%s', (text, expected) => {
    expect(detect(text, matcher, { inner: true }).map((m) => [m.topic, m.text, m.inner === true])).toEqual(expected);
  });

  it('nests nothing in a long form its rules reject: that form still claims its words', () => {
    const m = compileMatcher([
      { id: 'council', aliases: ['مجلس شورى داعش'], rules: [{ alias: 'مجلس شورى داعش', notBefore: ['القديم'] }] },
      { id: 'isis', aliases: ['داعش'] },
    ]);
    const inner = (text: string): string[] => detect(text, m, { inner: true }).map((x) => `${x.topic}:${x.text}`);
    expect(inner('حل مجلس شورى داعش القديم')).toEqual([]);
    expect(inner('حل مجلس شورى داعش نفسه')).toEqual(['council:مجلس شورى داعش', 'isis:داعش']);
  });

  it('leaves inner names out unless asked, so marks never overlap', () => {
    expect(spans('أعلن التحالف الدولي لدحر داعش انتهاء مهمته')).toEqual([['global-coalition', 'التحالف الدولي لدحر داعش']]);
  });
});

describe('short forms after the full name', () => {
  it.each<Row>([
    [
      'قال اللواء يحيى رسول إن القوات جاهزة. وأضاف رسول أن العراق لا يحتاج قوات قتالية',
      [
        ['yahya-rasool', 'اللواء يحيى رسول'],
        ['yahya-rasool', 'رسول'],
      ],
    ],
    ['وأضاف رسول أن العراق لا يحتاج قوات قتالية', []], // never named in full
    ['وأضاف رسول أن القوات جاهزة. وقال يحيى رسول إن العراق آمن', [['yahya-rasool', 'يحيى رسول']]], // named only later
    ['قال يحيى رسول إن العراق آمن، وصلى على رسول الله', [['yahya-rasool', 'يحيى رسول']]],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));

  it('counts a full name the caller knows from elsewhere on the page as earlier', () => {
    expect(detect('وأضاف رسول أن العراق آمن', matcher, { knownTopics: new Set(['yahya-rasool']) }).map((m) => m.text)).toEqual(['رسول']);
  });
});

describe('Latin acronyms with hyphens', () => {
  it.each<Row>([
    ['أعلنت قوة المهام المشتركة CJTF-OIR انتهاء المهمة', [['global-coalition', 'CJTF-OIR']]],
    ['بيان صادر عن CJTF–OIR في بغداد', [['global-coalition', 'CJTF–OIR']]],
    ['بيان صادر عن CJTF OIR في بغداد', [['global-coalition', 'CJTF OIR']]],
    ['قيادة CJTF-OIRX الجديدة', []],
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

describe('a mention ends with the marks of its last letter', () => {
  // belongsToLetter (lib/arabic/normalize.ts): Quranic marks U+0610–061A,
  // the superscript alef U+0670 and the high hamza U+0674 are the letter's.
  it.each<Row>([
    ['وقال بلينكن\u0615 إن واشنطن ملتزمة', [['antony-blinken', 'بلينكن\u0615']]],
    ['وقال بلينكن\u0610\u0611 إن واشنطن ملتزمة', [['antony-blinken', 'بلينكن\u0610\u0611']]],
    ['هاجم داعش\u0670 القرى', [['isis', 'داعش\u0670']]],
    ['هاجم داعش\u0674 القرى', [['isis', 'داعش\u0674']]],
    ['هاجم داعش\u200f القرى', [['isis', 'داعش']]], // a bidi mark is not the letter's
  ])('%s', (text, expected) => expect(spans(text)).toEqual(expected));
});

import { describe, expect, it } from 'vitest';
import { articleRoot } from '../../lib/detect/article';
import { pageText, readBlocks } from '../../lib/detect/page-text';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';

const SENTENCES = [
  'قال رئيس الوزراء العراقي إن المحادثات مع الولايات المتحدة بشأن مستقبل التحالف الدولي ستستمر.',
  'وأضاف أن القوات العراقية باتت قادرة على إدارة الأمن في البلاد من دون مساعدة خارجية.',
  'وأشار مسؤولون في بغداد إلى أن اللجنة العسكرية العليا ستعقد اجتماعها المقبل في واشنطن.',
  'ويأتي ذلك بعد سنوات من التعاون بين البلدين في الحرب على تنظيم داعش في العراق وسوريا.',
];
const prose = (n: number, tag = 'p'): string =>
  Array.from({ length: n }, (_, i) => `<${tag}>${SENTENCES[i % SENTENCES.length]}</${tag}>`).join('');
const teaser = (i: number): string => `<article class="card"><h3><a href="#">خبر رقم ${i} عن العراق</a></h3><p>${SENTENCES[i % 4]}</p></article>`;

describe.each(DOM_KINDS)('articleRoot (%s)', (kind) => {
  const doc = (body: string): Document => parseDocument(`<!doctype html><html lang="ar" dir="rtl"><body>${body}</body></html>`, kind);
  const rootOf = (body: string): Element => articleRoot(doc(body));

  it('takes [itemprop=articleBody] first', () => {
    const root = rootOf(`<h1>عنوان</h1><div class="wrap"><article><div itemprop="articleBody" id="x">${prose(6)}</div><p>${SENTENCES[0]}</p></article></div>`);
    expect(root.id).toBe('x');
  });

  it("widens [itemprop=articleBody] to the article's headline", () => {
    const root = rootOf(`<article id="a"><h1>عنوان</h1><div itemprop="articleBody">${prose(6)}</div></article><div>${prose(2)}</div>`);
    expect(root.id).toBe('a');
  });

  it('takes a single <article> holding the story', () => {
    expect(rootOf(`<div class="wrap"><article id="x"><h1>عنوان</h1>${prose(5)}</article></div>`).id).toBe('x');
  });

  it('takes a CMS body class over <article> teaser cards', () => {
    const root = rootOf(`${teaser(1)}${teaser(2)}<div class="post"><div class="entry-content" id="x">${prose(6)}</div></div>${teaser(3)}${teaser(4)}`);
    expect(root.id).toBe('x');
  });

  it('does not take an <article> that is only a teaser card', () => {
    const root = rootOf(`<div id="x">${prose(8)}</div><aside>${teaser(1)}</aside>${teaser(2)}${teaser(3)}`);
    expect(root.id).toBe('x');
  });

  it('finds the densest paragraphs without any markup, ignoring comment threads and related boxes', () => {
    const body = `<div class="top">${'<a href="#">قسم</a>'.repeat(20)}</div>
      <div class="col"><div id="x">${prose(6)}</div></div>
      <div id="comments">${prose(12)}</div><div class="related-news">${prose(10)}</div>`;
    expect(rootOf(body).id).toBe('x');
  });

  it('widens to take paragraphs split into sibling boxes by a photo or an ad', () => {
    const body = `<div id="x"><div class="part">${prose(4)}</div><figure><img src="a.jpg"></figure><div class="part">${prose(4)}</div></div><div class="col2"><p>${SENTENCES[1]}</p></div>`;
    expect(rootOf(body).id).toBe('x');
  });

  it('takes in the headline when it sits just outside the body text', () => {
    const body = `<div id="x"><h1>السوداني يبحث مستقبل التحالف</h1><div class="byline">بغداد</div><div class="text-holder">${prose(6)}</div></div>`;
    const root = rootOf(body);
    expect(root.id).toBe('x');
    expect(pageText(readBlocks(root)).text).toContain('السوداني يبحث مستقبل التحالف');
  });

  it('reads prose set in <div>s and <br>s when a page has no paragraphs', () => {
    const lines = SENTENCES.join('<br><br>');
    const body = `<div class="menu-bar"><a>الرئيسية</a></div><table><tr><td id="x">${lines}<br>${lines}</td><td><a>روابط</a></td></tr></table>`;
    expect(rootOf(body).id).toBe('x');
  });

  it('falls back to <main> or the body for a short page', () => {
    expect(rootOf(`<main id="m"><p>نص قصير جدا عن العراق وبغداد وواشنطن والتحالف الدولي وسوريا ودمشق</p></main>`).id).toBe('m');
    expect(rootOf('<div><p>English only.</p></div>').localName).toBe('body');
  });
});

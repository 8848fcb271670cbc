import { describe, expect, it } from 'vitest';
import { articleRoot } from '../../lib/reading/article';
import { isArabicDocument } from '../../lib/reading/language';
import { pageText, readBlocks } from '../../lib/reading/page-text';
import { DOM_KINDS, fixturePages, labelBySeedForms, parseDocument } from '../fixtures/pages';

const SENTENCES = [
  'قال رئيس الوزراء العراقي إن المحادثات مع الولايات المتحدة بشأن مستقبل التحالف الدولي ستستمر.',
  'وأضاف أن القوات العراقية باتت قادرة على إدارة الأمن في البلاد من دون مساعدة خارجية.',
  'وأشار مسؤولون في بغداد إلى أن اللجنة العسكرية العليا ستعقد اجتماعها المقبل في واشنطن.',
  'ويأتي ذلك بعد سنوات من التعاون بين البلدين في الحرب على تنظيم داعش في العراق وسوريا.',
];
const prose = (n: number, tag = 'p'): string =>
  Array.from({ length: n }, (_, i) => `<${tag}>${SENTENCES[i % SENTENCES.length]}</${tag}>`).join('');
const teaser = (i: number): string =>
  `<article class="card"><h3><a href="#">خبر رقم ${i} عن العراق</a></h3><p>${SENTENCES[i % 4]}</p></article>`;

describe.each(DOM_KINDS)('articleRoot (%s)', (kind) => {
  const doc = (body: string): Document => parseDocument(`<!doctype html><html lang="ar" dir="rtl"><body>${body}</body></html>`, kind);
  const rootOf = (body: string): Element => articleRoot(doc(body));

  it('takes [itemprop=articleBody] first', () => {
    const root = rootOf(
      `<h1>عنوان</h1><div class="wrap"><article><div itemprop="articleBody" id="x">${prose(6)}</div><p>${SENTENCES[0]}</p></article></div>`,
    );
    expect(root.id).toBe('x');
  });

  it("widens [itemprop=articleBody] to the article's headline", () => {
    const root = rootOf(`<article id="a"><h1>عنوان</h1><div itemprop="articleBody">${prose(6)}</div></article><div>${prose(2)}</div>`);
    expect(root.id).toBe('a');
  });

  it('takes the outer of two nested CMS bodies holding the same prose, as the page lists them', () => {
    const root = rootOf(`<div class="article-body" id="outer"><div class="article-content" id="inner">${prose(6)}</div></div>`);
    expect(root.id).toBe('outer');
  });

  it('takes the first of two CMS bodies with the same prose', () => {
    const root = rootOf(
      `<div class="wrap"><div class="article-text" id="first">${prose(4)}</div><div class="article-text" id="second">${prose(4)}</div></div>`,
    );
    expect(root.id).toBe('first');
  });

  it('takes a single <article> holding the story', () => {
    expect(rootOf(`<div class="wrap"><article id="x"><h1>عنوان</h1>${prose(5)}</article></div>`).id).toBe('x');
  });

  it('takes a CMS body class over <article> teaser cards', () => {
    const root = rootOf(
      `${teaser(1)}${teaser(2)}<div class="post"><div class="entry-content" id="x">${prose(6)}</div></div>${teaser(3)}${teaser(4)}`,
    );
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

  it('does not count link text: a column of headline links never outweighs the story', () => {
    const headlines = Array.from({ length: 14 }, (_, i) => `<p><a href="#">${SENTENCES[i % 4]}</a></p>`).join('');
    const body = `<div class="col"><div id="x">${prose(4)}</div></div><div class="col"><div class="box">${headlines}</div></div>`;
    expect(rootOf(body).id).toBe('x');
  });

  it('takes a story whose headline is a link, its paragraphs sharing one box', () => {
    const body = `<div class="wrap"><div class="post" id="x"><h1><a href="#">السوداني يبحث مستقبل التحالف الدولي مع واشنطن</a></h1>${prose(5)}</div></div>`;
    expect(rootOf(body).id).toBe('x');
  });

  it('finds no article on a section front: paragraphs each alone in a card with a headline link', () => {
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<div class="card"><h3><a href="#">${SENTENCES[(i + 1) % 4]}</a></h3><p>${SENTENCES[i % 4]}</p></div>`,
    ).join('');
    const root = rootOf(`<h1>أخبار العراق</h1><div class="list">${cards}</div>`);
    expect(root.isConnected).toBe(false);
    expect(pageText(readBlocks(root)).text).toBe('');
  });

  it("takes a story opened above a section front's teasers, not the page around both", () => {
    const cards = Array.from(
      { length: 6 },
      (_, i) => `<div class="card"><h3><a href="#">${SENTENCES[(i + 1) % 4]}</a></h3><p>${SENTENCES[i % 4]}</p></div>`,
    ).join('');
    expect(rootOf(`<article id="x"><h1>عنوان</h1>${prose(4)}</article><div class="list">${cards}</div>`).id).toBe('x');
  });

  it('falls back to <main> or the body for a short page', () => {
    expect(rootOf(`<main id="m"><p>نص قصير جدا عن العراق وبغداد وواشنطن والتحالف الدولي وسوريا ودمشق</p></main>`).id).toBe('m');
    expect(rootOf('<div><p>English only.</p></div>').localName).toBe('body');
  });
});

describe.each(DOM_KINDS)('the fixture pages (%s)', (kind) => {
  const pages = fixturePages();

  it('has at least ten pages, seed-built and written, each with labels', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.name.startsWith('seed-')).length).toBeGreaterThanOrEqual(5);
    for (const p of pages) expect(p.expected.length, p.name).toBeGreaterThan(0);
  });

  it.each(pages.map((p) => [p.name, p] as const))('%s: is Arabic, and its article root reads the article and no furniture', (_, page) => {
    const doc = parseDocument(page.html, kind);
    expect(isArabicDocument(doc)).toBe(true);
    const { text } = pageText(readBlocks(articleRoot(doc)));
    // Every part of the article, in order.
    let at = 0;
    for (const part of page.article) {
      const found = text.indexOf(part, at);
      expect(found, `missing or out of order: ${part.slice(0, 60)}`).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
    for (const piece of page.furniture) expect(text, page.name).not.toContain(piece);
    // The labelled mentions stand in the text read, in order.
    at = 0;
    for (const m of page.expected) {
      const found = text.indexOf(m.text, at);
      expect(found, `${m.topic} «${m.text}»`).toBeGreaterThanOrEqual(0);
      at = found + m.text.length;
    }
  });

  it('labels the seed pages by rule, and the rule finds nothing more in what the reader reads', () => {
    for (const page of pages.filter((p) => p.name.startsWith('seed-'))) {
      const doc = parseDocument(page.html, kind);
      const { text } = pageText(readBlocks(articleRoot(doc)));
      expect(labelBySeedForms(text), page.name).toEqual(page.expected);
    }
  });
});

describe('labelBySeedForms', () => {
  it('takes the longest form, after proclitics, with harakat and tatweel, never inside a word', () => {
    expect(labelBySeedForms('وقال محمد شيّاع السوداني ولبلـيـنكن إن السودانيين وللسوداني')).toEqual([
      { topic: 'sudani', text: 'محمد شيّاع السوداني' },
      { topic: 'antony-blinken', text: 'بلـيـنكن' },
      { topic: 'sudani', text: 'لسوداني' },
    ]);
  });

  it("lets the coalition's full name claim the داعش inside it", () => {
    expect(labelBySeedForms('دعم التحالف الدولي لهزيمة داعش وقتال داعش')).toEqual([{ topic: 'isis', text: 'داعش' }]);
  });
});

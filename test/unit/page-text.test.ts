import { describe, expect, it } from 'vitest';
import { BlockReader, type TextBlock, blockIndexAt, locate, pageText, readBlocks } from '../../lib/reading/page-text';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';

/** Every block's text must be its nodes' data with only '\n' (for <br>) between them. */
function checkBlock(b: TextBlock): void {
  expect(b.nodes.length).toBe(b.starts.length);
  b.nodes.forEach((n, i) => {
    expect(b.text.slice(b.starts[i], b.starts[i]! + n.data.length)).toBe(n.data);
    const gapEnd = i + 1 < b.nodes.length ? b.starts[i + 1]! : b.text.length;
    expect(b.text.slice(b.starts[i]! + n.data.length, gapEnd)).toMatch(/^\n*$/);
  });
}

/** The text between two DOM positions, gathered from the nodes themselves (no Range.toString, which the DOMs differ on). */
function between(blocks: TextBlock[], from: { node: Text; offset: number }, to: { node: Text; offset: number }): string {
  const nodes = blocks.flatMap((b) => b.nodes);
  const i = nodes.indexOf(from.node);
  const j = nodes.indexOf(to.node);
  if (i === j) return from.node.data.slice(from.offset, to.offset);
  return [from.node.data.slice(from.offset), ...nodes.slice(i + 1, j).map((n) => n.data), to.node.data.slice(0, to.offset)].join('');
}

describe.each(DOM_KINDS)('readBlocks (%s)', (kind) => {
  const read = (body: string, selector = 'body'): TextBlock[] => {
    const doc = parseDocument(`<!doctype html><html lang="ar"><body>${body}</body></html>`, kind);
    const blocks = readBlocks(doc.querySelector(selector)!);
    blocks.forEach(checkBlock);
    return blocks;
  };
  const texts = (body: string, selector?: string): string[] => read(body, selector).map((b) => b.text);

  it('joins inline runs into one block, so a name split across tags reads whole', () => {
    const blocks = read('<p>قال <b>محمد <i>شياع</i></b> <a href="#">السوداني</a> إن <span>الـ<em>تحالف</em></span></p>');
    expect(blocks).toHaveLength(1);
    expect(blocks[0]!.text).toBe('قال محمد شياع السوداني إن الـتحالف');
    expect(blocks[0]!.element.localName).toBe('p');
    expect(blocks[0]!.nodes).toHaveLength(8);
  });

  it('starts a new block at every block element, nested ones included', () => {
    expect(
      texts(
        '<div>أول <p>ثان</p> ثالث<ul><li>رابع</li><li>خامس</li></ul></div><h2>سادس</h2><table><tr><td>سابع</td><td>ثامن</td></tr></table>',
      ),
    ).toEqual(['أول ', 'ثان', ' ثالث', 'رابع', 'خامس', 'سادس', 'سابع', 'ثامن']);
  });

  it('starts a new block at unknown and custom elements, so words never run together', () => {
    expect(texts('<div>بغداد<x-box>واشنطن</x-box>دمشق</div>')).toEqual(['بغداد', 'واشنطن', 'دمشق']);
  });

  it('keeps <br> inside the block as a "\\n" that belongs to no node', () => {
    const [b] = read('<p><br>محمد شياع<br>السوداني<br></p>');
    expect(b!.text).toBe('محمد شياع\nالسوداني\n');
    expect(b!.starts).toEqual([0, 10]);
  });

  it('drops blocks of whitespace only', () => {
    expect(texts('<div>\n  <p>نص</p>\n  <p>  </p>\n</div>')).toEqual(['نص']);
  });

  it('skips scripts, styles, form controls, code, media and hidden parts', () => {
    const body = `<p>أ<script>var s = "السوداني";</script><style>.x{}</style><noscript>لا</noscript>ب</p>
      <template><p>قالب</p></template><textarea>نص</textarea><select><option>خيار</option></select>
      <button>زر</button><code>شيفرة</code><svg><text>رسم</text></svg><iframe>إطار</iframe>
      <p hidden>مخفي</p><p aria-hidden="true">مخفي</p><p style="display: none">مخفي</p><p hidden="until-found">مطوي</p>
      <p>مرئي <span aria-hidden="true">★</span>تماما</p>`;
    expect(texts(body)).toEqual(['أب', 'مطوي', 'مرئي تماما']);
  });

  it('skips contenteditable regions of any value but "false"', () => {
    const body =
      '<div contenteditable>ا</div><div contenteditable="true">ب</div><div contenteditable="plaintext-only">ج</div><div contenteditable="FALSE">د</div>';
    expect(texts(body)).toEqual(['د']);
  });

  it("skips Siyaq's own UI and whatever opts.skip rejects", () => {
    const doc = parseDocument('<body><p>نص</p><div data-siyaq-ui><p>بطاقة</p></div><p class="x">آخر</p></body>', kind);
    expect(readBlocks(doc.body).map((b) => b.text)).toEqual(['نص', 'آخر']);
    expect(readBlocks(doc.body, { skip: (el) => el.classList.contains('x') }).map((b) => b.text)).toEqual(['نص']);
  });

  it('skips navigation, sidebars, footers, forms and comment threads', () => {
    const body = `<nav>الرئيسية</nav><div role="navigation">أقسام</div><aside>الأكثر قراءة</aside>
      <form><input><label>ابحث</label></form>
      <div id="comments"><p>تعليق</p></div><div class="disqus_thread"><p>تعليق</p></div>
      <div class="related-posts"><p>ذو صلة</p></div><ul class="social-share"><li>شارك</li></ul>
      <div class="ad-slot">إعلان</div><div class="newsletter">اشترك</div><ol class="breadcrumb"><li>أخبار</li></ol>
      <div class="post-tags">وسوم</div><div class="main-menu">قائمة</div><span class="sr-only">لقارئ الشاشة</span>
      <div class="entry-content has-share"><p>المقال</p></div><p>خبر <a class="tag" href="#">السوداني</a> اليوم</p>
      <footer>حقوق</footer>`;
    expect(texts(body)).toEqual(['المقال', 'خبر السوداني اليوم']);
  });

  it('skips boxes named for the most read or by a related heading, and article footers of tags and links', () => {
    const texts = (body: string): string[] => read(body).map((b) => b.text);
    expect(
      texts('<p>نص الخبر</p><div class="most-read"><p>الأكثر قراءة</p></div><div class="MostViewed"><p>الأكثر مشاهدة</p></div>'),
    ).toEqual(['نص الخبر']);
    expect(
      texts(
        '<p>نص الخبر</p><section aria-labelledby="related-content-heading"><h2 id="related-content-heading">قصص ذات صلة</h2></section>',
      ),
    ).toEqual(['نص الخبر']);
    expect(texts('<p>نص الخبر</p><section data-e2e="most-read"><p>الأكثر قراءة</p></section>')).toEqual(['نص الخبر']);
    expect(texts('<p>نص الخبر</p><div class="zn-body__footer"><a>اقرأ أيضا</a></div>')).toEqual(['نص الخبر']);
    // A section labelled by the story's own headline is the story.
    expect(texts('<section aria-labelledby="story-title"><h1 id="story-title">العنوان</h1><p>نص الخبر</p></section>')).toEqual([
      'العنوان',
      'نص الخبر',
    ]);
  });

  it('reads a wrapper named like furniture when it holds the headline or the main content', () => {
    expect(texts('<div class="has-sidebar social-enabled"><h1>العنوان</h1><p>النص</p><div class="sidebar">جانبي</div></div>')).toEqual([
      'العنوان',
      'النص',
    ]);
    expect(texts('<div class="menu-push"><main><p>النص</p></main></div>')).toEqual(['النص']);
    expect(texts('<div class="comments"><h1>تعليقات</h1></div>')).toEqual([]);
  });

  it('reads a page-wide ASP.NET form but not a search form', () => {
    expect(texts('<form id="aspnetForm"><div><h1>عنوان</h1><p>نص</p></div><form><input>بحث</form></form>')).toEqual(['عنوان', 'نص']);
  });

  it("skips the site's banner header but reads an article's header and a header holding the headline", () => {
    const body = `<header><div class="logo">الموقع</div><ul><li>سياسة</li></ul></header>
      <article><header><h1>العنوان</h1><div class="byline">الكاتب</div></header><p>النص</p></article>
      <div class="post"><header class="entry-header"><h1>عنوان آخر</h1></header></div>`;
    expect(texts(body)).toEqual(['العنوان', 'الكاتب', 'النص', 'عنوان آخر']);
  });

  it('reads only what a whole-page read would: a subtree inside a skipped part reads nothing', () => {
    const body = '<article><p>نص <b>عريض</b> هنا</p><div class="comments"><p id="c">تعليق <b>جديد</b></p></div></article>';
    expect(texts(body, '#c')).toEqual([]);
    expect(texts(body, '#c b')).toEqual([]);
  });

  it('reads the whole enclosing block when given an inline element', () => {
    const blocks = read('<article><p>نص <b>عريض</b> هنا</p></article>', 'b');
    expect(blocks.map((b) => b.text)).toEqual(['نص عريض هنا']);
    expect(blocks[0]!.element.localName).toBe('p');
  });

  it('gives an incremental read of a block the same block as the whole read', () => {
    const doc = parseDocument('<body><article><p>أول</p><div id="d"><p>قال <b>السوداني</b></p> ذيل</div></article></body>', kind);
    const whole = readBlocks(doc.body);
    const part = readBlocks(doc.querySelector('#d')!);
    expect(part.map((b) => b.text)).toEqual(whole.slice(1).map((b) => b.text));
    expect(part[0]!.nodes).toEqual(whole[1]!.nodes);
  });
});

describe.each(DOM_KINDS)('pageText and locate (%s)', (kind) => {
  const doc = parseDocument(
    '<body><h1>عنوان</h1><p>قال <b>محمد شياع</b> <a href="#">السوداني</a><br>إن بلينكن</p><p>وأوستن</p></body>',
    kind,
  );
  const blocks = readBlocks(doc.body);
  const { text, blockStarts } = pageText(blocks);

  it("joins blocks with '\\n' and records where each starts", () => {
    expect(text).toBe('عنوان\nقال محمد شياع السوداني\nإن بلينكن\nوأوستن');
    expect(blockStarts).toEqual([0, 6, 39]);
  });

  it('maps a range across inline tags to the nodes it starts and ends in', () => {
    const s = text.indexOf('محمد');
    const e = text.indexOf('السوداني') + 'السوداني'.length;
    const [from, to] = locate(blocks, blockStarts, s, e);
    expect(from!.node.data).toBe('محمد شياع');
    expect(from!.offset).toBe(0);
    expect(to!.node.data).toBe('السوداني');
    expect(to!.offset).toBe(8);
    expect(between(blocks, from!, to!)).toBe('محمد شياع السوداني');
  });

  it('puts a start at a node boundary in the next node and an end in the previous one', () => {
    const s = text.indexOf('محمد');
    const [from, to] = locate(blocks, blockStarts, s - 4, s);
    expect(from!.node.data).toBe('قال ');
    expect(to!.node.data).toBe('قال ');
    expect(to!.offset).toBe(4);
    const [next] = locate(blocks, blockStarts, s, s + 4);
    expect(next!.node.data).toBe('محمد شياع');
  });

  it('maps a range right after a <br>, and one ending on it', () => {
    const s = text.indexOf('بلينكن');
    const [from, to] = locate(blocks, blockStarts, s, s + 6);
    expect(from!.node.data).toBe('إن بلينكن');
    expect(between(blocks, from!, to!)).toBe('بلينكن');
    const end = text.indexOf('\nإن');
    const [, last] = locate(blocks, blockStarts, end - 8, end + 1);
    expect(last!.node.data).toBe('السوداني');
    expect(last!.offset).toBe(8);
  });

  it('maps ranges in later blocks and refuses ones outside the text or across blocks', () => {
    const s = text.indexOf('أوستن');
    const [from, to] = locate(blocks, blockStarts, s, s + 5);
    expect(between(blocks, from!, to!)).toBe('أوستن');
    expect(locate(blocks, blockStarts, 0, 10)).toEqual([]);
    expect(locate(blocks, blockStarts, text.length - 1, text.length + 3)).toEqual([]);
    expect(locate([], [], 0, 1)).toEqual([]);
  });
});

describe.each(DOM_KINDS)('BlockReader (%s)', (kind) => {
  const html = `<body><article>${Array.from({ length: 40 }, (_, i) => `<p>فقرة رقم ${i} عن <b>محمد شياع</b> السوداني<br>والتحالف الدولي</p><div class="share">شارك</div>`).join('')}</article></body>`;

  it('reads in slices of at least the characters asked for, the same blocks as a whole read', () => {
    const doc = parseDocument(html, kind);
    const whole = readBlocks(doc.body);
    const reader = new BlockReader(doc.body);
    const slices: TextBlock[][] = [];
    while (!reader.done) {
      const slice = reader.read(200);
      if (!reader.done) expect(pageText(slice).text.length + 1).toBeGreaterThanOrEqual(200);
      slices.push(slice);
    }
    expect(slices.length).toBeGreaterThan(4);
    expect(slices.flat().map((b) => b.text)).toEqual(whole.map((b) => b.text));
    expect(slices.flat().map((b) => b.nodes)).toEqual(whole.map((b) => b.nodes));
    expect(reader.read()).toEqual([]);
  });

  it('reads nothing under a skipped root', () => {
    const doc = parseDocument(html, kind);
    const reader = new BlockReader(doc.querySelector('.share')!);
    expect(reader.done).toBe(true);
    expect(reader.read()).toEqual([]);
  });

  it('finds the block of a page-text offset', () => {
    expect(blockIndexAt([0, 10, 25], 0)).toBe(0);
    expect(blockIndexAt([0, 10, 25], 9)).toBe(0);
    expect(blockIndexAt([0, 10, 25], 10)).toBe(1);
    expect(blockIndexAt([0, 10, 25], 99)).toBe(2);
  });
});

describe('readBlocks on a large page', () => {
  it('reads 2 MB of paragraphs in one linear pass', () => {
    const para = '<p>قال رئيس الوزراء <b>محمد شياع</b> السوداني إن <a href="#">التحالف الدولي</a> سينهي مهمته في العراق.</p>';
    const html = `<body><article>${para.repeat(Math.ceil(2_000_000 / para.length))}</article></body>`;
    const doc = parseDocument(html);
    const blocks = readBlocks(doc.body);
    const { text } = pageText(blocks);
    expect(blocks.length).toBe(Math.ceil(2_000_000 / para.length));
    expect(text.length).toBeGreaterThan(1_000_000);
  });
});

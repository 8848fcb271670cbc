import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { isArticlePage } from '../../lib/reading/page-kind';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';
import { buildNewsPage } from '../fixtures/news-page';

const article = {
  headline: 'السوداني يستقبل وفداً عسكرياً في بغداد',
  paragraphs: ['استقبل رئيس الوزراء محمد شياع السوداني وفداً عسكرياً لبحث مستقبل التحالف الدولي في العراق خلال الأشهر المقبلة.'],
};

/** A front page: teasers under h2s, each with a line of text, as news home pages have. */
function frontPage(head = ''): string {
  const teasers = ['السوداني يلتقي بلينكن', 'التحالف الدولي في العراق', 'هجمات على عين الأسد']
    .map((h) => `<article class="teaser"><h2><a href="/news/1">${h}</a></h2><p>ملخص قصير للخبر عن ${h} في بغداد وواشنطن.</p></article>`)
    .join('');
  return `<!doctype html><html lang="ar" dir="rtl"><head>${head}</head><body><header><a class="logo" href="/">الموقع</a></header><main>${teasers}</main></body></html>`;
}

/** A document at an address, so its path counts (happy-dom keeps the URL). */
function at(url: string, html: string): Document {
  const win = new Window({ url });
  win.document.write(html);
  return win.document as unknown as Document;
}

describe('isArticlePage', () => {
  for (const kind of DOM_KINDS) {
    it(`calls every kind of fixture article an article (${kind})`, () => {
      for (const datePlace of ['json-ld', 'json-ld-graph', 'meta', 'time', 'byline', 'none'] as const) {
        const { html } = buildNewsPage({ article, published: '2024-09-24', datePlace });
        expect(isArticlePage(parseDocument(html, kind)), datePlace).toBe(true);
      }
    });
  }

  it('takes the page at its word: Open Graph type first, then JSON-LD, then an article publication time', () => {
    expect(isArticlePage(parseDocument(frontPage('<meta property="og:type" content="website">')))).toBe(false);
    // A site that declares an article is believed, even at its root.
    expect(isArticlePage(at('https://www.aljazeera.net/', frontPage('<meta property="og:type" content="article">')))).toBe(true);
    const { html } = buildNewsPage({ article, published: '2024-09-24', datePlace: 'json-ld' });
    expect(isArticlePage(parseDocument(html.replace('<head>', '<head><meta property="og:type" content="website">')))).toBe(false);
    expect(isArticlePage(parseDocument(frontPage('<script type="application/ld+json">{"@type": ["WebPage"]}</script>')))).toBe(false);
    expect(
      isArticlePage(parseDocument(frontPage('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle"}</script>'))),
    ).toBe(true);
    expect(isArticlePage(parseDocument(frontPage('<meta property="article:published_time" content="2024-09-24">')))).toBe(true);
  });

  it('without a declaration, calls a site root a page and a page with one headline an article', () => {
    const oneHeadline = frontPage().replace('<main>', '<main><h1>السوداني يلتقي بلينكن</h1>');
    expect(isArticlePage(at('https://www.aljazeera.net/', oneHeadline))).toBe(false);
    expect(isArticlePage(at('https://www.aljazeera.net/news/2024/9/24/x', oneHeadline))).toBe(true);
    expect(isArticlePage(at('https://www.aljazeera.net/news/', frontPage()))).toBe(false);
    expect(isArticlePage(at('https://www.aljazeera.net/news/', frontPage().replace('<main>', '<main><h1>أ</h1><h1>ب</h1>')))).toBe(false);
  });
});

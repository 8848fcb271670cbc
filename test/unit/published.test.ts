import { describe, expect, it } from 'vitest';
import { detectPublished, metadataDay } from '../../lib/dates/published';
import { DOM_KINDS, fixturePages, parseDocument } from '../fixtures/pages';

const ld = (value: unknown): string => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const meta = (attr: string, name: string, content: string): string => `<meta ${attr}="${name}" content="${content}">`;

describe('metadataDay', () => {
  it("turns instants with a zone into Baghdad's day (UTC+3, no daylight saving)", () => {
    expect(metadataDay('2024-09-23T22:30:00Z')).toBe('2024-09-24');
    expect(metadataDay('2024-09-23T20:59:00Z')).toBe('2024-09-23');
    expect(metadataDay('2024-09-24T01:00:00+05:00')).toBe('2024-09-23');
    expect(metadataDay('2024-07-01T23:30:00-0400')).toBe('2024-07-02');
    expect(metadataDay('Mon, 23 Sep 2024 22:00:00 GMT')).toBe('2024-09-24');
  });

  it('keeps the written day when there is no zone, and reads compact, epoch and month forms', () => {
    expect(metadataDay('2024-09-23T23:30:00')).toBe('2024-09-23');
    expect(metadataDay('2024-09-23')).toBe('2024-09-23');
    expect(metadataDay('20240923')).toBe('2024-09-23');
    expect(metadataDay('1727130600')).toBe('2024-09-24');
    expect(metadataDay('2024-09')).toBe('2024-09');
  });

  it('rejects what is not a date', () => {
    expect(metadataDay('')).toBeNull();
    expect(metadataDay('2024-13-01')).toBeNull();
    expect(metadataDay('1 week ago')).toBeNull();
    expect(metadataDay('1890-01-01')).toBeNull();
  });
});

describe.each(DOM_KINDS)('detectPublished (%s)', (kind) => {
  const page = (head: string, body = '<h1>عنوان</h1><p>نص</p>'): Document =>
    parseDocument(`<!doctype html><html lang="ar"><head>${head}</head><body>${body}</body></html>`, kind);

  it('reads JSON-LD datePublished: plain, in arrays, in @graph, on NewsArticle subtypes', () => {
    expect(detectPublished(page(ld({ '@type': 'NewsArticle', datePublished: '2024-09-24T08:00:00+03:00' })))).toBe('2024-09-24');
    expect(detectPublished(page(ld([{ '@type': 'Organization' }, { '@type': 'Article', datePublished: '2024-03-05' }])))).toBe(
      '2024-03-05',
    );
    expect(
      detectPublished(
        page(
          ld({
            '@context': 'https://schema.org',
            '@graph': [
              { '@type': 'WebPage', datePublished: '2020-01-01' },
              { '@type': 'ReportageNewsArticle', datePublished: '2024-01-28T21:30:00Z' },
            ],
          }),
        ),
      ),
    ).toBe('2024-01-29');
    expect(detectPublished(page(ld({ '@type': ['AnalysisNewsArticle'], datePublished: ['2024-04-21'] })))).toBe('2024-04-21');
  });

  it('survives broken JSON-LD and reads the next source', () => {
    expect(
      detectPublished(
        page(
          `<script type="application/ld+json">{"@type": "NewsArticle",</script>${meta('property', 'article:published_time', '2024-02-02')}`,
        ),
      ),
    ).toBe('2024-02-02');
  });

  it('reads article:published_time, parsely-pub-date and itemprop=datePublished', () => {
    expect(detectPublished(page(meta('property', 'article:published_time', '2024-09-23T21:15:00+00:00')))).toBe('2024-09-24');
    expect(detectPublished(page(meta('name', 'parsely-pub-date', '2024-05-06T10:00:00Z')))).toBe('2024-05-06');
    expect(detectPublished(page('', '<h1>عنوان</h1><span itemprop="datePublished" content="2024-06-07">7 يونيو</span>'))).toBe(
      '2024-06-07',
    );
    expect(detectPublished(page('', '<h1>عنوان</h1><span itemprop="datePublished">7 حزيران 2024</span>'))).toBe('2024-06-07');
  });

  it('reads <time datetime> in the article before one elsewhere on the page', () => {
    const body = `<aside><time datetime="2023-01-01">قديم</time></aside><div class="most-read"><time datetime="2023-02-02">قديم</time></div>
      <article><header><h1>عنوان</h1><time datetime="2024-08-09T09:00:00+03:00">9 آب</time></header><p>نص</p></article>`;
    expect(detectPublished(page('', body))).toBe('2024-08-09');
  });

  it('reads meta name=date and its kin', () => {
    expect(detectPublished(page(meta('name', 'date', '2024-10-11')))).toBe('2024-10-11');
    expect(detectPublished(page(meta('name', 'DC.date.issued', '2024-10-12')))).toBe('2024-10-12');
  });

  it('takes the sources in order: JSON-LD, Open Graph, Parse.ly, microdata, <time>, meta date', () => {
    const sources: { head?: string; body?: string; date: string }[] = [
      { head: ld({ '@type': 'NewsArticle', datePublished: '2024-01-01' }), date: '2024-01-01' },
      { head: meta('property', 'article:published_time', '2024-02-02'), date: '2024-02-02' },
      { head: meta('name', 'parsely-pub-date', '2024-03-03'), date: '2024-03-03' },
      { head: meta('itemprop', 'datePublished', '2024-04-04'), date: '2024-04-04' },
      { body: '<time datetime="2024-05-05">5</time>', date: '2024-05-05' },
      { head: meta('name', 'date', '2024-06-06'), date: '2024-06-06' },
    ];
    // With every source from the i-th on, the i-th wins.
    sources.forEach((source, i) => {
      const rest = sources.slice(i);
      const head = rest.map((s) => s.head ?? '').join('');
      const body = `<article><h1>عنوان</h1>${rest.map((s) => s.body ?? '').join('')}<p>نص</p></article>`;
      expect(detectPublished(page(head, body))).toBe(source.date);
    });
  });

  it('uses modification dates only when nothing gives the publication date', () => {
    expect(detectPublished(page(ld({ '@type': 'NewsArticle', dateModified: '2024-09-30' }) + meta('name', 'date', '2024-09-20')))).toBe(
      '2024-09-20',
    );
    expect(detectPublished(page(ld({ '@type': 'NewsArticle', dateModified: '2024-09-30' })))).toBe('2024-09-30');
    expect(detectPublished(page(meta('property', 'article:modified_time', '2024-10-01T00:30:00+03:00')))).toBe('2024-10-01');
  });

  it('prefers a date written in the byline to a modification time', () => {
    const body = '<article><h1>عنوان</h1><div class="byline">نشر في 3 آب 2024</div><p>نص</p></article>';
    expect(detectPublished(page(meta('property', 'article:modified_time', '2024-12-01'), body))).toBe('2024-08-03');
  });

  it('falls back to an Arabic date by the headline, in either month system and digit set', () => {
    const byline = (line: string): Document =>
      page(
        '',
        `<nav>الرئيسية</nav><article><h1>السوداني يبحث مستقبل التحالف</h1><div class="meta">${line}</div><p>نص الخبر الطويل عن العراق.</p></article>`,
      );
    expect(detectPublished(byline('بغداد - الثلاثاء 24 أيلول/سبتمبر 2024'))).toBe('2024-09-24');
    expect(detectPublished(byline('نُشر في ٢١ أبريل، ٢٠٢٤ - ٢:٥٦ ص'))).toBe('2024-04-21');
    expect(detectPublished(byline('۱۵ تشرین الأول ۲۰۲۳'))).toBe('2023-10-15');
    expect(detectPublished(byline('2024/04/21'))).toBe('2024-04-21');
  });

  it('reads the English «تاريخ النشر: 24th, September 2024» and prefers a published cue to an update', () => {
    const body = `<div>الحرة: 2025-03-29@01:10:57 GMT</div><h1>هل شارفت مهمة التحالف الدولي على الانتهاء؟</h1>
      <p>آخر تحديث: 25 سبتمبر 2024</p><p>تاريخ النشر: 24th, September 2024 GMT</p><p>لم تنته المحادثات بين بغداد وواشنطن.</p>`;
    expect(detectPublished(page('', body))).toBe('2024-09-24');
    expect(detectPublished(page('', '<h1>عنوان</h1><p>Published September 3, 2024</p>'))).toBe('2024-09-03');
  });

  it('reads an RDFa date typed xsd:dateTime (Drupal nodes) before the visible month', () => {
    const node = (attrs: string): string => `<div class="node"><h1>عنوان</h1><span ${attrs}>فيفري 2019</span><p>نص</p></div>`;
    expect(
      detectPublished(page('', node('property="dc:date dc:created" content="2019-02-08T00:00:00+01:00" datatype="xsd:dateTime"'))),
    ).toBe('2019-02-08');
    expect(detectPublished(page('', node('property="dcterms:issued" content="2019-02-07" datatype="xsd:date"')))).toBe('2019-02-07');
    expect(detectPublished(page('', node('property="dc:title" content="2019-02-01T00:00:00Z"')))).toBe('2019-02'); // not a date property
  });

  it('reads the Maghrebi month names in a byline, with or without the day', () => {
    const byline = (line: string): Document => page('', `<article><h1>عنوان</h1><div class="meta">${line}</div><p>نص</p></article>`);
    const months: [string, string][] = [
      ['جانفي', '01'],
      ['فيفري', '02'],
      ['مارس', '03'],
      ['أفريل', '04'],
      ['ماي', '05'],
      ['جوان', '06'],
      ['جويلية', '07'],
      ['أوت', '08'],
      ['سبتمبر', '09'],
      ['أكتوبر', '10'],
      ['نوفمبر', '11'],
      ['ديسمبر', '12'],
    ];
    for (const [name, mm] of months) {
      expect(detectPublished(byline(`تونس في 8 ${name} 2019`)), name).toBe(`2019-${mm}-08`);
      expect(detectPublished(byline(`${name} 2019`)), name).toBe(`2019-${mm}`);
    }
  });

  it("prefers the permalink's day and a published cue to a visible «last updated»", () => {
    const updated = '<article><h1>عنوان</h1><div class="meta">آخر تحديث: 12 مارس 2024</div><p>نص</p></article>';
    const canonical = '<link rel="canonical" href="https://example.tn/news/2024/03/05/story-title">';
    expect(detectPublished(page(canonical, updated))).toBe('2024-03-05');
    expect(detectPublished(page(meta('property', 'og:url', 'https://example.tn/2024-03-04-story.html'), updated))).toBe('2024-03-04');
    const both = (line: string): Document => page('', `<article><h1>عنوان</h1><div class="meta">${line}</div><p>نص</p></article>`);
    expect(detectPublished(both('نشر في 5 مارس 2024 | آخر تحديث 12 مارس 2024'))).toBe('2024-03-05');
    expect(detectPublished(both('آخر تحديث 12 مارس 2024 - تاريخ النشر 5 مارس 2024'))).toBe('2024-03-05');
    expect(detectPublished(both('آخر تحديث 12 مارس 2024</div><div class="place">تونس، 5 مارس 2024'))).toBe('2024-03-05');
  });

  it('finds a date line just above the headline', () => {
    expect(detectPublished(page('', '<div class="date">٢١ أبريل، ٢٠٢٤ ٢:٥٦ ص</div><h1>عنوان</h1><p>نص</p>'))).toBe('2024-04-21');
  });

  it('returns null when nothing dates the page', () => {
    expect(detectPublished(page(''))).toBeNull();
    expect(detectPublished(page('', '<h1>عنوان</h1><p>قال الشهر الماضي إن عام 2025 سيكون حاسما</p>'))).toBeNull();
  });
});

describe.each(DOM_KINDS)('detectPublished on the fixture pages (%s)', (kind) => {
  it.each(fixturePages().map((p) => [p.name, p] as const))('%s', (_, page) => {
    expect(detectPublished(parseDocument(page.html, kind))).toBe(page.published);
  });
});

/**
 * Whether a page is an article or something else (a home page, a section
 * front, a tag page): the popup must not speak of "this article" on a home
 * page. The page's own declaration first (Open Graph type, JSON-LD type, an
 * article publication time), then its address and shape: a site's root is a
 * front page, and an article has one headline.
 */

/** JSON-LD types that declare an article (schema.org's Article and its kinds). */
const ARTICLE_TYPE = /^(\w*Article|Report|BlogPosting|LiveBlogPosting)$/;

function jsonLdTypes(doc: Document): string[] {
  const types: string[] = [];
  for (const script of doc.querySelectorAll('script[type]')) {
    if (script.getAttribute('type')!.trim().toLowerCase() !== 'application/ld+json') continue;
    // The types are read from the text, not parsed: a broken block (they are common) still names them.
    for (const m of (script.textContent ?? '').matchAll(/"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")/g)) {
      for (const t of m[1]!.matchAll(/"([^"]*)"/g)) types.push(t[1]!.replace(/^.*[/#:]/, ''));
    }
  }
  return types;
}

function meta(doc: Document, property: string): string | null {
  for (const el of doc.querySelectorAll('meta[property], meta[name]')) {
    if ((el.getAttribute('property') ?? el.getAttribute('name'))?.toLowerCase() === property) return el.getAttribute('content');
  }
  return null;
}

export function isArticlePage(doc: Document): boolean {
  const ogType = meta(doc, 'og:type')?.trim().toLowerCase();
  if (ogType) return ogType === 'article' || ogType.startsWith('article:');
  if (jsonLdTypes(doc).some((t) => ARTICLE_TYPE.test(t))) return true;
  if (meta(doc, 'article:published_time')) return true;
  if (doc.location?.pathname === '/') return false;
  return doc.querySelectorAll('h1').length === 1;
}

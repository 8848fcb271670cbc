/**
 * One source article read the way the extension reads a page: for saved HTML,
 * the article's root and the text of its blocks (lib/detect) and the
 * publication date Siyaq would detect (lib/dates/published); for plain text,
 * the text itself, with a publication date looked for near its top by the
 * same reader. Quotes, dates and aliases are then checked against this text,
 * so what the author quotes is what a reader's Siyaq would see.
 */
import { parseHTML } from 'linkedom';
import { detectPublished } from '../dates/published';
import { articleRoot } from '../reading/article';
import { pageText, readBlocks } from '../reading/page-text';

export type ArticleKind = 'txt' | 'html';

export interface ReadArticle {
  /** The text quotes must stand in. */
  text: string;
  /** What Siyaq's date reader finds ("YYYY-MM-DD", "YYYY-MM" or null). */
  published: string | null;
  /** The page's own title (og:title, the headline, <title>) or a text's first line. */
  title: string | null;
  /** og:site_name / application-name, when the page names its outlet. */
  outlet: string | null;
}

export function articleKind(fileName: string): ArticleKind | null {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (ext === 'txt') return 'txt';
  if (ext === 'html' || ext === 'htm') return 'html';
  return null;
}

export function readArticle(raw: string, kind: ArticleKind): ReadArticle {
  return kind === 'html' ? readHtml(raw) : readText(raw);
}

function parse(html: string): Document {
  // linkedom puts a fragment without <html> beside, not inside, the document
  // element; a browser would wrap it, so wrap it the same way (as scripts/detect.ts does).
  const wrapped = /<html[\s>]/i.test(html) ? html : `<!doctype html><html>${html}</html>`;
  return parseHTML(wrapped).document;
}

function readHtml(raw: string): ReadArticle {
  const doc = parse(raw);
  const root = articleRoot(doc);
  const meta = (selector: string) => doc.querySelector(selector)?.getAttribute('content')?.trim() || null;
  const h1 = doc.querySelector('h1')?.textContent?.trim() || null;
  return {
    text: pageText(readBlocks(root)).text,
    published: detectPublished(doc, root),
    title: meta('meta[property="og:title"]') ?? h1 ?? (doc.querySelector('title')?.textContent?.trim() || null),
    outlet: meta('meta[property="og:site_name"]') ?? meta('meta[name="application-name"]'),
  };
}

function readText(raw: string): ReadArticle {
  const lines = raw
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // The same reader as for pages: the first line stands as the headline, the
  // next lines as the blocks by it, where bylines put their dates.
  const doc = parseHTML('<!doctype html><html><body><article></article></body></html>').document;
  const article = doc.querySelector('article')!;
  lines.slice(0, 12).forEach((line, i) => {
    const el = doc.createElement(i === 0 ? 'h1' : 'p');
    el.textContent = line;
    article.appendChild(el);
  });
  return { text: raw, published: lines.length ? detectPublished(doc, article) : null, title: lines[0] ?? null, outlet: null };
}

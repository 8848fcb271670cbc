/**
 * News pages for `npm run bench:browser`, built at run time from the seed
 * articles (never stored): an <article> of <p> paragraphs with the mess real
 * Arabic pages have — a menu, related-links boxes and figures inside the
 * article, names wrapped in or split by inline tags, <br>s, stray harakat and
 * tatweel — repeated to the size asked for.
 */
import { readSeed, seedFiles } from '../../seeds';

/** Words of a typical outlet menu; a few are names the corpus knows, as on real sites. */
const MENU = ['الرئيسية', 'أخبار', 'العراق', 'سوريا', 'السوداني', 'داعش', 'سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'منوعات', 'فيديو'];
const HARAKAT = ['\u064e', '\u064f', '\u0650', '\u0651', '\u0652', '\u064b', '\u064d'];
const TATWEEL = '\u0640';

/** Paragraphs of the given seed files (all of them by default), in order. */
export function seedParagraphs(files: string[] = seedFiles()): string[] {
  return files.flatMap((f) =>
    readSeed(f)
      .split(/\n+/)
      .map((p) => p.trim())
      .filter((p) => p.length > 0),
  );
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A deterministic xorshift generator, so every run builds the same page. */
function random(seed: number): (n: number) => number {
  let x = seed | 0 || 1;
  return (n) => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) % n;
  };
}

/** One word, sometimes dressed the way CMSs and editors dress words. */
function messWord(word: string, rand: (n: number) => number): string {
  let w = word;
  const arabic = /^[\u0621-\u064a]{3,}$/.test(w);
  if (arabic && rand(100) < 3) {
    const at = 1 + rand(w.length - 1);
    w = w.slice(0, at) + HARAKAT[rand(HARAKAT.length)]! + w.slice(at);
  } else if (arabic && w.length >= 4 && rand(100) < 2) {
    const at = 2 + rand(w.length - 3);
    w = w.slice(0, at) + TATWEEL + w.slice(at);
  }
  const html = escapeHtml(w);
  const roll = rand(100);
  if (roll < 3) return `<a href="/tag/${rand(1000)}">${html}</a>`;
  if (roll < 5) return `<b>${html}</b>`;
  if (roll < 6 && w.length >= 4) {
    // A word split by an inline tag mid-way (a CMS's search-term highlight, a link on a prefix).
    const at = w.length >> 1;
    return `${escapeHtml(w.slice(0, at))}<span class="hl">${escapeHtml(w.slice(at))}</span>`;
  }
  return html;
}

function messParagraph(text: string, rand: (n: number) => number): string {
  const words = text.split(' ').map((w) => messWord(w, rand));
  if (words.length > 12 && rand(100) < 10) words.splice(words.length >> 1, 0, '<br>');
  return words.join(' ');
}

function related(paragraphs: readonly string[], rand: (n: number) => number): string {
  const items = [0, 1, 2].map(() => {
    const p = paragraphs[rand(paragraphs.length)]!;
    return `<li><a href="/news/${rand(100000)}">${escapeHtml(p.split(' ').slice(0, 8).join(' '))}</a></li>`;
  });
  return `<aside class="related-articles"><h3>اقرأ أيضا</h3><ul>${items.join('')}</ul></aside>`;
}

/**
 * An HTML page whose article holds `paragraphs` (the first one is the
 * headline), repeated until the page has at least `minChars` characters of
 * HTML (once through when 0).
 */
export function newsPage(paragraphs: readonly string[], minChars = 0): string {
  const rand = random(0x51a9);
  const menu = MENU.map((m, i) => `<li><a href="/section/${i}">${m}</a></li>`).join('');
  const head =
    '<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>سياق</title>' +
    '<meta property="article:published_time" content="2024-09-24T10:00:00+03:00"></head><body>' +
    `<header class="site-header"><nav><ul>${menu}</ul></nav></header><main><article>` +
    `<h1>${escapeHtml(paragraphs[0]!)}</h1><div class="article-body">`;
  const tail = `</div></article></main><footer><ul>${menu}</ul><p>جميع الحقوق محفوظة</p></footer></body></html>`;
  const parts: string[] = [head];
  let size = head.length + tail.length;
  let n = 0;
  do {
    for (const p of paragraphs.slice(1)) {
      n++;
      let html = `<p>${messParagraph(p, rand)}</p>`;
      if (n % 15 === 0) html += related(paragraphs, rand);
      if (n % 25 === 0)
        html += `<figure><img src="/img/${n}.jpg" alt=""><figcaption>${escapeHtml(p.split(' ').slice(0, 10).join(' '))}</figcaption></figure>`;
      parts.push(html);
      size += html.length;
    }
  } while (size < minChars);
  parts.push(tail);
  return parts.join('');
}

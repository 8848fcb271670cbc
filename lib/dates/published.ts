/**
 * The article's publication date: the reference every relative date on the
 * page resolves against, and what cards compare event dates with.
 *
 * Page metadata first, in the order ARABIC.md gives (JSON-LD, Open Graph
 * article tags, Parse.ly, microdata and RDFa, <time>, generic meta); then the
 * day in the permalink; then a date written by the headline, in either Arabic month system and either digit
 * set, or in English; modification dates only when nothing else dates the
 * page. An instant with a time zone is turned into the day it was in
 * Baghdad (UTC+3 all year round).
 */
import { articleRoot } from '../reading/article';
import { isSkippedElement, readBlocks } from '../reading/page-text';
import { type CalendarDate, dayAtOffset, formatDate, isValidDate } from './calendar';
import { findArabicDates } from './find';

const BAGHDAD_OFFSET_MINUTES = 180;

/** Article types in JSON-LD, best first: a news article beats a generic one, which beats the page. */
function typeRank(type: unknown): number {
  const types = Array.isArray(type) ? type : [type];
  let rank = 4;
  for (const t of types) {
    if (typeof t !== 'string') continue;
    const name = t.replace(/^.*[/#:]/, '');
    if (/NewsArticle$/.test(name)) rank = Math.min(rank, 0);
    else if (/^(Article|Report|BlogPosting|SocialMediaPosting|LiveBlogPosting|ScholarlyArticle|TechArticle)$/.test(name))
      rank = Math.min(rank, 1);
    else if (/WebPage$/.test(name)) rank = Math.min(rank, 2);
    else rank = Math.min(rank, 3);
  }
  return rank;
}

interface LdDates {
  published: { rank: number; value: string } | null;
  modified: { rank: number; value: string } | null;
}

function firstString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.find((x): x is string => typeof x === 'string') ?? null;
  return null;
}

/** Walks a JSON-LD value (objects, arrays, @graph, nested mainEntity) for the best-ranked dates. */
function collectLd(node: unknown, out: LdDates, depth: number): void {
  if (depth > 8 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) collectLd(item, out, depth + 1);
    return;
  }
  const obj = node as Record<string, unknown>;
  const rank = typeRank(obj['@type']);
  const published = firstString(obj.datePublished) ?? firstString(obj.dateCreated);
  if (published && (!out.published || rank < out.published.rank)) out.published = { rank, value: published };
  const modified = firstString(obj.dateModified);
  if (modified && (!out.modified || rank < out.modified.rank)) out.modified = { rank, value: modified };
  for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'hasPart']) {
    if (key in obj) collectLd(obj[key], out, depth + 1);
  }
}

function jsonLd(doc: Document): LdDates {
  const out: LdDates = { published: null, modified: null };
  for (const script of doc.querySelectorAll('script[type]')) {
    if (script.getAttribute('type')!.trim().toLowerCase() !== 'application/ld+json') continue;
    try {
      collectLd(JSON.parse(script.textContent ?? ''), out, 0);
    } catch {
      // A broken block (they are common) says nothing; the next one may.
    }
  }
  return out;
}

const ISO_DATETIME = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/i;
const COMPACT_DATE = /^\s*(\d{4})(\d{2})(\d{2})(?:\D|$)/;
const EPOCH = /^\s*(\d{10}|\d{13})\s*$/;
const YEAR_MONTH = /^\s*(\d{4})-(\d{2})\s*$/;

function inRange(d: CalendarDate): boolean {
  return d.year >= 1990 && d.year <= 2100;
}

/**
 * A metadata date as "YYYY-MM-DD" (Baghdad's day when it carries a time zone)
 * or "YYYY-MM"; null when it is not a date.
 */
export function metadataDay(value: string): string | null {
  const iso = ISO_DATETIME.exec(value);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (!isValidDate(year, month, day)) return null;
    let date: CalendarDate = { year, month, day };
    const zone = iso[7];
    if (iso[4] !== undefined && zone !== undefined) {
      const sign = zone.toUpperCase() === 'Z' ? 0 : zone.startsWith('-') ? -1 : 1;
      const digits = zone.replace(/[^\d]/g, '');
      const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
      const utc = Date.UTC(year, month - 1, day, Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0)) - offset * 60_000;
      date = dayAtOffset(utc, BAGHDAD_OFFSET_MINUTES);
    }
    return inRange(date) ? formatDate(date) : null;
  }
  const ym = YEAR_MONTH.exec(value);
  if (ym) {
    const date = { year: Number(ym[1]), month: Number(ym[2]) };
    return date.month >= 1 && date.month <= 12 && inRange(date) ? formatDate(date) : null;
  }
  const compact = COMPACT_DATE.exec(value);
  if (compact) {
    const [year, month, day] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    return isValidDate(year, month, day) && inRange({ year }) ? formatDate({ year, month, day }) : null;
  }
  const epoch = EPOCH.exec(value);
  if (epoch) {
    const ms = epoch[1]!.length === 13 ? Number(epoch[1]) : Number(epoch[1]) * 1000;
    const date = dayAtOffset(ms, BAGHDAD_OFFSET_MINUTES);
    return inRange(date) ? formatDate(date) : null;
  }
  // RFC 2822 and other forms Date knows, only when they name a zone
  // (otherwise Date would read them in the reader's own zone).
  if (/\b(GMT|UTC|Z)\b|[+-]\d{4}\b/i.test(value)) {
    const ms = Date.parse(value);
    if (!Number.isNaN(ms)) {
      const date = dayAtOffset(ms, BAGHDAD_OFFSET_MINUTES);
      return inRange(date) ? formatDate(date) : null;
    }
  }
  return null;
}

/**
 * The first date among <meta> tags whose name, property or itemprop is one of
 * `keys` (lower case), in the order of `keys`. Names are compared in lower
 * case by hand: not every DOM the reader runs in knows the `i` selector flag.
 */
function metaContent(doc: Document, keys: readonly string[]): string | null {
  const found = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta[content]')) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    if (!keys.includes(key) || found.has(key)) continue;
    const day = metadataDay(el.getAttribute('content') ?? '');
    if (day) found.set(key, day);
  }
  for (const key of keys) {
    const day = found.get(key);
    if (day) return day;
  }
  return null;
}

/** The date an element states: its datetime or content attribute, else its text. */
function elementDate(el: Element): string | null {
  const attr = el.getAttribute('datetime') ?? el.getAttribute('content');
  if (attr) {
    const day = metadataDay(attr);
    if (day) return day;
  }
  return textDate(el.textContent ?? '');
}

function inFurniture(el: Element): boolean {
  for (let cur: Element | null = el; cur; cur = cur.parentElement) if (isSkippedElement(cur)) return true;
  return false;
}

function itempropDate(doc: Document, prop: string): string | null {
  for (const el of doc.querySelectorAll(`[itemprop="${prop}"]`)) {
    const day = elementDate(el);
    if (day) return day;
  }
  return null;
}

/**
 * RDFa (Drupal's nodes and others): an element whose `property` names a
 * creation or issue date and whose `content` holds it, typed
 * xsd:dateTime or xsd:date — «<span property="dc:date dc:created"
 * content="2019-02-08T00:00:00+01:00" datatype="xsd:dateTime">فيفري 2019</span>».
 */
const RDFA_PUBLISHED = new Set([
  'dc:date',
  'dc:created',
  'dc:issued',
  'dcterms:created',
  'dcterms:issued',
  'dcterms:date',
  'schema:datepublished',
  'datepublished',
]);
function rdfaDate(doc: Document): string | null {
  for (const el of doc.querySelectorAll('[property][content]')) {
    if (el.tagName.toLowerCase() === 'meta' && !el.hasAttribute('datatype')) continue; // read with the meta tags
    const properties = (el.getAttribute('property') ?? '').toLowerCase().split(/\s+/);
    if (!properties.some((p) => RDFA_PUBLISHED.has(p))) continue;
    const day = metadataDay(el.getAttribute('content') ?? '');
    if (day) return day;
  }
  return null;
}

/**
 * The day a permalink names (…/2019/02/08/…, …/2019-02-08-…): the canonical
 * link, og:url, else the page's own address. CMSs put the publication day
 * there and never change it, so it outranks a visible «last updated».
 */
const URL_DAY = /\/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?=[/\-_.]|$)/;
function urlDate(doc: Document): string | null {
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  for (const url of [canonical, og, doc.URL]) {
    if (!url || !/^https?:/i.test(url)) continue;
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      continue;
    }
    const m = URL_DAY.exec(path);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (isValidDate(year, month, day) && inRange({ year })) return formatDate({ year, month, day });
  }
  return null;
}

/** <time datetime> in the article (or its header) first, then anywhere outside the furniture. */
function timeElementDate(doc: Document, root: Element): string | null {
  const inArticle = [...root.querySelectorAll('time[datetime]')];
  const h1 = doc.querySelector('h1');
  const near = h1?.closest('header, article') ?? null;
  const nearHeadline = near ? [...near.querySelectorAll('time[datetime]')] : [];
  for (const el of [...nearHeadline, ...inArticle, ...doc.querySelectorAll('time[datetime]')]) {
    if (el.hasAttribute('pubdate') || !inFurniture(el)) {
      const value = el.getAttribute('datetime');
      const day = value ? metadataDay(value) : null;
      if (day) return day;
    }
  }
  return null;
}

/** Meta keys of the publication date, group by group (microdata and <time> come after them); generic and modification keys later. */
const PUBLISHED_META = [['article:published_time', 'og:article:published_time'], ['parsely-pub-date']];
const GENERIC_META = [
  'date',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'dc.date.issued',
  'dcterms.issued',
  'dc.date',
  'dcterms.created',
  'sailthru.date',
  'og:pubdate',
];
const MODIFIED_META = ['article:modified_time', 'og:updated_time', 'last-modified', 'dcterms.modified'];

// English dates in bylines: «24th, September 2024», «September 24, 2024», «24 Sep 2024».
const EN_MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const EN_MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const EN_DAY_FIRST = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?,? ${EN_MONTH},? (\\d{4})\\b`, 'i');
const EN_MONTH_FIRST = new RegExp(`\\b${EN_MONTH} (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4})\\b`, 'i');

function englishDate(text: string): string | null {
  let m = EN_DAY_FIRST.exec(text);
  let parts: [string, string, string] | null = m ? [m[3]!, m[2]!, m[1]!] : null;
  if (!parts) {
    m = EN_MONTH_FIRST.exec(text);
    parts = m ? [m[3]!, m[1]!, m[2]!] : null;
  }
  if (!parts) return null;
  const year = Number(parts[0]);
  const month = EN_MONTHS.indexOf(parts[1].slice(0, 3).toLowerCase()) + 1;
  const day = Number(parts[2]);
  return isValidDate(year, month, day) && inRange({ year }) ? formatDate({ year, month, day }) : null;
}

/** The first absolute date in a piece of text (a byline, a <time>'s text), day or month precision. */
function textDate(text: string): string | null {
  const arabic = findArabicDates(text).find((d) => d.precision !== 'year');
  return arabic?.date ?? englishDate(text);
}

/** Words that mark a byline's publication date, and ones that mark an update. */
const PUBLISHED_CUE = /(نشر|النشر|تاريخ|published|posted)/i;
const UPDATED_CUE = /(تحديث|حدث|عدل|updated|modified)/i;
/** Blocks read on either side of the headline. */
const BLOCKS_AFTER = 8;
const BLOCKS_BEFORE = 4;

/**
 * A date written near the headline: the blocks just after the h1 (byline,
 * dateline), then just before it (a kicker with the date). A block that says
 * it gives the publication date wins over one that gives an update.
 */
function headlineDate(doc: Document, root: Element): string | null {
  const h1 = root.querySelector('h1') ?? doc.querySelector('h1');
  // Read the article, widened (a few levels at most) to a headline that stands outside it.
  let scope = root;
  if (h1 && !root.contains(h1)) {
    let cur: Element | null = h1.parentElement;
    for (let up = 0; cur && up < 4 && !cur.contains(root); up++) cur = cur.parentElement;
    scope = cur && cur.contains(root) ? cur : (h1.parentElement ?? root);
  }
  const blocks = readBlocks(scope);
  const at = h1
    ? Math.max(
        0,
        blocks.findIndex((b) => b.element === h1 || h1.contains(b.element)),
      )
    : 0;
  const order = [...blocks.slice(at, at + BLOCKS_AFTER + 1), ...blocks.slice(Math.max(0, at - BLOCKS_BEFORE), at).reverse()];
  let fallback: string | null = null;
  for (const block of order) {
    for (const { cue, text } of cueSegments(block.text)) {
      const date = cue === 'updated' ? null : textDate(text);
      if (!date) continue;
      if (cue === 'published') return date;
      fallback ??= date;
    }
  }
  return fallback;
}

/**
 * A byline cut at its cue words, each piece with the cue before it: «نشر في
 * 5 مارس 2024 | آخر تحديث 12 مارس 2024» is a published piece and an updated
 * one, in whichever order the outlet writes them.
 */
function cueSegments(text: string): { cue: 'published' | 'updated' | null; text: string }[] {
  const cues = new RegExp(`${UPDATED_CUE.source}|${PUBLISHED_CUE.source}`, 'gi');
  const out: { cue: 'published' | 'updated' | null; text: string }[] = [];
  let cue: 'published' | 'updated' | null = null;
  let from = 0;
  for (let m = cues.exec(text); m; m = cues.exec(text)) {
    if (m.index > from) out.push({ cue, text: text.slice(from, m.index) });
    cue = UPDATED_CUE.test(m[0]) ? 'updated' : 'published';
    from = m.index + m[0].length;
  }
  out.push({ cue, text: text.slice(from) });
  return out;
}

/**
 * The article's publication date: "YYYY-MM-DD" when the day is known, "YYYY-MM", or null.
 * `root` is the article's element when the caller has found it already (articleRoot).
 */
export function detectPublished(doc: Document, root?: Element): string | null {
  const ld = jsonLd(doc);
  const fromLd = ld.published ? metadataDay(ld.published.value) : null;
  if (fromLd) return fromLd;
  for (const keys of PUBLISHED_META) {
    const day = metaContent(doc, keys);
    if (day) return day;
  }
  const microdata = itempropDate(doc, 'datePublished') ?? rdfaDate(doc);
  if (microdata) return microdata;
  const article = root ?? articleRoot(doc);
  const time = timeElementDate(doc, article);
  if (time) return time;
  const generic = metaContent(doc, GENERIC_META);
  if (generic) return generic;
  // A date the byline gives is the publication date more often than a
  // modification time is: the text comes before the modified-time fields,
  // and the permalink's day before both (it is never an update's).
  return (
    urlDate(doc) ??
    headlineDate(doc, article) ??
    (ld.modified ? metadataDay(ld.modified.value) : null) ??
    metaContent(doc, MODIFIED_META) ??
    itempropDate(doc, 'dateModified')
  );
}

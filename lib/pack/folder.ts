/**
 * A pack folder, the form a pack is written in (docs/packs.md):
 *
 *   DIR/pack.json      the pack minus its sources and build fields, plus
 *                      authoring fields (language, licence, sourceOrder, lookAlikes)
 *   DIR/sources/       the articles (.txt, .html) and, per source, a sidecar
 *                      NAME.json (outlet, title, address, date and its basis);
 *                      a .txt may carry the same fields as front matter instead
 *   DIR/review.json    what `pack draft` proposes, for the author to decide
 *
 * A sidecar names its article by `file` (in sources/) or by `path` (relative
 * to the sidecar, for articles kept outside the pack, as the bundled corpus
 * keeps the seed articles); by default it pairs with the article of the same
 * name. One article may carry several sources (two sidecars naming one
 * file): `startsAt` and `endsBefore` then give, verbatim, the first words of
 * the source's part and the words just after it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import type { CorpusEvent, CorpusPack, Localized, Question, Source, Topic } from '../corpus/types';
import { type ArticleKind, articleKind, readArticle } from './article';

export const MANIFEST = 'pack.json';
export const SOURCES = 'sources';
export const REVIEW = 'review.json';

/** pack.json. Fields other than these pass through to the built pack unchanged. */
export interface PackManifest {
  id: string;
  version: number;
  title: Localized;
  /** The language of the sources ("ar"). */
  language: string;
  /** Whose words the pack holds and on what terms (quotes, summaries, descriptions). */
  licence: string;
  /** Source ids in the order the built pack lists them; sources not named follow, by id. */
  sourceOrder?: string[];
  /** Authoring only: per topic id, phrases that must not be taken for it («الجيش السوداني»). */
  lookAlikes?: Record<string, string[]>;
  topics: Topic[];
  events: CorpusEvent[];
  questions?: Question[];
  [more: string]: unknown;
}

/** Fields of pack.json that stay in the folder: the built pack does not carry them. */
export const AUTHORING_FIELDS = ['sourceOrder', 'lookAlikes'] as const;

export interface SourceSidecar {
  id?: string;
  file?: string;
  path?: string;
  outlet?: string;
  /** The outlet's name in the English interface, when it has one. */
  outletEn?: string;
  title?: string;
  url?: string;
  published?: string | null;
  publishedBasis?: string;
  /** The first words of this source's part of the file, as written there. */
  startsAt?: string;
  /** The words just after this source's part, as written there. */
  endsBefore?: string;
}

/** Sidecar fields that only say where the article is: the built pack does not carry them. */
export const SIDECAR_LOCATION_FIELDS = ['path', 'startsAt', 'endsBefore'] as const;

export type DateFrom = 'author' | 'reader' | 'none';

export interface PackSource {
  /** The source as the built pack carries it. */
  source: Source;
  /** The text quotes must stand in, as the extension reads the article. */
  text: string;
  kind: ArticleKind;
  /** Where the article was read from. */
  location: string;
  /** Where `source.published` came from: the author's sidecar, Siyaq's date reader, or nowhere. */
  dateFrom: DateFrom;
  /** What Siyaq's date reader finds in the article, whatever the author wrote. */
  readerPublished: string | null;
  /** The author gave the date or its basis (a date the reader found is then the author's too). */
  confirmed: boolean;
}

export interface PackFolder {
  dir: string;
  manifest: PackManifest;
  sources: PackSource[];
  /** Problems met while reading the folder (a missing article, a sidecar that is not JSON). */
  problems: string[];
}

export function readJson<T>(path: string): T {
  const text = readFileSync(path, 'utf8');
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${path} is not valid JSON: ${(e as Error).message}`);
  }
}

export function readManifest(dir: string): PackManifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new Error(`${path} not found: is ${dir} a pack folder? (npm run pack -- new ${dir} makes one)`);
  const manifest = readJson<PackManifest>(path);
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) throw new Error(`${path} must hold a JSON object`);
  return manifest;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUtf8(path: string): string {
  try {
    return utf8.decode(readFileSync(path));
  } catch (e) {
    if (e instanceof TypeError) throw new Error(`${path} is not valid UTF-8`);
    throw e;
  }
}

/** `---` front matter at the top of a .txt: `key: value` lines. Returns the fields and the text after it. */
export function splitFrontMatter(raw: string): { fields: SourceSidecar; text: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(raw);
  if (!m) return { fields: {}, text: raw };
  const fields: Record<string, string | null> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv) fields[kv[1]!] = kv[2] === 'null' || kv[2] === '' ? null : kv[2]!;
  }
  return { fields: fields, text: raw.slice(m[0].length) };
}

/** Reads the manifest and every source of the pack folder `dir`. */
export function readPackFolder(dir: string): PackFolder {
  const manifest = readManifest(dir);
  const problems: string[] = [];
  const sourcesDir = join(dir, SOURCES);
  const names = existsSync(sourcesDir) ? readdirSync(sourcesDir).sort() : [];
  if (!existsSync(sourcesDir)) problems.push(`${sourcesDir} does not exist: put the articles there.`);

  const sidecars: { name: string; car: SourceSidecar }[] = [];
  for (const name of names.filter((n) => n.endsWith('.json'))) {
    try {
      sidecars.push({ name, car: readJson<SourceSidecar>(join(sourcesDir, name)) });
    } catch (e) {
      problems.push((e as Error).message);
    }
  }
  const articles = names.filter((n) => articleKind(n) !== null);
  const stem = (n: string) => n.replace(/\.[^.]+$/, '');
  const claimed = new Set<string>();
  const sources: PackSource[] = [];

  for (const { name, car } of sidecars) {
    const id = car.id ?? stem(name);
    let location: string;
    if (car.path) location = resolve(sourcesDir, car.path);
    else if (car.file) location = join(sourcesDir, car.file);
    else {
      const own = articles.find((a) => stem(a) === stem(name));
      if (!own) {
        problems.push(`sources/${name}: no article beside it (${stem(name)}.txt or .html) and no "file" or "path" naming one.`);
        continue;
      }
      location = join(sourcesDir, own);
    }
    claimed.add(resolve(location));
    const read = readSource(location, id, car, problems, `sources/${name}`);
    if (read) sources.push(read);
  }
  for (const name of articles) {
    const location = join(sourcesDir, name);
    if (claimed.has(resolve(location))) continue;
    const read = readSource(location, stem(name), {}, problems, `sources/${name}`);
    if (read) sources.push(read);
  }

  const order = manifest.sourceOrder ?? [];
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  sources.sort((a, b) => rank(a.source.id) - rank(b.source.id) || a.source.id.localeCompare(b.source.id));
  return { dir, manifest, sources, problems };
}

function readSource(location: string, id: string, car: SourceSidecar, problems: string[], where: string): PackSource | null {
  const kind = articleKind(location);
  if (!kind) {
    problems.push(`${where}: ${location} is neither .txt nor .html.`);
    return null;
  }
  if (!existsSync(location)) {
    problems.push(`${where}: the article ${location} does not exist.`);
    return null;
  }
  let raw: string;
  try {
    raw = readUtf8(location);
  } catch (e) {
    problems.push(`${where}: ${(e as Error).message}`);
    return null;
  }
  let fields = car;
  if (kind === 'txt') {
    const split = splitFrontMatter(raw);
    fields = { ...split.fields, ...car };
    raw = part(split.text, fields, problems, where) ?? '';
  }
  const article = readArticle(raw, kind);
  if (kind === 'html') article.text = part(article.text, fields, problems, where) ?? '';
  const given = fields.published !== undefined && fields.published !== null;
  const dateFrom: DateFrom = given ? 'author' : article.published ? 'reader' : 'none';
  const published = given ? fields.published! : article.published;
  const basis =
    fields.publishedBasis ??
    (dateFrom === 'reader'
      ? `Read by Siyaq's date reader from the ${kind === 'html' ? 'page (metadata, or the date by the headline)' : 'top of the text'}; not confirmed by the author.`
      : dateFrom === 'author'
        ? 'Given by the pack author.'
        : 'Unknown: no date was given, and Siyaq’s date reader found none.');
  const source: Source = {
    id,
    file: fields.file ?? basename(location),
    outlet: fields.outlet ?? article.outlet ?? '',
    ...(fields.outletEn ? { outletEn: fields.outletEn } : {}),
    title: fields.title ?? article.title ?? '',
    published,
    publishedBasis: basis,
  };
  if (fields.url) source.url = fields.url;
  const confirmed = given || fields.publishedBasis !== undefined;
  return { source, text: article.text, kind, location, dateFrom, readerPublished: article.published, confirmed };
}

/** The part of `text` between `startsAt` and `endsBefore` (the whole text without them); null when an anchor is not in it. */
function part(text: string, fields: SourceSidecar, problems: string[], where: string): string | null {
  const from = fields.startsAt ? text.indexOf(fields.startsAt) : 0;
  if (from < 0) {
    problems.push(`${where}: "startsAt" («${fields.startsAt}») is not in the article.`);
    return null;
  }
  const to = fields.endsBefore ? text.indexOf(fields.endsBefore, from) : text.length;
  if (to < 0) {
    problems.push(`${where}: "endsBefore" («${fields.endsBefore}») is not in the article after "startsAt".`);
    return null;
  }
  return text.slice(from, to);
}

/** The pack the folder builds, before its content hash: the pack format's fields first, in the bundled corpus's order. */
export function assemblePack(folder: PackFolder): CorpusPack & Record<string, unknown> {
  const { id, version, title, topics, events, questions, ...rest } = folder.manifest;
  for (const field of AUTHORING_FIELDS) delete rest[field];
  const pack: CorpusPack & Record<string, unknown> = {
    format: 'siyaq-corpus',
    version,
    id,
    title,
    sources: folder.sources.map((s) => s.source),
    topics,
    events,
  };
  if (questions !== undefined) pack.questions = questions;
  return Object.assign(pack, rest);
}

/** Where a source's article is, relative to the folder (for reports). */
export function relativeLocation(folder: PackFolder, s: PackSource): string {
  return relative(folder.dir, s.location);
}

/**
 * `npm run --silent detect -- FILE...` (DESIGN.md contract 3).
 *
 * Prints, per file, {"topics": [...], "mentions": [{topic, start, end, text}]}
 * (plus "published" for .html) — one object for one file; one object per line,
 * each with "file", for several. A name nested in a longer name of another
 * topic («داعش» in «التحالف الدولي لدحر داعش») is a mention too, flagged
 * "inner": true, and its topic is among "topics".
 *
 * Offsets are UTF-16 code units: for .txt (and any name not ending in .html or
 * .htm) into the file's text as decoded from UTF-8; for .html into the text the content script reads, the article's text
 * blocks joined by '\n' (pageText(readBlocks(articleRoot(doc))), linkedom as
 * the DOM). A leading byte-order mark is not text: the decoder drops it (as
 * browsers do), so offset 0 is the first character after it.
 *
 * The corpus is data/corpus.json (SIYAQ_CORPUS names another pack file, for
 * tests), compiled once whatever the number of files. A missing file, a
 * directory or bytes that are not UTF-8 give a one-line
 * error on stderr naming the file and a non-zero exit; the other files are
 * still reported.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import type { CorpusPack } from '../lib/corpus/types';
import { detectPublished } from '../lib/dates/published';
import { type Mention, type Matcher, compileMatcher, detect } from '../lib/detect/detect';
import { articleRoot } from '../lib/reading/article';
import { pageText, readBlocks } from '../lib/reading/page-text';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface Report {
  topics: string[];
  mentions: Pick<Mention, 'topic' | 'start' | 'end' | 'text' | 'inner'>[];
  published?: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw new Error(`${file}: ${why}`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new Error(`${file}: not valid UTF-8`);
  }
}

function report(mentions: Mention[]): Report {
  return {
    topics: [...new Set(mentions.map((m) => m.topic))],
    mentions: mentions.map(({ topic, start, end, text: t, inner }) => ({ topic, start, end, text: t, ...(inner ? { inner } : {}) })),
  };
}

function detectFile(file: string, matcher: Matcher): Report {
  const text = readText(file);
  const ext = extname(file).toLowerCase();
  if (ext !== '.html' && ext !== '.htm') return report(detect(text, matcher, { inner: true }));
  // linkedom puts a fragment without <html> beside, not inside, the document
  // element; a browser would wrap it, so wrap it the same way.
  const html = /<html[\s>]/i.test(text) ? text : `<!doctype html><html>${text}</html>`;
  const doc = parseHTML(html).document;
  const page = pageText(readBlocks(articleRoot(doc))).text;
  return { ...report(detect(page, matcher, { inner: true })), published: detectPublished(doc) };
}

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent detect -- FILE.txt|FILE.html...\n');
    return 2;
  }
  const corpus = process.env.SIYAQ_CORPUS || join(REPO_ROOT, 'data', 'corpus.json');
  let pack: CorpusPack;
  try {
    pack = JSON.parse(readFileSync(corpus, 'utf8')) as CorpusPack;
  } catch (e) {
    process.stderr.write(`detect: cannot read the corpus ${corpus}: ${(e as Error).message}\n`);
    return 2;
  }
  const matcher = compileMatcher(pack.topics);
  let status = 0;
  for (const file of files) {
    let out: Report;
    try {
      out = detectFile(file, matcher);
    } catch (e) {
      process.stderr.write(`detect: ${(e as Error).message}\n`);
      status = 1;
      continue;
    }
    process.stdout.write(JSON.stringify(files.length > 1 ? { file, ...out } : out) + '\n');
  }
  return status;
}

process.exitCode = main(process.argv.slice(2));

/**
 * `npm run --silent detect -- FILE...` (DESIGN.md contract 3).
 *
 * Prints, per file, {"topics": [...], "mentions": [{topic, start, end, text}]}
 * — one object for one file; one object per line, each with "file", for
 * several. Offsets are UTF-16 code units into the file's text as decoded from
 * UTF-8. A leading byte-order mark is not text: it is dropped by the decoder
 * (as browsers do), so offset 0 is the first character after it.
 *
 * The corpus is data/corpus.json (SIYAQ_CORPUS names another pack file, for
 * tests), compiled once whatever the number of files. A missing file, a
 * directory or bytes that are not UTF-8 give a one-line error on stderr naming
 * the file and a non-zero exit; the other files are still reported.
 */
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { CorpusPack } from '../lib/corpus/types';
import { type Mention, compileMatcher, detect } from '../lib/detect/detect';
import { REPO_ROOT } from '../test/seeds';

interface Report {
  file?: string;
  topics: string[];
  mentions: Pick<Mention, 'topic' | 'start' | 'end' | 'text'>[];
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
    mentions: mentions.map(({ topic, start, end, text: t }) => ({ topic, start, end, text: t })),
  };
}

function main(files: string[]): number {
  if (files.length === 0) {
    process.stderr.write('usage: npm run --silent detect -- FILE.txt|FILE.html...\n');
    return 2;
  }
  const corpus = process.env.SIYAQ_CORPUS ?? join(REPO_ROOT, 'data', 'corpus.json');
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
      const text = readText(file);
      if (extname(file).toLowerCase() !== '.txt') throw new Error(`${file}: not a .txt file`);
      out = report(detect(text, matcher));
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

/**
 * `npm run pack -- COMMAND DIR …`: make a corpus pack from a folder of
 * articles (docs/packs.md). The work is done in lib/pack/; this file reads
 * arguments, writes files and prints.
 *
 *   new DIR                         a pack folder to fill in
 *   draft DIR                       proposals and candidate names → DIR/review.json
 *   accept DIR                      accepted proposals → DIR/pack.json
 *   check DIR                       the report; exit 1 on errors
 *   build DIR [--out FILE]          the pack file to import (default DIR/dist/ID.json); exit 1 on errors
 *   import-json FILE DIR [--articles ARTICLES_DIR]
 *                                   a pack file split into a pack folder
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CorpusPack } from '../lib/corpus/types';
import { buildPack, packJson } from '../lib/pack/build';
import { checkPack, formatReport } from '../lib/pack/check';
import { type Review, draftReview } from '../lib/pack/draft';
import { MANIFEST, REVIEW, SOURCES, type SourceSidecar, readJson, readManifest, readPackFolder } from '../lib/pack/folder';
import { type Files, acceptProposals, newPackFiles, splitPack } from '../lib/pack/scaffold';

const USAGE = `usage: npm run pack -- new DIR
       npm run pack -- draft DIR
       npm run pack -- accept DIR
       npm run pack -- check DIR
       npm run pack -- build DIR [--out FILE]
       npm run pack -- import-json FILE DIR [--articles ARTICLES_DIR]`;

function write(files: Files): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
}

function readReview(dir: string): Review | null {
  const path = join(dir, REVIEW);
  return existsSync(path) ? readJson<Review>(path) : null;
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value) throw new Error(`${name} needs a value`);
  args.splice(at, 2);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const out = option(args, '--out');
  const articles = option(args, '--articles');
  const [command, ...rest] = args;
  const dir = rest[0];
  if (!command || !dir) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  switch (command) {
    case 'new': {
      if (existsSync(join(dir, MANIFEST))) throw new Error(`${join(dir, MANIFEST)} exists already; nothing written`);
      write(newPackFiles(dir));
      mkdirSync(join(dir, SOURCES), { recursive: true });
      process.stdout.write(
        `Made ${dir}/: fill in ${MANIFEST} (id, title, topics with their aliases), put articles (.txt or .html) in ${SOURCES}/ ` +
          `with a sidecar NAME.json each (outlet, outletEn, title, url, published, publishedBasis), then: npm run pack -- draft ${dir}\n`,
      );
      return 0;
    }
    case 'draft': {
      const folder = readPackFolder(dir);
      const review = draftReview(folder, readReview(dir));
      write(new Map([[join(dir, REVIEW), packJson(review)]]));
      const pending = review.proposals.filter((p) => p.decision === 'pending').length;
      for (const p of folder.problems) process.stdout.write(`problem: ${p}\n`);
      process.stdout.write(
        `${folder.sources.length} source(s) read. ${join(dir, REVIEW)}: ${review.proposals.length} proposal(s), ${pending} awaiting your decision; ` +
          `candidate names: ${review.candidates.latin.length} Latin, ${review.candidates.arabic.length} Arabic.\n`,
      );
      return 0;
    }
    case 'accept': {
      const review = readReview(dir);
      if (!review) throw new Error(`${join(dir, REVIEW)} not found: run draft first`);
      const result = acceptProposals(readManifest(dir), review);
      if (!result.ok) {
        process.stdout.write(`Nothing accepted:\n${result.errors.map((e) => `  ${e}`).join('\n')}\n`);
        return 1;
      }
      write(
        new Map([
          [join(dir, MANIFEST), packJson(result.manifest)],
          [join(dir, REVIEW), packJson(result.review)],
        ]),
      );
      process.stdout.write(`${result.accepted.length} event(s) added to ${join(dir, MANIFEST)}: ${result.accepted.join(', ') || 'none'}\n`);
      return 0;
    }
    case 'check': {
      const result = checkPack(readPackFolder(dir), readReview(dir));
      process.stdout.write(`${formatReport(result)}\n`);
      return result.errors ? 1 : 0;
    }
    case 'build': {
      const folder = readPackFolder(dir);
      const result = await buildPack(folder, readReview(dir));
      if (!result.ok) {
        process.stdout.write(`${formatReport(result.check)}\nNot built.\n`);
        return 1;
      }
      const file = out ?? join(dir, 'dist', `${folder.manifest.id}.json`);
      const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CorpusPack & { contentHash?: string }) : null;
      write(new Map([[file, result.json]]));
      process.stdout.write(`${result.check.warnings} warning(s) (npm run pack -- check ${dir} lists them).\n`);
      process.stdout.write(`Built ${file}: version ${folder.manifest.version}, content hash ${result.hash}.\n`);
      if (before?.contentHash && before.contentHash !== result.hash && before.version === folder.manifest.version) {
        process.stdout.write(
          `The content changed but the version did not: raise "version" in ${join(dir, MANIFEST)} before you share it.\n`,
        );
      }
      return 0;
    }
    case 'import-json': {
      const target = rest[1];
      if (!target) throw new Error(`import-json needs FILE and DIR\n${USAGE}`);
      const pack = readJson<CorpusPack & Record<string, unknown>>(dir);
      const previous = existsSync(join(target, MANIFEST)) ? readManifest(target) : null;
      const sourcesDir = join(target, SOURCES);
      const previousSidecars = new Map<string, SourceSidecar>();
      if (existsSync(sourcesDir)) {
        for (const name of readdirSync(sourcesDir).filter((n) => n.endsWith('.json'))) {
          const car = readJson<SourceSidecar>(join(sourcesDir, name));
          previousSidecars.set(car.id ?? name.replace(/\.json$/, ''), car);
        }
      }
      const files = splitPack(pack, target, { articlesDir: articles, previous, previousSidecars });
      // Sidecars of sources the pack no longer has would come back as sources.
      if (existsSync(sourcesDir)) {
        for (const name of readdirSync(sourcesDir)) {
          if (name.endsWith('.json') && !files.has(join(sourcesDir, name))) rmSync(join(sourcesDir, name));
        }
      }
      write(files);
      process.stdout.write(`${target}/: ${MANIFEST} and ${pack.sources.length} source sidecar(s) written from ${dir}.\n`);
      return 0;
    }
    default:
      process.stderr.write(`unknown command "${command}"\n${USAGE}\n`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`pack: ${(e as Error).message}\n`);
    process.exitCode = 2;
  },
);

/**
 * The files `pack new`, `pack import-json` and `pack accept` write, as
 * path → text (the command line writes them): a new folder's skeleton, an
 * existing pack file split back into a folder, and accepted proposals moved
 * from the review file into pack.json.
 */
import { basename, join, relative } from 'node:path';
import type { CorpusEvent, CorpusPack } from '../corpus/types';
import { ID_PATTERN } from '../corpus/schema';
import { packJson } from './build';
import { type Proposal, REVIEW_ABOUT, type Review } from './draft';
import { MANIFEST, type PackManifest, REVIEW, SIDECAR_LOCATION_FIELDS, SOURCES, type SourceSidecar } from './folder';

export type Files = Map<string, string>;

export const DEFAULT_LICENCE =
  'Quotes are short excerpts of the cited articles, kept verbatim as evidence and credited to their outlets; titles, summaries and descriptions are the pack authors’ own words.';

/** A new pack folder: pack.json with every field to fill in, an empty sources/ and review file. */
export function newPackFiles(dir: string): Files {
  const id =
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, '-')
      .replace(/^[^a-z0-9]+/, '') || 'my-pack';
  const manifest: PackManifest = {
    id: ID_PATTERN.test(id) ? id : 'my-pack',
    version: 1,
    title: { ar: 'عنوان الحزمة', en: 'Pack title' },
    language: 'ar',
    licence: DEFAULT_LICENCE,
    lookAlikes: {},
    topics: [],
    events: [],
  };
  const review: Review = { about: REVIEW_ABOUT, proposals: [], candidates: { latin: [], arabic: [] } };
  return new Map([
    [join(dir, MANIFEST), packJson(manifest)],
    [join(dir, REVIEW), packJson(review)],
  ]);
}

/**
 * A pack file split into a folder: pack.json holds everything but the pack
 * format's marker, the sources and the content hash; each source becomes a
 * sidecar sources/ID.json. With `articlesDir`, sidecars point at the articles
 * there (`path`), which stay where they are; without, the articles are
 * expected in sources/. What the pack file cannot hold is kept from an
 * existing folder: pack.json's lookAlikes, and sidecars' `path` (unless
 * `articlesDir` is given), `startsAt` and `endsBefore`.
 */
export function splitPack(
  pack: CorpusPack & Record<string, unknown>,
  dir: string,
  opts: { articlesDir?: string; previous?: PackManifest | null; previousSidecars?: ReadonlyMap<string, SourceSidecar> } = {},
): Files {
  const { format: _format, sources, contentHash: _hash, version, id, title, topics, events, questions, ...rest } = pack;
  const manifest: PackManifest = {
    id,
    version,
    title,
    language: (rest.language as string | undefined) ?? opts.previous?.language ?? 'ar',
    licence: (rest.licence as string | undefined) ?? opts.previous?.licence ?? DEFAULT_LICENCE,
    sourceOrder: sources.map((s) => s.id),
    lookAlikes: opts.previous?.lookAlikes ?? {},
    topics,
    events,
  };
  if (questions !== undefined) manifest.questions = questions;
  Object.assign(manifest, rest);
  const files: Files = new Map([[join(dir, MANIFEST), packJson(manifest)]]);
  const sourcesDir = join(dir, SOURCES);
  for (const s of sources) {
    const car: SourceSidecar = { file: s.file };
    const before = opts.previousSidecars?.get(s.id);
    for (const field of SIDECAR_LOCATION_FIELDS) if (before?.[field] !== undefined) car[field] = before[field];
    if (opts.articlesDir) car.path = relative(sourcesDir, join(opts.articlesDir, s.file));
    car.outlet = s.outlet;
    if (s.outletEn !== undefined) car.outletEn = s.outletEn;
    Object.assign(car, { title: s.title, published: s.published, publishedBasis: s.publishedBasis });
    if (s.url !== undefined) car.url = s.url;
    files.set(join(sourcesDir, `${s.id}.json`), packJson(car));
  }
  return files;
}

export type AcceptResult = { ok: true; manifest: PackManifest; review: Review; accepted: string[] } | { ok: false; errors: string[] };

/** Moves the proposals the author accepted into pack.json's events; refuses while one lacks its title or summary. */
export function acceptProposals(manifest: PackManifest, review: Review): AcceptResult {
  const accepted = review.proposals.filter((p) => p.decision === 'accept');
  const errors = accepted.flatMap((p) =>
    (['title', 'summary'] as const).flatMap((field) =>
      (['ar', 'en'] as const)
        .filter((lang) => !p[field]?.[lang]?.trim())
        .map((lang) => `${p.id}: write its ${field}.${lang} before accepting it`),
    ),
  );
  const taken = new Set((manifest.events ?? []).map((e) => e.id));
  for (const p of accepted)
    if (taken.has(p.id)) errors.push(`${p.id}: pack.json already has an event with this id; give the proposal another`);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    manifest: { ...manifest, events: [...(manifest.events ?? []), ...accepted.map(toEvent)] },
    review: { ...review, proposals: review.proposals.filter((p) => p.decision !== 'accept') },
    accepted: accepted.map((p) => p.id),
  };
}

function toEvent(p: Proposal): CorpusEvent {
  const { decision: _decision, why: _why, ...event } = p;
  return event;
}

/**
 * Writing, reading back and deleting one pack's records (layout in ./db.ts).
 * Callers run these inside their own transaction over `db.packTables`, so a
 * pack is always there whole or not at all.
 */
import type { CorpusEvent, CorpusPack } from '../corpus/types';
import {
  EVENTS_PER_CHUNK,
  TOPICS_PER_BUCKET,
  bucketOf,
  ofPack,
  type EventRef,
  type PackMeta,
  type PackOrigin,
  type SiyaqDb,
  type TopicBucket,
} from './db';

export class PackError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('\n'));
    this.name = 'PackError';
  }
}

/** SHA-256 (hex) of the pack's JSON text. */
export async function contentHash(pack: CorpusPack): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(pack)));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function metaFor(pack: CorpusPack, origin: PackOrigin, contentHash: string): PackMeta {
  return {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    origin,
    counts: {
      topics: pack.topics.length,
      events: pack.events.length,
      sources: pack.sources.length,
      questions: pack.questions?.length ?? 0,
    },
    installedAt: Date.now(),
    contentHash,
    layout: { buckets: Math.max(1, Math.ceil(pack.topics.length / TOPICS_PER_BUCKET)), eventsPerChunk: EVENTS_PER_CHUNK },
  };
}

export async function writePack(db: SiyaqDb, pack: CorpusPack, meta: PackMeta): Promise<void> {
  const { buckets, eventsPerChunk } = meta.layout;
  const refs = new Map<string, EventRef[]>();
  pack.events.forEach((e, n) => {
    for (const t of e.topics) {
      const ref = { id: e.id, n, date: e.date };
      const list = refs.get(t);
      if (list) list.push(ref);
      else refs.set(t, [ref]);
    }
  });
  const bucketRecords: TopicBucket[] = Array.from({ length: buckets }, (_, bucket) => ({ packId: pack.id, bucket, topics: [] }));
  pack.topics.forEach((topic, n) => {
    bucketRecords[bucketOf(topic.id, buckets)]!.topics.push({ topic, n, events: refs.get(topic.id) ?? [] });
  });
  const chunks = [];
  for (let start = 0; start < pack.events.length; start += eventsPerChunk) {
    chunks.push({ packId: pack.id, chunk: start / eventsPerChunk, events: pack.events.slice(start, start + eventsPerChunk) });
  }
  await db.packs.put(meta);
  await db.topicBuckets.bulkAdd(bucketRecords);
  await db.eventChunks.bulkAdd(chunks);
  await db.packData.add({ packId: pack.id, sources: pack.sources, questions: pack.questions ?? [] });
  await db.matchers.add({
    packId: pack.id,
    topics: pack.topics.map(({ id, aliases, rules }) => (rules ? { id, aliases, rules } : { id, aliases })),
  });
}

export async function deletePack(db: SiyaqDb, packId: string): Promise<void> {
  await db.packs.delete(packId);
  await ofPack(db.topicBuckets, packId).delete();
  await ofPack(db.eventChunks, packId).delete();
  await db.packData.delete(packId);
  await db.matchers.delete(packId);
}

/** All of a pack's events, in the pack's order. */
export async function packEvents(db: SiyaqDb, packId: string): Promise<CorpusEvent[]> {
  return (await ofPack(db.eventChunks, packId).toArray()).flatMap((c) => c.events);
}

/** The pack as it was given (items in their order), or null for an unknown id. */
export async function readPack(db: SiyaqDb, packId: string): Promise<CorpusPack | null> {
  const meta = await db.packs.get(packId);
  if (!meta) return null;
  const entries = (await ofPack(db.topicBuckets, packId).toArray()).flatMap((b) => b.topics).sort((a, b) => a.n - b.n);
  const data = await db.packData.get(packId);
  const pack: CorpusPack = {
    format: 'siyaq-corpus',
    version: meta.version,
    id: meta.id,
    title: meta.title,
    sources: data?.sources ?? [],
    topics: entries.map((e) => e.topic),
    events: await packEvents(db, packId),
  };
  if (data?.questions.length) pack.questions = data.questions;
  return pack;
}

/**
 * The popup's and the timeline page's way into the corpus database (lib/db,
 * extension origin): read-only, and importing only the query modules so these
 * pages do not carry the pack validator.
 */
import { openDb, type SiyaqDb } from '../lib/db/db';
import { timeline, type TimelineData } from '../lib/db/queries';

let connection: Promise<SiyaqDb> | null = null;

/** One connection per page, opened on first use. */
export function db(): Promise<SiyaqDb> {
  connection ??= openDb();
  return connection;
}

/** Null until the background has seeded the bundled corpus (first install). */
export async function loadTimeline(): Promise<TimelineData | null> {
  return timeline(await db());
}

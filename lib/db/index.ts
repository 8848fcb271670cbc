/** The corpus database: one import for the background and the extension pages. */
export { DB_NAME, DbError, SiyaqDb, openDb, type DbFailure, type PackMeta, type PackOrigin } from './db';
export { PackError } from './store';
export { seedBundled, resetToBundled, type SeedResult } from './seed';
export { importPack, removePack, exportPack, listPacks, corpusInfo, type ImportResult, type ImportOptions, type CorpusInfo } from './packs';
export { matcherTopics, cardFor, timeline, type TimelineData } from './queries';

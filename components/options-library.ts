/**
 * The options page's `Library` over lib/db: pack listing, import, export,
 * removal and reset.
 */
import { browser } from 'wxt/browser';
import type { CorpusPack } from '../lib/corpus/types';
import type { Request, Response } from '../lib/messages';
import { corpusInfo, exportPack, importPack, removePack, resetToBundled } from '../lib/db';
import { timeline } from '../lib/db/queries';
import { db } from './library';
import type { Library } from './Options';

export const library: Library = {
  async packs() {
    const info = await corpusInfo(await db());
    return info.packs.map((p) => ({
      id: p.id,
      title: p.title,
      version: p.version,
      bundled: p.origin === 'bundled',
      topics: p.counts.topics,
      events: p.counts.events,
      sources: p.sources,
      ...(p.renamedFrom ? { renamedFrom: p.renamedFrom } : {}),
    }));
  },
  async topicLabels() {
    const data = await timeline(await db());
    return new Map(data?.topics.map((tp) => [tp.id, tp.label]));
  },
  async importPack(json, options) {
    const result = await importPack(await db(), json, options);
    if (result.ok) return { title: result.pack.title };
    if (result.replaces) return { replaces: result.replaces };
    throw new Error(result.errors.join('\n'));
  },
  async exportPack(id) {
    return JSON.stringify(await exportPack(await db(), id), null, 2);
  },
  async removePack(id) {
    await removePack(await db(), id);
  },
  async resetBundled() {
    // Loaded only here, on demand: the bundled corpus's JSON is large.
    const { default: bundled } = await import('../data/corpus.json');
    await resetToBundled(await db(), bundled as CorpusPack);
  },
  async persistStorage() {
    // A refusal leaves storage best-effort, as before; nothing else to do about it here.
    await navigator.storage?.persist?.();
  },
  async packsChanged() {
    const request: Request = { type: 'packs-changed' };
    const answer = await browser.runtime.sendMessage<Request, Response<{ type: 'packs-changed' }> | undefined>(request);
    return answer?.skipped ?? [];
  },
};

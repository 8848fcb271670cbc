/**
 * The background: keeps the bundled corpus seeded and answers the content
 * script, which cannot open the extension origin's database itself.
 */
import { browser } from 'wxt/browser';
import bundled from '../data/corpus.json';
import type { CorpusPack } from '../lib/corpus/types';
import { openDb, seedBundled } from '../lib/db';
import { Background, once, relayCommand } from '../lib/background/handlers';
import { hostOfOrigin, registerExtraSite } from '../lib/site-access';

export default defineBackground(() => {
  const ready = once(async () => {
    const db = await openDb();
    await seedBundled(db, bundled as CorpusPack);
    return db;
  });
  // Listeners first and synchronously: an event that woke the worker is
  // delivered only to listeners registered in its first turn.
  const background = new Background(ready);
  // runtime.onMessage takes a returned promise as the answer (the WebExtension API; ADR 0006).
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((message, sender) => background.handle(message, sender));
  browser.commands.onCommand.addListener((command) => void relayCommand(command));
  // Firefox may close the popup while its permission prompt is open, before the
  // popup could register the site's script: finish enabling the site here.
  browser.permissions.onAdded.addListener(({ origins = [] }) => {
    for (const host of new Set(origins.map(hostOfOrigin))) {
      if (host) void registerExtraSite(host);
    }
  });
  // Every start of the worker (install, update, browser start-up, or a message
  // after an idle stop) checks the seeding; it is a cheap no-op when done.
  // The matcher is compiled then too, so the first page waits for less.
  background.matcherSet().catch((error: unknown) => console.error('Siyaq could not prepare its corpus:', error));
});

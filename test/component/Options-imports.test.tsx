// @vitest-environment happy-dom
/**
 * The options page over the real library (lib/db on fake-indexeddb) and the
 * real background answering its messages: nothing a reader imported is lost
 * without asking first (issue 10).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { Options, type Library } from '../../components/Options';
import { library } from '../../components/options-library';
import { db } from '../../components/library';
import { failureText } from '../../components/failure';
import { DbError, exportPack, importPack, listPacks, resetToBundled } from '../../lib/db';
import { Background } from '../../lib/background/handlers';
import { MatcherSets } from '../../lib/background/matcher-set';
import { MAX_PACK_BYTES } from '../../lib/corpus/validate';
import { event, importedPack, pack } from '../unit/db-fixtures';

// Each step reads and writes a real database: wide margins for a loaded machine.
configure({ asyncUtilTimeout: 10_000 });

let persist: ReturnType<typeof vi.fn<() => Promise<boolean>>>;

beforeEach(async () => {
  fakeBrowser.reset();
  await resetToBundled(await db(), pack());
  persist = vi.fn<() => Promise<boolean>>(async () => true);
  Object.defineProperty(navigator, 'storage', { value: { persist }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The background, answering the options page as the browser would present it. */
function background(matchers = new MatcherSets()) {
  const bg = new Background(db, { matchers });
  const sender = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => bg.handle(message, sender));
}

function renderOptions(lib: Library = library, lang: 'ar' | 'en' = 'en') {
  render(
    <Options
      lang={lang}
      library={lib}
      version="1.0.0"
      onRemoveExtraHost={async () => {}}
      shortcuts={null}
      browserKind="chrome"
      onChangeShortcuts={() => {}}
    />,
  );
}

function choose(file: File) {
  const input = screen.getByLabelText('Import a library (JSON)') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

const json = (p: unknown) => new File([JSON.stringify(p)], 'pack.json', { type: 'application/json' });

describe('the options page asks before deleting an import', () => {
  it('an import with an existing id asks first, naming the pack and offering its export; cancel keeps it', async () => {
    background();
    await importPack(await db(), JSON.stringify(importedPack()));
    renderOptions();
    await screen.findByText(/Reader notes/);
    choose(json(importedPack({ version: 4, events: [event('r-2026', '2026-02', ['harir'], 'r-src')] })));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain(
      'The library “Reader notes” (version 3) is already imported under the same id; importing this file deletes it.',
    );
    expect(screen.getByRole('button', { name: 'Export “Reader notes”' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await exportPack(await db(), 'reader-notes')).version).toBe(3);

    choose(json(importedPack({ version: 4, events: [event('r-2026', '2026-02', ['harir'], 'r-src')] })));
    fireEvent.click(await screen.findByRole('button', { name: 'Replace it' }));
    await screen.findByText('Imported “Reader notes”.');
    expect((await exportPack(await db(), 'reader-notes')).version).toBe(4);
    expect(persist).toHaveBeenCalled();
  });

  it('remove asks first, naming the pack', async () => {
    background();
    await importPack(await db(), JSON.stringify(importedPack()));
    renderOptions();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('Remove the library “Reader notes”?');
    expect((await listPacks(await db())).map((p) => p.id)).toContain('reader-notes');
    fireEvent.click(screen.getByRole('button', { name: 'Remove it' }));
    await screen.findByText('Removed “Reader notes”.');
    expect((await listPacks(await db())).map((p) => p.id)).toEqual(['iraq-coalition']);
  });

  it('restoring the bundled library names every import it deletes and offers each export', async () => {
    background();
    await importPack(await db(), JSON.stringify(importedPack()));
    renderOptions();
    await screen.findByText(/Reader notes/);
    fireEvent.click(screen.getByRole('button', { name: 'Restore the bundled library' }));
    expect((await screen.findByRole('alertdialog')).textContent).toContain('deletes your imported libraries: «Reader notes».');
    expect(screen.getByRole('button', { name: 'Export “Reader notes”' })).toBeTruthy();
    expect((await listPacks(await db())).length).toBe(2);
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await screen.findByText('The bundled library is restored.');
    expect((await listPacks(await db())).length).toBe(1);
  });
});

describe('the options page says what went wrong and what to do', () => {
  it('an import finishes while the browser still asks the reader about persistent storage (Firefox leaves persist() pending)', async () => {
    background();
    persist.mockImplementation(() => new Promise<boolean>(() => undefined));
    renderOptions();
    await screen.findByText(/The end of the coalition mission/);
    choose(json(importedPack()));
    await screen.findByText('Imported “Reader notes”.');
    expect(persist).toHaveBeenCalled();
    await screen.findByText(/Reader notes/, { selector: 'h3' });
  });

  it('a file over the size limit is refused before it is read', async () => {
    background();
    renderOptions();
    await screen.findByText(/The end of the coalition mission/);
    const file = json(importedPack());
    Object.defineProperty(file, 'size', { value: MAX_PACK_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    choose(file);
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The file is larger than 20 MB; Siyaq reads libraries up to 20 MB. Split it into smaller libraries.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  it('an import the background left unmarked (too slow to prepare) is reported by name', async () => {
    let t = 0;
    background(new MatcherSets({ budgetMs: 2000, now: () => (t += 3000) }));
    await importPack(await db(), JSON.stringify(importedPack()));
    renderOptions();
    await screen.findByText(
      'Names from “Reader notes” are not marked on pages: preparing them took 3000 ms, more than Siyaq allows. Split it into smaller libraries or give it fewer aliases.',
    );
  });

  it('a database that cannot open gives a translated message, not a raw error', async () => {
    const closed = new DbError(
      'unavailable',
      'InvalidStateError: A mutation operation was attempted on a database that did not allow mutations.',
    );
    const broken: Library = { ...library, packs: () => Promise.reject(closed), packsChanged: async () => [] };
    renderOptions(broken, 'ar');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(failureText(closed, 'ar'));
    expect(alert.textContent).toMatch(/^تعذّر على سياق فتح قاعدة بياناته/);
    expect(alert.textContent).not.toMatch(/InvalidStateError/);
  });

  it('the option to leave imported packs unmarked is in the options page', async () => {
    background();
    renderOptions();
    const box = (await screen.findByRole('checkbox', { name: /Mark names from imported libraries on pages/ })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await import('../../lib/settings')).getSettings().then((s) => s.markImported)).resolves.toBe(false));
  });
});

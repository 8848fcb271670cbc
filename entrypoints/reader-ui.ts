/**
 * The reader UI: the card (Preact) and the publication-date reader, built as
 * a file of their own that the content script imports on the first hover or
 * popup request (docs/adr/0005-reader-ui-loaded-on-demand.md).
 */
import { detectPublished } from '../lib/dates/published';
import { createCardHost } from './content/card-host';
import { READER_UI_KEY, type ReaderUiModule } from './content/reader-ui-key';

export default defineUnlistedScript(() => {
  const module: ReaderUiModule = { createCardHost, detectPublished };
  (globalThis as Record<symbol, unknown>)[READER_UI_KEY] = module;
});

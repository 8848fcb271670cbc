/**
 * How the content script receives the reader UI (the card and the date reader)
 * that it loads on demand from /reader-ui.js: the file runs in the content
 * script's own world and leaves its module under this key.
 */
import type { createCardHost } from './card-host';
import type { detectPublished } from '../../lib/dates/published';

export const READER_UI_KEY = Symbol.for('siyaq.reader-ui');

export interface ReaderUiModule {
  createCardHost: typeof createCardHost;
  detectPublished: typeof detectPublished;
}

/** The path of the built file, as web_accessible_resources lists it. */
export const READER_UI_PATH = '/reader-ui.js';

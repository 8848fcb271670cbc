import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Extension pages may run only the extension's own code, load only the
// extension's own files (images, styles, fonts, frames: default-src), and reach nothing.
const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; connect-src 'none'";

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  publicDir: 'public',
  manifestVersion: 3,
  outDir: '.output',
  zip: {
    // {{manifestVersion}} is already "mv3".
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
  },
  vite: () => ({
    plugins: [preact()],
    // Dexie's String.fromCharCode(65535) is minified to a raw U+FFFF, and
    // Chromium refuses a content script that is not valid UTF-8 (fixed upstream
    // only in later WXT releases): keep every output file ASCII.
    esbuild: { charset: 'ascii' },
    // Every browser that runs MV3 has modulepreload; Vite's polyfill would put
    // the only fetch() call in the extension's pages.
    build: { target: 'es2022', modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'ar',
    permissions: ['storage', 'activeTab', 'scripting'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_cmdNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_cmdPreviousMention__',
      },
    },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // The CSS Custom Highlight API (every mark) arrived in Chrome 105.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '105' }),
    // The card and the date reader, imported by the content script on first
    // use (docs/adr/0005). Any http(s) page, since the reader may turn Siyaq on
    // for sites outside the built-in list; Chromium's dynamic URL keeps pages
    // from probing for the file under the extension's fixed id.
    web_accessible_resources: [
      {
        resources: ['reader-ui.js'],
        matches: ['https://*/*', 'http://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          // Desktop only: no gecko_android key, which is how AMO reads "not for
          // Firefox for Android" (the card opens on hover). The id is permanent
          // from the first upload; the floor is ESR 140, where the marks' paint
          // (background-color in ::highlight) works (docs/adr/0014-store-identity-and-floors.md).
          browser_specific_settings: {
            gecko: {
              id: '{3e60cf06-35e5-4930-94a6-d990f34410ef}',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

/**
 * Contract 6 in Firefox ESR, on the production Firefox build, at a listed
 * outlet's host name over http, served locally (helpers/firefox.ts).
 *
 * Firefox MV3 treats content-script match patterns as host permissions the
 * user may withhold. Since Firefox 127 they are granted at install, temporary
 * installs over WebDriver BiDi included (checked with ESR 153), so the test
 * profile needs no extra pref; should a later Firefox stop granting them, the
 * suite's setup fails saying the content script registered no highlight.
 */
import type { Page } from 'puppeteer-core';
import { contractSuite } from './helpers/contract-suite';
import { launchFirefox } from './helpers/firefox';
import { articleHtml, ARTICLE_HOST, ARTICLE_PATH } from './helpers/pages';
import { puppeteerDriver } from './helpers/scenario';

const UNLISTED_PATH = '/same-article';

contractSuite('Firefox ESR: the production build on a listed outlet', async () => {
  const html = articleHtml();
  const session = await launchFirefox({ pages: { [ARTICLE_PATH]: html, [UNLISTED_PATH]: html } });
  const wrap = (page: Page) => ({ driver: puppeteerDriver(page), close: () => page.close() });
  return {
    openArticle: async () => wrap(await session.open(session.urlFor(ARTICLE_HOST, ARTICLE_PATH))),
    openUnlisted: async () => wrap(await session.open(session.urlFor('example.org', UNLISTED_PATH))),
    openExtensionPage: async (path) => wrap(await session.openExtensionPage(path)),
    pageErrors: session.pageErrors,
    backgroundErrors: session.backgroundErrors,
    close: session.close,
  };
});

/**
 * Contract 6 in Chromium, on the production Chrome build, at a listed outlet's
 * real https URL served by context.route (helpers/chromium.ts).
 */
import { launchChromium } from './helpers/chromium';
import { contractSuite } from './helpers/contract-suite';
import { articleHtml, ARTICLE_HOST, ARTICLE_PATH } from './helpers/pages';
import { playwrightDriver } from './helpers/scenario';

const ARTICLE_URL = `https://${ARTICLE_HOST}${ARTICLE_PATH}`;
const UNLISTED_URL = 'https://example.org/same-article';

contractSuite('Chromium: the production build on a listed outlet', async () => {
  const html = articleHtml();
  const session = await launchChromium({ pages: { [ARTICLE_URL]: html, [UNLISTED_URL]: html } });
  const opened = async (url: string) => {
    const page = await session.open(url);
    return { driver: playwrightDriver(page), close: () => page.close() };
  };
  return {
    openArticle: () => opened(ARTICLE_URL),
    openUnlisted: () => opened(UNLISTED_URL),
    openExtensionPage: (path) => opened(session.extensionUrl(path)),
    pageErrors: session.pageErrors,
    backgroundErrors: session.backgroundErrors,
    close: session.close,
  };
});

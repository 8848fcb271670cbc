/**
 * The popup tells the page as it is, with the production Chrome build in
 * Chromium: a home page is "a page", never "this article"; a page with no
 * marks says so first and opens on no timeline until the reader asks; the
 * interface language setting reaches the popup and the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './helpers/chromium';
import { CHROME_BUILD } from './helpers/paths';
import { corpus, playwrightDriver, waitForMarks } from './helpers/scenario';
import { waitForCard } from './helpers/reading-steps';
import { buildNewsPage, escapeHtml } from '../fixtures/news-page';
import { t, tn } from '../../lib/i18n';

const HOME_URL = 'https://www.aljazeera.net/';
const PLAIN_URL = 'https://www.aljazeera.net/news/2024/9/24/siyaq-no-names';
const INDIC_URL = 'https://www.aljazeera.net/news/2024/9/24/siyaq-indic-dateline';

/** A front page: teasers of several stories, two of them naming topics Siyaq knows; no article metadata. */
function homeHtml(): string {
  const teasers = [
    [
      'محمد شياع السوداني يبحث مستقبل التحالف الدولي',
      'بحث رئيس الوزراء العراقي محمد شياع السوداني مع وفد عسكري مستقبل التحالف الدولي في بلاده خلال لقاء مطول.',
    ],
    ['أسعار الخبز ترتفع في الأسواق', 'ارتفعت أسعار الخبز والطحين في الأسواق الشعبية للأسبوع الثالث على التوالي بحسب تجار ومستهلكين.'],
    ['موسم الزيتون يبدأ مبكراً', 'بدأ المزارعون قطف الزيتون قبل موعده المعتاد بعد صيف حار وجاف في معظم المناطق الزراعية.'],
  ];
  const items = teasers
    .map(([h, p]) => `<article class="teaser"><h2><a href="/news/x">${escapeHtml(h!)}</a></h2><p>${escapeHtml(p!)}</p></article>`)
    .join('\n');
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>الجزيرة نت</title>
<meta property="og:type" content="website"></head>
<body><header class="site-header"><a class="logo" href="/">الجزيرة نت</a></header><main>${items}</main></body></html>`;
}

/** An Arabic article that names nothing the corpus knows. */
function plainHtml(): string {
  return buildNewsPage({
    article: {
      headline: 'موسم الزيتون يبدأ مبكراً بعد صيف حار',
      paragraphs: [
        'بدأ المزارعون قطف الزيتون قبل موعده المعتاد بأسبوعين، بعد صيف حار وجاف أنضج الثمار مبكراً في معظم المناطق الزراعية.',
        'وقال مزارعون إن الإنتاج هذا العام أقل من العام الماضي، لكن جودة الزيت أفضل بسبب قلة الأمطار في الربيع.',
        'ويتوقع التجار أن ترتفع أسعار الزيت في الأسواق المحلية خلال الأشهر المقبلة مع زيادة الطلب على التصدير.',
      ],
    },
    host: 'www.aljazeera.net',
    published: '2024-09-24T10:30:00+03:00',
    datePlace: 'meta',
  }).html;
}

/** An article whose dateline is written in Arabic-Indic digits. */
function indicHtml(): string {
  return buildNewsPage({
    article: {
      headline: 'السوداني يبحث مستقبل التحالف الدولي',
      paragraphs: [
        'بحث رئيس الوزراء العراقي محمد شياع السوداني مع وفد عسكري مستقبل التحالف الدولي في بلاده خلال لقاء مطول في بغداد.',
        'وقال السوداني إن الحوار مع الجانب الأميركي مستمر، وإن القرار النهائي بيد العراقيين وحدهم.',
      ],
    },
    host: 'www.aljazeera.net',
    published: '2024-09-24',
    datePlace: 'byline',
    months: 'standard',
    indicDigits: true,
  }).html;
}

interface ChromeApi {
  tabs: { query(q: { active: boolean; currentWindow: boolean }): Promise<{ id?: number; url?: string }[]> };
  storage: { local: { set(items: object): Promise<void>; remove(key: string): Promise<void> } };
}

const c = corpus();

/** Clicks a topic in the popup's "on this page" list; the popup then closes itself, which may cut the click's last step short. */
async function showTopic(popup: Page, topic: string): Promise<void> {
  const closed = popup.waitForEvent('close', { timeout: 10_000 });
  await popup
    .locator(`.page-topic[data-topic="${topic}"]`)
    .click()
    .catch(() => undefined);
  await closed;
}

describe('Chromium: the popup says what the page is (production build)', () => {
  let session: ChromiumSession;

  const worker = async (): Promise<Worker> =>
    session.context.serviceWorkers()[0] ?? (await session.context.waitForEvent('serviceworker', { timeout: 10_000 }));

  /** The tab id of `page`, brought to the front (the background sees it as the active tab). */
  const tabOf = async (page: Page): Promise<number> => {
    await page.bringToFront();
    const tab = await (
      await worker()
    ).evaluate(async () => {
      const [active] = await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({ active: true, currentWindow: true });
      return active?.id ?? null;
    });
    if (tab === null) throw new Error('no active tab');
    return tab;
  };

  const popupFor = async (page: Page): Promise<Page> => {
    const popup = await session.open(session.extensionUrl(`popup.html?tab=${await tabOf(page)}`));
    await popup.locator('[aria-labelledby="on-this-page"] p').first().waitFor({ timeout: 10_000 });
    // Past the "asking" placeholder: the content script answered.
    await expect.poll(() => popup.locator('[aria-labelledby="on-this-page"] p').first().textContent(), { timeout: 10_000 }).not.toBe('…');
    return popup;
  };

  beforeAll(async () => {
    session = await launchChromium({
      pages: { [HOME_URL]: homeHtml(), [PLAIN_URL]: plainHtml(), [INDIC_URL]: indicHtml() },
      extensionDir: CHROME_BUILD,
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it('calls a home page a page, never an article, and says why its teasers are not marked', async () => {
    const home = await session.open(HOME_URL);
    const popup = await popupFor(home);
    const first = popup.locator('[aria-labelledby="on-this-page"] p').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe(t('pageFrontNoTopics', 'ar'));
    const panel = (await popup.locator('[aria-labelledby="on-this-page"]').textContent()) ?? '';
    expect(panel).toContain(t('pageUndated', 'ar'));
    expect(panel).not.toContain(t('articleUndated', 'ar'));
    expect(await popup.locator('.page-topic').count()).toBe(0);
    // The teasers name al-Sudani and the coalition, but a front has no story to mark (lib/reading/article.ts).
    expect(await home.evaluate(() => [...CSS.highlights.keys()].filter((k) => k.startsWith('siyaq')))).toEqual([]);
    await popup.close();
    await home.close();
    expect(session.pageErrors).toEqual([]);
  });

  it('says first that nothing is marked on a page without marks, then offers search and the timeline', async () => {
    const plain = await session.open(PLAIN_URL);
    const popup = await popupFor(plain);
    const first = popup.locator('[aria-labelledby="on-this-page"] p').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe(t('pageNoTopics', 'ar'));
    // An article: its date is its publication date.
    expect(await popup.locator('.marker').textContent()).toContain(t('readingFrom', 'ar', { date: '24 سبتمبر 2024' }));
    expect(await popup.locator('[data-event-id]').count()).toBe(0);

    await popup.getByRole('button', { name: t('searchEvents', 'ar') }).click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
    await popup.keyboard.type('السوداني');
    await expect.poll(async () => popup.locator('[data-event-id]').count(), { timeout: 5_000 }).toBeGreaterThan(0);
    await popup.close();

    const again = await popupFor(plain);
    await again.getByRole('button', { name: tn('browseTimeline', c.events.length, 'ar') }).click();
    await expect.poll(() => again.locator('[data-event-id]').count(), { timeout: 5_000 }).toBe(c.events.length);
    await again.close();
    await plain.close();
    expect(session.pageErrors).toEqual([]);
  });

  it("writes dates in the page's own digits by default: Arabic-Indic beside an Arabic-Indic dateline, in the popup and the card", async () => {
    const page = await session.open(INDIC_URL);
    const d = playwrightDriver(page);
    await waitForMarks(d);
    const popup = await popupFor(page);
    await expect.poll(() => popup.locator('.marker').textContent(), { timeout: 10_000 }).toContain('٢٤ سبتمبر ٢٠٢٤');
    await showTopic(popup, 'sudani');
    await waitForCard(d, 'the popup opened no card', 5_000, c.topics.find((tp) => tp.id === 'sudani')!.label.ar);
    const dates = await d.card((root) => [...(root?.querySelectorAll('time') ?? [])].map((el) => el.textContent ?? ''), null);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((text) => /[0-9]/.test(text))).toEqual([]);
    expect(dates).toContain('٢٤ سبتمبر ٢٠٢٤');
    await page.close();
    expect(session.pageErrors).toEqual([]);
  });

  it('speaks English when the reader sets it, in the popup and in the card a new page opens', async () => {
    await (
      await worker()
    ).evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({ settings: { language: 'en' } }));
    try {
      const page = await session.open(INDIC_URL);
      const d = playwrightDriver(page);
      await waitForMarks(d);
      const popup = await popupFor(page);
      expect(await popup.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['en', 'ltr']);
      expect(await popup.locator('#on-this-page').textContent()).toBe(t('onThisPage', 'en'));
      await showTopic(popup, 'sudani');
      const label = c.topics.find((tp) => tp.id === 'sudani')!.label.ar;
      await waitForCard(d, 'the popup opened no card', 5_000, label);
      const lang = await d.card((root) => root?.querySelector('[role="dialog"]')?.getAttribute('lang') ?? null, null);
      expect(lang).toBe('en');
      await page.close();
    } finally {
      await (await worker()).evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.remove('settings'));
    }
    expect(session.pageErrors).toEqual([]);
  });
});

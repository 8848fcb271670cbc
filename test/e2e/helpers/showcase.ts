/**
 * The demo article in Chromium with the production extension, for `npm run
 * demo` and `npm run screenshots`. The article (test/fixtures/demo-article.html)
 * is served at a listed outlet's https URL, so the shipped match patterns apply.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../seeds';
import { launchChromium, type ChromiumSession } from './chromium';
import { hoverForCard, playwrightDriver, waitForMarks } from './scenario';

export const DEMO_URL = 'https://www.alhurra.com/iraq/2025/01/15/baghdad-coalition-timeline';

export function demoArticleHtml(): string {
  return readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'demo-article.html'), 'utf8');
}

/** `npm run <script>`, quietly; its output only when it fails. */
function npmBuild(script: 'build' | 'build:firefox'): void {
  const run = spawnSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) {
    throw new Error(`npm run ${script} failed:\n${run.stdout}${run.stderr}`);
  }
}

export const buildChrome = (): void => npmBuild('build');
export const buildFirefox = (): void => npmBuild('build:firefox');

export interface Demo {
  session: ChromiumSession;
  page: Page;
}

export async function openDemo(headless: boolean): Promise<Demo> {
  const session = await launchChromium({
    pages: { [DEMO_URL]: demoArticleHtml() },
    headless,
    // The size of a laptop screen: the card and the article side by side.
    viewport: { width: 1280, height: 800 },
  });
  try {
    // A persistent context starts with one blank tab: show the article in it.
    const page = session.context.pages()[0] ?? (await session.context.newPage());
    await page.goto(DEMO_URL, { waitUntil: 'load' });
    await waitForMarks(playwrightDriver(page));
    return { session, page };
  } catch (e) {
    await session.close();
    throw e;
  }
}

/** Hovers «السوداني» in the lead paragraph's «محمد شياع السوداني» and waits for the card. */
export async function showSudaniCard(page: Page): Promise<void> {
  // The paragraph near the top of the view, so the card opens below it in full.
  await hoverForCard(playwrightDriver(page), {
    within: 'article .body',
    phrase: 'محمد شياع السوداني',
    word: 'السوداني',
    scroll: 'start',
  });
  // Let the card's entrance transition, if any, settle before a screenshot.
  await page.waitForTimeout(400);
}

/** An extension page in its own tab, sized like the toolbar popup or a full window. */
export async function openExtensionPage(
  session: ChromiumSession,
  path: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.goto(session.extensionUrl(path), { waitUntil: 'load' });
  await page.locator('[data-event-id]').first().waitFor({ timeout: 10_000 });
  await page.waitForTimeout(300);
  return page;
}

/**
 * The popup's timeline narrowed to one topic (its chip, when the popup shows
 * one), scrolled so the first events are in view below the filters.
 */
export async function focusTimeline(page: Page, topic: string): Promise<void> {
  const chip = page.locator(`.tl-chips .chip[data-topic="${topic}"]`).first();
  if ((await chip.count()) > 0) await chip.click();
  await page.waitForTimeout(300);
  await page
    .locator('[data-event-id]')
    .first()
    .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  // A little of what is above the first event: the count and the year heading.
  await page.evaluate(() => window.scrollBy(0, -120));
}

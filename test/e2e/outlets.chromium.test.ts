/**
 * Real outlets' markup in Chromium with the production build
 * (test/fixtures/outlet-pages.ts): on every article template Siyaq marks the
 * story's names and nothing in the menus, related lists, comments, «most
 * read» columns, video strips or footers, which are full of names; on a
 * section front it marks nothing, and it reads the story a front later opens
 * in place. The unit tests read the same pages through the detect command.
 *
 * Marks are read from the page's main world (Chromium shares one highlight
 * registry per document), with where each range starts: inside the story
 * (`data-story`) or not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { CorpusPack } from '../../lib/corpus/types';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { launchRobustChromium, MARK_NAME, type RobustChromium, waitForMarked } from './helpers/robust-browser';
import { LISTED_ORIGIN } from './helpers/robust-pages';
import { type OutletPage, HEADLINE, STORY, outletPages } from '../fixtures/outlet-pages';
import { REPO_ROOT } from '../seeds';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
const matcher = compileMatcher(pack.topics);
const pages = outletPages();
const urlOf = (p: OutletPage): string => `${LISTED_ORIGIN}/news/2024/9/24/${p.name}`;

/** By default a page marks the first mention of each topic: these texts, for the story as read (with or without its headline). */
function firstMentions(story: string[]): string[] {
  const seen = new Set<string>();
  return detect(story.join('\n'), matcher)
    .filter((m) => !seen.has(m.topic) && seen.add(m.topic))
    .map((m) => m.text);
}

interface Placed {
  text: string;
  inStory: boolean;
}

/** Siyaq's marks with whether each starts inside the story. */
function placedMarks(page: Page): Promise<Placed[]> {
  return page.evaluate((name) => {
    const out: { text: string; inStory: boolean }[] = [];
    const highlight = CSS.highlights.get(name);
    highlight?.forEach((r) => {
      const range = r as Range;
      const node = range.startContainer;
      const el = node instanceof Element ? node : node.parentElement;
      out.push({ text: range.toString(), inStory: !!el?.closest('[data-story]') });
    });
    return out;
  }, MARK_NAME);
}

/** A front that opens a story in place, as a site's own script would (above the teaser list). */
function withStoryOpener(html: string): string {
  const story = `<article class="opened"><h1 data-story>${HEADLINE}</h1><div data-story>${STORY.map((t) => `<p>${t}</p>`).join('')}</div></article>`;
  const script = `<script>window.page = { openStory() { const box = document.createElement('div'); box.innerHTML = ${JSON.stringify(story)}; document.body.prepend(box.firstChild); } };</script>`;
  return html.replace('</body>', `${script}</body>`);
}

let browser: RobustChromium;

beforeAll(async () => {
  const served: Record<string, string> = {};
  for (const p of pages) served[urlOf(p)] = p.story.length > 0 ? p.html : withStoryOpener(p.html);
  browser = await launchRobustChromium(served);
});

afterAll(async () => {
  await browser?.close();
});

describe('Chromium: article templates of real outlets', () => {
  it.each(pages.filter((p) => p.story.length > 0).map((p) => [p.name, p] as const))(
    '%s: marks the story’s names and nothing in the furniture',
    async (_, outlet) => {
      const { page, errors } = await browser.openProbed(urlOf(outlet), { probes: false });
      try {
        const withHeadline = firstMentions(outlet.story);
        const bodyOnly = firstMentions(outlet.story.slice(1));
        const done = (texts: string[]): boolean => [withHeadline, bodyOnly].some((want) => want.every((t) => texts.includes(t)));
        await waitForMarked(page, done, `the story's names (${withHeadline.join('، ')})`, 15_000);
        const marks = await placedMarks(page);
        expect(
          marks.filter((m) => !m.inStory).map((m) => m.text),
          'marked outside the story',
        ).toEqual([]);
        const texts = marks.map((m) => m.text).sort();
        expect([[...withHeadline].sort(), [...bodyOnly].sort()]).toContainEqual(texts);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

describe('Chromium: section fronts', () => {
  it.each(pages.filter((p) => p.story.length === 0).map((p) => [p.name, p] as const))(
    '%s: marks none of the teasers, and reads a story the front opens later',
    async (_, outlet) => {
      const { page, errors } = await browser.openProbed(urlOf(outlet), { probes: false });
      try {
        // The same names stand in an article template served alongside: once that
        // page is marked, the extension is reading pages, and the front must still have none.
        const control = await browser.openProbed(urlOf(pages[0]!), { probes: false });
        await waitForMarked(control.page, (t) => t.length > 0, 'a control article', 15_000);
        await control.page.close();
        expect(await placedMarks(page), 'marks on a section front').toEqual([]);

        await page.evaluate(() => (window as unknown as { page: { openStory(): void } }).page.openStory());
        const want = firstMentions([HEADLINE, ...STORY]);
        await waitForMarked(page, (t) => want.every((w) => t.includes(w)), 'the opened story', 15_000);
        const marks = await placedMarks(page);
        expect(
          marks.filter((m) => !m.inStory).map((m) => m.text),
          'marked outside the story',
        ).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await page.close();
      }
    },
  );
});

/**
 * Real outlets' markup (test/fixtures/outlet-pages.ts): the reader finds the
 * story's body on every article template, reads none of the furniture, and so
 * marks the names of the story and nowhere else; a section front is no
 * article and nothing on it is read. The `detect` command reads the same way.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { CorpusPack } from '../../lib/corpus/types';
import { detectPublished } from '../../lib/dates/published';
import { articleRoot } from '../../lib/reading/article';
import { compileMatcher, detect } from '../../lib/detect/detect';
import { pageText, readBlocks } from '../../lib/reading/page-text';
import { DOM_KINDS, parseDocument } from '../fixtures/pages';
import { type OutletPage, outletPages } from '../fixtures/outlet-pages';
import { REPO_ROOT } from '../seeds';

const pack = JSON.parse(readFileSync(join(REPO_ROOT, 'data', 'corpus.json'), 'utf8')) as CorpusPack;
const matcher = compileMatcher(pack.topics);
const pages = outletPages();

/** What the story alone says: its mentions when read by itself, blocks joined as the reader joins them. */
const storyMentions = (story: string[]): [string, string][] => detect(story.join('\n'), matcher).map((m) => [m.topic, m.text]);

/** The story parts a reader reads: the body, and the headline when the text starts with it (a Drupal title stands apart). */
const readStory = (page: OutletPage, text: string): string[] =>
  page.story.length > 0 && !text.startsWith(page.story[0]!) ? page.story.slice(1) : page.story;

describe.each(DOM_KINDS)('outlet templates (%s)', (kind) => {
  it.each(pages.map((p) => [p.name, p] as const))('%s: reads the story whole and no furniture, and marks only its names', (_, page) => {
    const text = pageText(readBlocks(articleRoot(parseDocument(page.html, kind)))).text;
    // The body in full; the headline too where the template keeps it near the body.
    const story = readStory(page, text);
    let at = 0;
    for (const part of story) {
      const found = text.indexOf(part, at);
      expect(found, `missing or out of order: ${part.slice(0, 50)}`).toBeGreaterThanOrEqual(0);
      at = found + part.length;
    }
    for (const piece of page.furniture) expect(text, 'furniture read').not.toContain(piece);
    if (page.story.length === 0) expect(text).toBe('');
    expect(detect(text, matcher).map((m) => [m.topic, m.text])).toEqual(storyMentions(story));
  });

  it.each(pages.filter((p) => p.published).map((p) => [p.name, p] as const))('%s: dates the page', (_, page) => {
    expect(detectPublished(parseDocument(page.html, kind))).toBe(page.published);
  });
});

describe('the story the templates carry', () => {
  it('names the topics a reader would mark, so a template that loses part of it shows', () => {
    expect(storyMentions(pages[0]!.story)).toEqual([
      ['sudani', 'السوداني'],
      ['sudani', 'محمد شياع السوداني'],
      ['global-coalition', 'التحالف الدولي'],
      ['sudani', 'السوداني'],
      ['iraqi-security-forces', 'القوات العراقية'],
      ['isis', 'داعش'],
      ['harir', 'قاعدة حرير'],
      ['erbil', 'أربيل'],
      ['antony-blinken', 'أنتوني بلينكن'],
      ['iran', 'طهران'],
    ]);
  });
});

describe('the detect command on the outlet templates', () => {
  const dir = mkdtempSync(join(tmpdir(), 'siyaq-outlets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reports for each page what the reader reads: the story's names only, and none on a section front", () => {
    const files = pages.map((p) => {
      const file = join(dir, `${p.name}.html`);
      writeFileSync(file, p.html);
      return file;
    });
    const out = execFileSync('npx', ['tsx', join(REPO_ROOT, 'scripts', 'detect.ts'), ...files], { cwd: REPO_ROOT, encoding: 'utf8' });
    const reports = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; mentions: { topic: string; text: string }[]; published: string | null });
    const docText = (p: OutletPage): string => pageText(readBlocks(articleRoot(parseDocument(p.html)))).text;
    expect(reports.map((r) => r.file)).toEqual(files);
    pages.forEach((page, i) => {
      expect(
        reports[i]!.mentions.map((m) => [m.topic, m.text]),
        page.name,
      ).toEqual(storyMentions(readStory(page, docText(page))));
      if (page.published) expect(reports[i]!.published, page.name).toBe(page.published);
    });
  }, 60_000);
});

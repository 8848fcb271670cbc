/**
 * A pack made with `npm run pack`, end to end: the command line makes a new
 * folder, the author (this test) adds the guide's example texts and topics,
 * drafts, accepts the proposals with titles of their own, checks and builds;
 * the built file is imported through the options page of the production
 * Chrome build, and its names are then marked on an article and hovering one
 * shows its card with a dated event from the pack.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Review } from '../../lib/pack/draft';
import type { PackManifest } from '../../lib/pack/folder';
import { REPO_ROOT } from '../seeds';
import { cardText, hoverForCard, launchRobustChromium, waitForMarked, type RobustChromium } from './helpers/robust-browser';
import { LISTED_ORIGIN } from './helpers/robust-pages';

const EXAMPLE = join(REPO_ROOT, 'docs', 'packs-example');
const ARTICLE = `${LISTED_ORIGIN}/news/2025/5/2/green-valley-dam`;
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');

let dir: string;
let browser: RobustChromium | undefined;

/** Runs `npm run pack -- ARGS` (the same script) and returns its output; throws with it on a non-zero exit. */
function pack(...args: string[]): string {
  return execFileSync(TSX, [join(REPO_ROOT, 'scripts', 'pack.ts'), ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

const readJson = <T>(path: string) => JSON.parse(readFileSync(path, 'utf8')) as T;

beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'siyaq-pack-e2e-')), 'wadi');
});

afterAll(async () => {
  await browser?.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

describe('a pack made with npm run pack', () => {
  let built: string;

  it('goes through new → draft → accept → check → build', () => {
    expect(pack('new', dir)).toMatch(/fill in pack\.json/);
    const example = readJson<PackManifest>(join(EXAMPLE, 'pack.json'));
    // The author's part: articles into sources/, topics and look-alikes into pack.json.
    cpSync(join(EXAMPLE, 'sources'), join(dir, 'sources'), { recursive: true });
    const manifest = readJson<PackManifest>(join(dir, 'pack.json'));
    Object.assign(manifest, { id: example.id, title: example.title, topics: example.topics, lookAlikes: example.lookAlikes });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));

    expect(pack('draft', dir)).toMatch(/3 source\(s\) read\. .*9 proposal\(s\), 9 awaiting your decision/);
    const review = readJson<Review>(join(dir, 'review.json'));
    // Nothing is in the pack before the author decides, and check says so.
    expect(pack('check', dir)).toMatch(/review\.json\n +9 proposal\(s\) await your decision/);
    for (const p of review.proposals) {
      const mine = example.events.find((e) => e.evidence[0]!.quote === p.evidence[0]!.quote)!;
      Object.assign(p, { decision: 'accept', id: mine.id, status: mine.status, title: mine.title, summary: mine.summary });
    }
    writeFileSync(join(dir, 'review.json'), JSON.stringify(review, null, 2));
    expect(pack('accept', dir)).toMatch(/^9 event\(s\) added/);
    expect(pack('check', dir)).toBe('0 error(s), 0 warning(s).\n');
    expect(pack('build', dir)).toMatch(/Built .*wadi-dam-example\.json: version 1, content hash [0-9a-f]{64}/);
    built = join(dir, 'dist', 'wadi-dam-example.json');
    expect(readJson<PackManifest>(built).events).toEqual(example.events);
  });

  it('imports in the options page, marks its names on an article and shows their card', async () => {
    expect(built, 'the build step failed').toBeDefined();
    browser = await launchRobustChromium({ [ARTICLE]: readFileSync(join(EXAMPLE, 'sources', 'valley-tv-2025-05-02.html'), 'utf8') });
    const options = await browser.context.newPage();
    await options.goto(browser.extensionUrl('options.html'));
    await options.locator('input[type=file]').setInputFiles(built);
    await options.locator('[data-pack-id="wadi-dam-example"]').waitFor({ timeout: 10_000 });
    expect(await options.locator('[role=alert]').count()).toBe(0);
    await options.close();

    const { page, errors } = await browser.openProbed(ARTICLE);
    const { texts } = await waitForMarked(page, (t) => t.includes('سلمى الحداد') && t.includes('سد الوادي الأخضر'), 'the pack’s names');
    expect(texts).toContain('هيئة مياه الوادي');
    const { text } = await hoverForCard(page, { within: 'h1', phrase: 'سلمى الحداد', word: 'سلمى' }, 'سلمى الحداد');
    // A dated line from the pack: one of her events, by its own title.
    expect(text).toMatch(/الحداد تزور موقع السد|الحداد تلتقي سكان البلدة|نهاية المرحلة الأولى المقررة/);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(errors).toEqual([]);
  });
});

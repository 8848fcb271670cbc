import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { articleRoot } from '../../lib/reading/article';
import { pageText, readBlocks } from '../../lib/reading/page-text';
import { DETECTOR_PACK } from '../fixtures/detector-pack';
import { parseDocument } from '../fixtures/pages';
import { REPO_ROOT } from '../seeds';

let dir = '';

/** Runs `npm run --silent detect -- ...files` as a user would, against the test pack. */
function run(...files: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'scripts', 'detect.ts'), ...files], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, SIYAQ_CORPUS: join(dir, 'pack.json') },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ARTICLE = 'قال رئيس الوزراء العراقي مُحَمَّد شياع السوداني إن خطر داعش تراجع.\nوأضاف أن التحالف الدولي باقٍ حتى 2026.';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'siyaq-detect-'));
  const pack = {
    format: 'siyaq-corpus',
    version: 1,
    id: 'test',
    title: { ar: 'اختبار', en: 'test' },
    sources: [],
    topics: DETECTOR_PACK,
    events: [],
  };
  writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack));
  writeFileSync(join(dir, 'article.txt'), ARTICLE);
  writeFileSync(join(dir, 'bom.txt'), '\uFEFFداعش');
  writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x64, 0xe9, 0x6a, 0xe0]));
  mkdirSync(join(dir, 'folder.txt'));
  writeFileSync(join(dir, 'page.html'), PAGE);
});

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head>
<meta property="article:published_time" content="2024-09-24T10:00:00+03:00"><title>عنوان</title></head>
<body><nav>داعش في القائمة</nav><article><h1>السوداني يستقبل بلينكن</h1>
<p>قال رئيس الوزراء <b>محمد شياع</b> السوداني في بغداد إن خطر داعش تراجع.</p>
<p>وأكد أنتوني بلينكن أن التحالف الدولي سيعيد تنظيم مهمته.</p></article></body></html>`;

describe('npm run detect', () => {
  it('prints one object for one file, offsets into the file text', () => {
    const r = run(join(dir, 'article.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as { topics: string[]; mentions: { topic: string; start: number; end: number; text: string }[] };
    expect(Object.keys(out)).toEqual(['topics', 'mentions']);
    expect(out.topics).toEqual(['sudani', 'isis', 'global-coalition']);
    expect(out.mentions.map((m) => m.text)).toEqual(['مُحَمَّد شياع السوداني', 'داعش', 'التحالف الدولي']);
    for (const m of out.mentions) {
      expect(Object.keys(m)).toEqual(['topic', 'start', 'end', 'text']);
      expect(ARTICLE.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('reads .html as the content script does, with the publication date', () => {
    const r = run(join(dir, 'page.html'));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      topics: string[];
      mentions: { topic: string; start: number; end: number; text: string }[];
      published: string | null;
    };
    expect(Object.keys(out)).toEqual(['topics', 'mentions', 'published']);
    expect(out.published).toBe('2024-09-24');
    expect(out.topics).toEqual(['sudani', 'antony-blinken', 'isis', 'global-coalition']);
    const text = pageText(readBlocks(articleRoot(parseDocument(PAGE)))).text;
    for (const m of out.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(out.mentions.map((m) => m.text)).toContain('محمد شياع السوداني'); // across the <b>
    expect(out.mentions.filter((m) => m.topic === 'isis')).toHaveLength(1); // the nav is not read
  });

  it('prints one line per file, in order, each naming its file; a BOM is not text', () => {
    const files = [join(dir, 'bom.txt'), join(dir, 'article.txt')];
    const r = run(...files);
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { file: string; mentions: { start: number }[] });
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[0]!.mentions).toEqual([{ topic: 'isis', start: 0, end: 4, text: 'داعش' }]);
  });

  it('names each unreadable file on stderr, reports the rest and exits non-zero', () => {
    const missing = join(dir, 'missing.txt');
    const r = run(join(dir, 'latin1.txt'), join(dir, 'article.txt'), join(dir, 'folder.txt'), missing);
    expect(r.status).not.toBe(0);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('latin1.txt');
    expect(errors[0]).toMatch(/UTF-8/);
    expect(errors[1]).toContain('folder.txt');
    expect(errors[2]).toContain(missing);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout).file).toBe(join(dir, 'article.txt'));
  });
});

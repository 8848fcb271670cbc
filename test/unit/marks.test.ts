import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAMES, MarkLayer, paintsDecorations } from '../../lib/page/marks';

const FIREFOX = (v: number) => `Mozilla/5.0 (X11; Linux x86_64; rv:${v}.0) Gecko/20100101 Firefox/${v}.0`;
const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';

describe('paintsDecorations', () => {
  it('is false for Firefox before 149, which paints no text decoration inside ::highlight()', () => {
    expect(paintsDecorations(FIREFOX(140))).toBe(false);
    expect(paintsDecorations(FIREFOX(148))).toBe(false);
  });

  it('is true for Firefox 149 and later, and for Chromium', () => {
    expect(paintsDecorations(FIREFOX(149))).toBe(true);
    expect(paintsDecorations(FIREFOX(153))).toBe(true);
    expect(paintsDecorations(CHROMIUM)).toBe(true);
  });
});

// The API is not in Node: a registry with the same surface stands in; the real
// ones are exercised (and their pixels read) in test/e2e/marks-pixels.*.
class TestHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

function layer(userAgent: string) {
  const registry = new Map<string, TestHighlight>();
  const win = { CSS: { highlights: registry }, Highlight: TestHighlight, navigator: { userAgent } };
  return { registry, marks: new MarkLayer(win as unknown as Window & typeof globalThis) };
}

const ranges = [{} as Range, {} as Range];

describe('MarkLayer', () => {
  it('paints the style asked for where the engine paints it, and only that one', () => {
    const { registry, marks } = layer(FIREFOX(153));
    marks.paint(ranges, 'tint');
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.tint]);
    marks.paint(ranges, 'underline');
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.underline]);
    expect(registry.get(HIGHLIGHT_NAMES.underline)!.size).toBe(2);
  });

  it('paints the tint for an underline where the engine would draw none', () => {
    const { registry, marks } = layer(FIREFOX(140));
    marks.paint(ranges, 'underline');
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAMES.tint]);
    marks.paint([], 'underline');
    expect(registry.size).toBe(0);
  });
});

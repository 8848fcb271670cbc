import { describe, expect, it } from 'vitest';
import { placeCard } from '../../lib/page/placement';

const viewport = { width: 1000, height: 800 };
const card = { width: 360, height: 300 };

describe('placeCard', () => {
  it('puts the card below the mention, aligned to its right edge on RTL pages', () => {
    const p = placeCard({ anchor: { top: 100, bottom: 120, left: 500, right: 580 }, card, viewport, rtl: true });
    expect(p.side).toBe('below');
    expect(p.top).toBe(128);
    expect(p.left).toBe(580 - 360);
  });

  it('aligns to the left edge on LTR pages', () => {
    const p = placeCard({ anchor: { top: 100, bottom: 120, left: 500, right: 580 }, card, viewport, rtl: false });
    expect(p.left).toBe(500);
  });

  it('flips above when there is no room below', () => {
    const p = placeCard({ anchor: { top: 700, bottom: 720, left: 500, right: 580 }, card, viewport, rtl: true });
    expect(p.side).toBe('above');
    expect(p.top + 300).toBeLessThanOrEqual(700);
  });

  it('never covers the mention, even when neither side has room', () => {
    const tall = { width: 360, height: 900 };
    const anchor = { top: 300, bottom: 320, left: 500, right: 580 };
    const p = placeCard({ anchor, card: tall, viewport, rtl: true });
    const bottom = p.top + Math.min(tall.height, p.maxHeight);
    expect(bottom <= anchor.top || p.top >= anchor.bottom).toBe(true);
    expect(p.maxHeight).toBeLessThan(tall.height);
  });

  it('stays inside the viewport horizontally', () => {
    const right = placeCard({ anchor: { top: 100, bottom: 120, left: 10, right: 60 }, card, viewport, rtl: true });
    expect(right.left).toBeGreaterThanOrEqual(8);
    const left = placeCard({ anchor: { top: 100, bottom: 120, left: 950, right: 990 }, card, viewport, rtl: false });
    expect(left.left + 360).toBeLessThanOrEqual(992);
  });
});

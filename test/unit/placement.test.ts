import { describe, expect, it } from 'vitest';
import { MIN_CARD_ROOM, placeCard } from '../../lib/page/placement';

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

describe('placeCard: whether the card can stay beside its mark', () => {
  it('is in view while the mark is on screen and there is room on a side', () => {
    expect(placeCard({ anchor: { top: 390, bottom: 410, left: 500, right: 580 }, card, viewport, rtl: true }).inView).toBe(true);
  });

  it('is not once the mark has left the view, above or below', () => {
    expect(placeCard({ anchor: { top: -30, bottom: -10, left: 500, right: 580 }, card, viewport, rtl: true }).inView).toBe(false);
    expect(placeCard({ anchor: { top: 805, bottom: 825, left: 500, right: 580 }, card, viewport, rtl: true }).inView).toBe(false);
    // Half the mark scrolled off: it is no longer fully beside it.
    expect(placeCard({ anchor: { top: -5, bottom: 15, left: 500, right: 580 }, card, viewport, rtl: true }).inView).toBe(false);
  });

  it('shrinks a tall card to the room it has, never below a usable height', () => {
    const tall = { width: 360, height: 1200 };
    const roomy = placeCard({ anchor: { top: 400, bottom: 420, left: 500, right: 580 }, card: tall, viewport, rtl: true });
    expect(roomy.inView).toBe(true);
    expect(roomy.maxHeight).toBeLessThanOrEqual(viewport.height);
    expect(roomy.top).toBeGreaterThanOrEqual(8);
    // A squat viewport leaves less than MIN_CARD_ROOM on either side.
    const squat = placeCard({
      anchor: { top: 140, bottom: 160, left: 500, right: 580 },
      card: tall,
      viewport: { width: 1000, height: 300 },
      rtl: true,
    });
    expect(squat.maxHeight).toBeLessThan(MIN_CARD_ROOM);
    expect(squat.inView).toBe(false);
    // A card shorter than that fits the same room.
    expect(
      placeCard({
        anchor: { top: 140, bottom: 160, left: 500, right: 580 },
        card: { width: 360, height: 100 },
        viewport: { width: 1000, height: 300 },
        rtl: true,
      }).inView,
    ).toBe(true);
  });
});

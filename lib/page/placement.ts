/**
 * Where the card goes: next to the mention, flipped to stay in the viewport,
 * never covering the mention. Pure geometry, so it is unit-tested without a browser.
 */

export interface Rect {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Placement {
  top: number;
  left: number;
  /** The card scrolls inside this height when neither side has room for all of it. */
  maxHeight: number;
  side: 'below' | 'above';
}

export interface PlacementInput {
  anchor: Rect;
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Right-to-left pages align the card to the mention's right edge. */
  rtl: boolean;
  gap?: number;
  margin?: number;
}

export function placeCard({ anchor, card, viewport, rtl, gap = 8, margin = 8 }: PlacementInput): Placement {
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const fitsBelow = card.height <= roomBelow;
  const fitsAbove = card.height <= roomAbove;
  // Below is the reading direction's natural place; above only when it fits there and not below.
  const side: Placement['side'] = fitsBelow || (!fitsAbove && roomBelow >= roomAbove) ? 'below' : 'above';
  const room = Math.max(side === 'below' ? roomBelow : roomAbove, 0);
  const height = Math.min(card.height, room);
  const top = side === 'below' ? anchor.bottom + gap : anchor.top - gap - height;

  const width = Math.min(card.width, viewport.width - 2 * margin);
  const preferred = rtl ? anchor.right - width : anchor.left;
  const left = Math.min(Math.max(preferred, margin), viewport.width - margin - width);

  return { top, left, maxHeight: room, side };
}

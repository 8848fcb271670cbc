/**
 * Where the card goes: next to the mention, flipped to stay in the viewport,
 * never covering the mention, never taller than the room it has. Pure
 * geometry, so it is unit-tested without a browser.
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
  /** The card's body scrolls inside this height when the card is taller than the room beside the mention. */
  maxHeight: number;
  side: 'below' | 'above';
  /**
   * The card can stay beside its mention, whole and in view: the mention is on
   * screen and there is room for the card (or for at least MIN_CARD_ROOM of it).
   * When false the card should close rather than float away from its mark.
   */
  inView: boolean;
}

export interface PlacementInput {
  anchor: Rect;
  /** The card's width and its natural height, with nothing scrolled away. */
  card: { width: number; height: number };
  viewport: { width: number; height: number };
  /** Right-to-left pages align the card to the mention's right edge. */
  rtl: boolean;
  gap?: number;
  margin?: number;
}

/** The least height a card may shrink to and still be a card: its header, a few lines, its footer. */
export const MIN_CARD_ROOM = 160;

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

  const anchorOnScreen = anchor.top >= 0 && anchor.bottom <= viewport.height;
  const inView = anchorOnScreen && room >= Math.min(card.height, MIN_CARD_ROOM);
  return { top, left, maxHeight: room, side, inView };
}

/**
 * Which painted mention lies under the pointer. Highlights are not elements,
 * so there is no event target to read: find the caret position under the point,
 * take the mentions whose ranges touch that text node, and keep one whose
 * client rects really contain the point (the caret snaps to the nearest text,
 * so the blank after a line's last word would otherwise count as inside it).
 * Where names nest («داعش» in «التحالف الدولي لدحر داعش»), the innermost one
 * under the point wins: the most specific name is the one the reader points at.
 */

export interface Hittable {
  range: Range;
}

export function caretNodeAt(doc: Document, x: number, y: number): Node | null {
  if (typeof doc.caretPositionFromPoint === 'function') {
    return doc.caretPositionFromPoint(x, y)?.offsetNode ?? null;
  }
  // WebKit and older Chromium only have the non-standard caretRangeFromPoint.
  const legacy = (doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint;
  return typeof legacy === 'function' ? (legacy.call(doc, x, y)?.startContainer ?? null) : null;
}

export function rectsContain(range: Range, x: number, y: number, slop = 1): boolean {
  const rects = range.getClientRects();
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

/** Mentions indexed by every text node their range touches. */
export class HitIndex<T extends Hittable> {
  private readonly byNode = new Map<Node, T[]>();

  constructor(items: readonly T[]) {
    for (const item of items) {
      for (const node of textNodesOf(item.range)) {
        const list = this.byNode.get(node);
        if (list) list.push(item);
        else this.byNode.set(node, [item]);
      }
    }
  }

  at(doc: Document, x: number, y: number): T | null {
    const node = caretNodeAt(doc, x, y);
    if (!node) return null;
    const candidates = this.byNode.get(node);
    if (!candidates) return null;
    let hit: T | null = null;
    for (const c of candidates) {
      if ((!hit || inside(c.range, hit.range)) && rectsContain(c.range, x, y)) hit = c;
    }
    return hit;
  }
}

/** Whether range `a` lies within range `b`. */
function inside(a: Range, b: Range): boolean {
  return a.compareBoundaryPoints(Range.START_TO_START, b) >= 0 && a.compareBoundaryPoints(Range.END_TO_END, b) <= 0;
}

function textNodesOf(range: Range): Node[] {
  const start = range.startContainer;
  const end = range.endContainer;
  if (start === end) return [start];
  const nodes: Node[] = [];
  const doc = start.ownerDocument;
  if (!doc) return [start, end];
  const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
  walker.currentNode = start;
  for (let n: Node | null = start; n; n = walker.nextNode()) {
    nodes.push(n);
    if (n === end) break;
  }
  return nodes;
}

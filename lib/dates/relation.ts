/**
 * Where an event stands against the article being read. Dates are ISO-8601
 * prefixes of different precision, so "2024-09" against "2024-09-24" cannot be
 * called before or after: it is "around" the article, and shown as such rather
 * than guessed.
 */
export type Relation = 'before' | 'around' | 'after';

export function relationTo(eventDate: string, articleDate: string): Relation {
  const n = Math.min(eventDate.length, articleDate.length);
  const a = eventDate.slice(0, n);
  const b = articleDate.slice(0, n);
  return a < b ? 'before' : a > b ? 'after' : 'around';
}

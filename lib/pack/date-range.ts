/**
 * ISO date prefixes ("2024", "2024-09", "2024-09-23") as the span of days
 * they cover, so dates of different precision can be compared honestly: an
 * event of "2024-09" is not after a source published on "2024-09-24".
 */
import { daysInMonth, parseDate } from '../dates/calendar';

const pad = (n: number): string => String(n).padStart(2, '0');

export interface DayRange {
  first: string;
  last: string;
}

/** The first and last day `iso` covers, as "YYYY-MM-DD" (comparable as strings); null if it is no date. */
export function dayRange(iso: string | null | undefined): DayRange | null {
  const d = parseDate(iso);
  if (!d) return null;
  const m1 = d.month ?? 1;
  const m2 = d.month ?? 12;
  return {
    first: `${d.year}-${pad(m1)}-${pad(d.day ?? 1)}`,
    last: `${d.year}-${pad(m2)}-${pad(d.day ?? daysInMonth(d.year, m2))}`,
  };
}

/** Whether every day of `a` comes after every day of `b`. */
export function whollyAfter(a: string, b: string): boolean {
  const ra = dayRange(a);
  const rb = dayRange(b);
  return !!ra && !!rb && ra.first > rb.last;
}

/** Whether the two dates can name the same day (one is a prefix of the other). */
export function overlaps(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}

/**
 * Calendar arithmetic on plain {year, month, day} values (UTC days, so no
 * time zone or daylight saving can shift a date), and Hijri → Gregorian.
 */

export type Precision = 'day' | 'month' | 'year';

export interface CalendarDate {
  year: number;
  /** 1–12; absent at year precision. */
  month?: number;
  /** 1–31; absent at month or year precision. */
  day?: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

export function precisionOf(d: CalendarDate): Precision {
  return d.day !== undefined ? 'day' : d.month !== undefined ? 'month' : 'year';
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "2024", "2024-09" or "2024-09-23", as far as the date is known. */
export function formatDate(d: CalendarDate): string {
  if (d.month === undefined) return String(d.year);
  if (d.day === undefined) return `${d.year}-${pad(d.month)}`;
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

const ISO_PREFIX = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** Reads "2024", "2024-09", "2024-09-23" or a longer ISO string (its date part); null if it is none of those. */
export function parseDate(s: string | null | undefined): CalendarDate | null {
  const m = s ? ISO_PREFIX.exec(s) : null;
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

function fromUtc(ms: number): CalendarDate {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DAY_MS = 86_400_000;

export function addDays(d: Required<CalendarDate>, days: number): Required<CalendarDate> {
  return fromUtc(Date.UTC(d.year, d.month - 1, d.day) + days * DAY_MS) as Required<CalendarDate>;
}

/** The month `months` after (or before) the given one. */
export function addMonths(year: number, month: number, months: number): { year: number; month: number } {
  const index = year * 12 + (month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** Sunday = 0. */
export function weekday(d: Required<CalendarDate>): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** The calendar day of an instant in a fixed UTC offset (Baghdad: +180 minutes, no daylight saving). */
export function dayAtOffset(ms: number, offsetMinutes: number): Required<CalendarDate> {
  return fromUtc(ms + offsetMinutes * 60_000) as Required<CalendarDate>;
}

let umalqura: Intl.DateTimeFormat | null | undefined;

/** Umm al-Qura Hijri parts of a UTC day, or null where the runtime lacks that calendar. */
function hijriOf(ms: number): [number, number, number] | null {
  if (umalqura === undefined) {
    try {
      const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });
      umalqura = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
    } catch {
      umalqura = null;
    }
  }
  if (!umalqura) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of umalqura.formatToParts(new Date(ms))) {
    if (p.type === 'year') y = parseInt(p.value, 10);
    else if (p.type === 'month') m = parseInt(p.value, 10);
    else if (p.type === 'day') d = parseInt(p.value, 10);
  }
  return [y, m, d];
}

/**
 * The Gregorian day of a Hijri date. The arithmetic (tabular) calendar gives
 * a first guess within two days; the Umm al-Qura calendar, where the runtime
 * has it, then fixes the exact day. Iraq starts months by moon sighting, so a
 * day either way remains possible (ARABIC.md).
 */
export function hijriToGregorian(year: number, month: number, day: number): Required<CalendarDate> {
  // Julian day number of the tabular calendar (civil epoch), then Unix days.
  const jdn = day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439;
  const guess = (jdn - 2440588) * DAY_MS;
  for (const delta of [0, -1, 1, -2, 2, -3, 3]) {
    const ms = guess + delta * DAY_MS;
    const h = hijriOf(ms);
    if (!h) break;
    if (h[0] === year && h[1] === month && h[2] === day) return fromUtc(ms) as Required<CalendarDate>;
  }
  return fromUtc(guess) as Required<CalendarDate>;
}

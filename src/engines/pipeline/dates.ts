import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 date or timestamp read in UTC; undefined when unreadable. */
export function isoMillis(iso: string | undefined): number | undefined {
  if (iso === undefined || iso === '') return undefined;
  // Plain dates are by far the most common in CRM exports; reading them directly keeps large imports fast.
  if (iso.length === 10) {
    const millis = plainDateMillis(iso);
    if (millis !== undefined) return millis;
  }
  const plain = PLAIN_DATE.exec(iso);
  if (plain !== null) {
    const [, y, m, d] = plain.map(Number) as [number, number, number, number];
    const millis = Date.UTC(y, m - 1, d);
    return new Date(millis).getUTCDate() === d ? millis : undefined;
  }
  const parsed = DateTime.fromISO(iso, { zone: 'utc' });
  return parsed.isValid ? parsed.toMillis() : undefined;
}

/** Days (fractional) from `from` to `to`; undefined when either date is missing or unreadable. */
export function daysBetween(from: string | undefined, to: string | undefined): number | undefined {
  const start = isoMillis(from);
  const end = isoMillis(to);
  if (start === undefined || end === undefined) return undefined;
  return (end - start) / DAY_MS;
}

/** The `YYYY-MM` month or `YYYY-Qn` quarter a date falls in, in UTC. */
export function periodKey(iso: string | undefined, by: 'month' | 'quarter'): string | undefined {
  const millis = isoMillis(iso);
  if (millis === undefined) return undefined;
  const date = new Date(millis);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + 1;
  return by === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The digit at `at` of `text`, or -1 when it is not one. */
function digitAt(text: string, at: number): number {
  const digit = text.charCodeAt(at) - 48;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** Days of a common year before the first of each month. */
const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Leap years from year 1 to `year` (1 or more), in the proleptic Gregorian calendar Date.UTC counts in. */
const leapYearsTo = (year: number): number => ((year / 4) | 0) - ((year / 100) | 0) + ((year / 400) | 0);

const LEAP_YEARS_TO_1969 = leapYearsTo(1969);

/** A `YYYY-MM-DD` date from year 100 on, read digit by digit; undefined for anything else, which takes the slow path. */
export function plainDateMillis(iso: string): number | undefined {
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  const y0 = digitAt(iso, 0);
  const y1 = digitAt(iso, 1);
  const y2 = digitAt(iso, 2);
  const y3 = digitAt(iso, 3);
  const m0 = digitAt(iso, 5);
  const m1 = digitAt(iso, 6);
  const d0 = digitAt(iso, 8);
  const d1 = digitAt(iso, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  // Date.UTC reads years 0–99 as 1900–1999; leave those to the slow path, which keeps that reading.
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const last = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  if (d > last) return undefined;
  // Counted here rather than by Date.UTC, which costs several times more over the millions of dates of an import.
  const days =
    (y - 1970) * 365 +
    leapYearsTo(y - 1) -
    LEAP_YEARS_TO_1969 +
    (DAYS_BEFORE_MONTH[m - 1] ?? 0) +
    (m > 2 && leap ? 1 : 0) +
    d -
    1;
  return days * DAY_MS;
}

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

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar, year 1 on, as Date.UTC counts them; plain
 * arithmetic (H. Hinnant's days_from_civil) because a large import reads millions of dates and Date.UTC costs
 * several times more.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

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
  return d > last ? undefined : daysFromCivil(y, m, d) * DAY_MS;
}

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

/** A `YYYY-MM-DD` date from year 100 on, read digit by digit; undefined for anything else, which takes the slow path. */
export function plainDateMillis(iso: string): number | undefined {
  if (iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return undefined;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = iso.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return undefined;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  // Date.UTC reads years 0–99 as 1900–1999; leave those to the slow path, which keeps that reading.
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const last = m === 2 && leap ? 29 : (DAYS_IN_MONTH[m - 1] ?? 31);
  return d > last ? undefined : Date.UTC(y, m - 1, d);
}

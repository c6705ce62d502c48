import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds since the epoch of an ISO 8601 date or timestamp read in UTC; undefined when unreadable. */
export function isoMillis(iso: string | undefined): number | undefined {
  if (iso === undefined || iso === '') return undefined;
  // Plain dates are by far the most common in CRM exports; reading them directly keeps large imports fast.
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

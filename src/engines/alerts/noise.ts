import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import type { Alert } from './types.js';

/** Local hours in which nothing is sent: `start` included to `end` excluded, e.g. 18:00 to 08:00. */
export interface QuietHours {
  start: string;
  end: string;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { start: '18:00', end: '08:00' };

/** Above this many alerts for one person in one message, they get a summary instead. */
export const SUMMARY_OVER = 50;
/** The summary lists this many alerts, the largest amounts first. */
export const SUMMARY_TOP = 10;

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of `HH:MM`; InputError for anything else. */
export function minutesOf(time: string): number {
  const match = HH_MM.exec(time);
  if (!match)
    throw new InputError([{ path: 'quietHours', message: `"${time}" is not a time such as 18:00` }]);
  return Number(match[1]) * 60 + Number(match[2]);
}

function isQuiet(minute: number, start: number, end: number): boolean {
  if (start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function local(now: string, zone: string): DateTime {
  const time = DateTime.fromISO(now, { zone });
  if (!time.isValid) {
    throw new InputError([
      { path: 'now', message: `must be an ISO timestamp in a known time zone, got ${now}` },
    ]);
  }
  return time;
}

/**
 * When a message raised at `now` may go to a person in `zone`: at once outside quiet hours, else when
 * the quiet hours end (the same morning, or the next one after an evening). DST is luxon's: a quiet end
 * that falls in a skipped hour moves forward to the first valid minute.
 */
export function sendTime(now: string, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): string {
  const at = local(now, zone);
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (!isQuiet(at.hour * 60 + at.minute, start, end)) return at.toUTC().toISO() ?? now;
  let day = at.startOf('day');
  if (at.hour * 60 + at.minute >= end) day = day.plus({ days: 1 });
  const open = day.set({ hour: Math.floor(end / 60), minute: end % 60 });
  return open.toUTC().toISO() ?? now;
}

/** The first send time of the local day after the one `now` falls on: for a person already sent to today. */
export function nextDaySendTime(now: string, zone: string, quiet: QuietHours = DEFAULT_QUIET_HOURS): string {
  const tomorrow = local(now, zone).startOf('day').plus({ days: 1 });
  return sendTime(tomorrow.toUTC().toISO() ?? now, zone, quiet);
}

/** The local calendar day of a moment in a zone, `2026-11-26`. */
export function localDay(at: string, zone: string): string {
  return local(at, zone).toISODate() ?? at.slice(0, 10);
}

/** What one person's message holds: every alert, or above 50 the top 10 by amount and the rest to show on request. */
export type Coalesced =
  | { kind: 'list'; alerts: Alert[] }
  | { kind: 'summary'; top: Alert[]; rest: Alert[]; total: number };

/** Orders alerts by amount (largest first, no amount last), then by deal id, for a stable message. */
export function byAmount(a: Alert, b: Alert): number {
  return (
    (b.amount ?? -1) - (a.amount ?? -1) || a.dealId.localeCompare(b.dealId) || a.rule.localeCompare(b.rule)
  );
}

/** One person's alerts as one message: a list, or a summary when there are more than 50. */
export function coalesce(alerts: readonly Alert[]): Coalesced {
  const sorted = [...alerts].sort(byAmount);
  if (sorted.length <= SUMMARY_OVER) return { kind: 'list', alerts: sorted };
  return {
    kind: 'summary',
    top: sorted.slice(0, SUMMARY_TOP),
    rest: sorted.slice(SUMMARY_TOP),
    total: sorted.length,
  };
}

import { DateTime } from 'luxon';

/**
 * Pinned moments for tests whose app clock meets a library that reads the real one (BullMQ delays,
 * Redis TTLs, job schedulers). A moment fixed in the source goes stale once the real date passes it, so
 * these derive the moment from the real clock and keep the weekday, local hour and zone the assertions
 * rely on. Expected values are then computed from the derived moment with luxon, never written as dates.
 */

/** ISO weekday numbers, as luxon counts them. */
export const WEEKDAY = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
} as const;

/**
 * The first `weekday` at `hour`:00 local time in `zone` that falls at least `minDaysAhead` days after
 * `after` (the real clock unless given), so jobs filed from it are still in BullMQ's future.
 */
export function nextLocal(options: {
  weekday: number;
  hour: number;
  zone: string;
  minDaysAhead?: number;
  after?: Date;
}): DateTime {
  const after = DateTime.fromJSDate(options.after ?? new Date(), { zone: options.zone }).plus({
    days: options.minDaysAhead ?? 1,
  });
  let day = after.startOf('day');
  while (day.weekday !== options.weekday) day = day.plus({ days: 1 });
  return day.set({ hour: options.hour });
}

/**
 * `from` moved forward by `days` working days (Monday to Friday, less `holidays` given as ISO dates),
 * keeping its local time of day.
 */
export function plusWorkingDays(from: DateTime, days: number, holidays: readonly string[] = []): DateTime {
  let day = from;
  let left = days;
  while (left > 0) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !holidays.includes(day.toISODate() ?? '')) left -= 1;
  }
  return day;
}

/**
 * The first local day after `after` (the real clock unless given) on which `zone` turns its clocks back
 * (`'back'`, the end of daylight time) or forward (`'forward'`), at the start of that day.
 */
export function nextClockChange(zone: string, direction: 'back' | 'forward', after = new Date()): DateTime {
  let day = DateTime.fromJSDate(after, { zone }).startOf('day');
  for (let i = 0; i < 800; i += 1) {
    const next = day.plus({ days: 1 });
    const change = next.set({ hour: 12 }).offset - day.set({ hour: 12 }).offset;
    if ((direction === 'back' && change < 0) || (direction === 'forward' && change > 0)) return next;
    day = next;
  }
  throw new Error(`${zone} does not change its clocks ${direction} within two years`);
}

/** The instant as the app stores it: ISO 8601 in UTC without milliseconds, as in `2026-11-26T14:00:00Z`. */
export function isoSeconds(moment: DateTime): string {
  return moment.toUTC().toISO({ suppressMilliseconds: true }) ?? '';
}

/** The local calendar date, as in `2026-11-26`. */
export function isoDate(moment: DateTime): string {
  return moment.toISODate() ?? '';
}

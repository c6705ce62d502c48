import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import { METRICS, type MetricId } from './metrics.js';
import type { Dashboard } from './types.js';

/** The dashboard's figures as plain numbers, kept once a week to draw trends from. */
export interface Snapshot {
  /** ISO week, e.g. `2026-W48`. */
  week: string;
  takenAt: string;
  /** Figures by metric id; a figure that was unknown that week is left out. */
  figures: Partial<Record<MetricId, number>>;
}

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The ISO week (`2026-W48`) that `now` falls in, in the team's time zone. */
export function isoWeek(now: string, zone = 'UTC'): string {
  const time = DateTime.fromISO(now, { zone });
  if (!time.isValid) {
    throw new InputError([
      { path: 'now', message: `must be an ISO timestamp in a known time zone, got ${now}` },
    ]);
  }
  return `${time.weekYear}-W${String(time.weekNumber).padStart(2, '0')}`;
}

/** The ISO week `weeks` weeks before (negative: after) the given one. */
export function weeksBefore(week: string, weeks: number): string {
  const match = WEEK.exec(week);
  const start =
    match === null
      ? undefined
      : DateTime.fromObject(
          { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
          { zone: 'utc' },
        );
  if (start === undefined || !start.isValid || isoWeek(start.toISO() ?? '') !== week) {
    throw new InputError([{ path: 'week', message: `must be an ISO week such as 2026-W48, got ${week}` }]);
  }
  return isoWeek(start.minus({ weeks }).toISO() ?? '');
}

/** Takes the week's snapshot of a dashboard: every known figure by metric id. */
export function toSnapshot(dashboard: Dashboard, now: string, zone = 'UTC'): Snapshot {
  const figures: Partial<Record<MetricId, number>> = {};
  for (const metric of METRICS) {
    const value = metric.value(dashboard);
    if (value !== undefined && Number.isFinite(value)) figures[metric.id] = value;
  }
  return { week: isoWeek(now, zone), takenAt: now, figures };
}

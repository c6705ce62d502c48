import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import type { Deal } from '../deal.js';
import { averageDeal, cycleLength, type StageDef, winRate } from '../pipeline/index.js';
import type { Trend } from '../types.js';
import { trendOf } from './history.js';
import type { MetricId } from './metrics.js';
import { inPeriod } from './quota.js';
import type { Period } from './types.js';

/** Close rate, average won deal and cycle of the deals that closed within one period. */
export interface WindowFigures {
  period: Period;
  closed: number;
  closeRate?: number;
  averageDeal?: number;
  cycleDays?: number;
}

type WindowMetric = Extract<MetricId, 'closeRate' | 'averageDeal' | 'cycleDays'>;

/** Figures of the deals closed (won or lost) within the period. */
export function closedWindow(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  period: Period,
): WindowFigures {
  const closed = deals.filter((d) => d.status !== 'open' && inPeriod(d.closedAt, period));
  const figures: WindowFigures = { period, closed: closed.length };
  const rate = winRate(closed);
  const average = averageDeal(closed);
  const cycle = cycleLength(stages, closed).medianDays;
  if (rate !== undefined) figures.closeRate = rate;
  if (average !== undefined) figures.averageDeal = average;
  if (cycle !== undefined) figures.cycleDays = cycle;
  return figures;
}

/** The figures of two windows side by side, with the trend of each metric both have. */
export type WindowComparison = {
  current: WindowFigures;
  previous: WindowFigures;
  trends: Partial<Record<WindowMetric, Trend>>;
};

/**
 * The `days` up to `now` against the `days` before (flat within 1%), with `figuresOf` giving each window's
 * figures; a metric either window lacks has no trend. Shared by the row-wise and the columnar dashboards.
 */
export function compareWindows(
  figuresOf: (period: Period) => WindowFigures,
  options: { now: string; days?: number },
): WindowComparison {
  const days = options.days ?? 90;
  const end = DateTime.fromISO(options.now, { zone: 'utc' }).startOf('day').plus({ days: 1 });
  if (!end.isValid)
    throw new InputError([{ path: 'now', message: `must be an ISO timestamp, got ${options.now}` }]);
  const date = (t: DateTime) => t.toISODate() ?? '';
  const current = figuresOf({ start: date(end.minus({ days })), end: date(end) });
  const previous = figuresOf({ start: date(end.minus({ days: 2 * days })), end: date(end.minus({ days })) });
  const trends: Partial<Record<WindowMetric, Trend>> = {};
  for (const metric of ['closeRate', 'averageDeal', 'cycleDays'] as const) {
    const now = current[metric];
    const before = previous[metric];
    if (now !== undefined && before !== undefined) trends[metric] = trendOf(now, before);
  }
  return { current, previous, trends };
}

/**
 * Trends a file of deals shows on its own, without weekly snapshots: the deals closed in the `days` up to
 * `now` against those closed in the `days` before (flat within 1%); a metric either window lacks has no trend.
 */
export function windowTrends(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: { now: string; days?: number },
): WindowComparison {
  return compareWindows((period) => closedWindow(stages, deals, period), options);
}

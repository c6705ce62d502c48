import type { Period } from '../dashboard/types.js';
import { compareWindows, type WindowComparison, type WindowFigures } from '../dashboard/window.js';
import { isoMillis } from '../pipeline/dates.js';
import { percentOf, round1 } from '../pipeline/stats.js';
import type { DealColumns } from './columns.js';
import { DayList, sortDays, sortedQuantile } from './sorted.js';

const DAY_MS = 86_400_000;
const OPEN = 0;
const LOST = 2;

/** `closedWindow` over columns: the deals closed within the period. */
export function closedWindowColumns(columns: DealColumns, period: Period): WindowFigures {
  const start = isoMillis(period.start) ?? Number.NaN;
  const end = isoMillis(period.end) ?? Number.NaN;
  let closed = 0;
  let won = 0;
  let lost = 0;
  let sum = 0;
  let priced = 0;
  const cycle = new DayList();
  for (let i = 0; i < columns.length; i++) {
    const status = columns.status[i] ?? OPEN;
    if (status === OPEN) continue;
    const at = columns.closed[i] ?? Number.NaN;
    if (!(at >= start && at < end)) continue;
    closed += 1;
    if (status === LOST) {
      lost += 1;
      continue;
    }
    won += 1;
    const amount = columns.amount[i] ?? Number.NaN;
    if (!Number.isNaN(amount)) {
      sum += amount;
      priced += 1;
    }
    const days = (at - (columns.cycleStart[i] ?? Number.NaN)) / DAY_MS;
    if (days >= 0) cycle.push(days);
  }
  const figures: WindowFigures = { period, closed };
  const rate = percentOf(won, won + lost);
  const middle = sortedQuantile(sortDays(cycle.values()), 0.5);
  if (rate !== undefined) figures.closeRate = rate;
  if (priced > 0) figures.averageDeal = sum / priced;
  if (middle !== undefined) figures.cycleDays = round1(middle);
  return figures;
}

/** `windowTrends` over columns: deals closed in the `days` up to `now` against the `days` before. */
export function windowTrendsColumns(
  columns: DealColumns,
  options: { now: string; days?: number },
): WindowComparison {
  return compareWindows((period) => closedWindowColumns(columns, period), options);
}

/** `newestDealDate` over columns: the newest creation, close or stage entry, as an ISO timestamp. */
export function newestColumnsDate(columns: DealColumns): string | undefined {
  let newest = Number.NEGATIVE_INFINITY;
  for (const list of [columns.created, columns.closed, columns.historyAt]) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i] ?? Number.NaN;
      if (v > newest) newest = v;
    }
  }
  return newest === Number.NEGATIVE_INFINITY ? undefined : new Date(newest).toISOString();
}

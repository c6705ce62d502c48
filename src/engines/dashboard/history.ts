import { isoMillis } from '../pipeline/dates.js';
import type { Trend } from '../types.js';
import { METRICS, type MetricId } from './metrics.js';
import { type Snapshot, weeksBefore } from './snapshot.js';

/** Changes within this share of the reference value count as flat. */
export const FLAT_WITHIN = 0.01;
const BASELINE_WEEKS = 4;

/** One metric this week against last week and the 4-week baseline. */
export interface MetricComparison {
  current?: number;
  lastWeek?: number;
  /** Mean of the figures of up to the 4 weeks before this one. */
  baseline4w?: number;
  /** Which way the number moved: `up` means it went up, even for a metric where lower is better. */
  trendWeek: Trend;
  trendBaseline: Trend;
  /** Whether the move is good news (undefined when flat or nothing to compare with). */
  betterWeek: boolean | undefined;
  betterBaseline: boolean | undefined;
}

export type Comparison = Record<MetricId, MetricComparison>;

/** `up`, `down` or `flat` (within 1% of the reference, relative); flat when either value is missing. */
export function trendOf(current: number | undefined, reference: number | undefined): Trend {
  if (current === undefined || reference === undefined) return 'flat';
  if (Math.abs(current - reference) <= FLAT_WITHIN * Math.abs(reference)) return 'flat';
  return current > reference ? 'up' : 'down';
}

/** Whether a move is good news for a metric where `better` says which way is good. */
export function isBetter(trend: Trend, better: 'up' | 'down'): boolean | undefined {
  return trend === 'flat' ? undefined : trend === better;
}

/**
 * Compares this week's snapshot with history: last week is the snapshot of the ISO week just before (a gap
 * leaves it unknown), the baseline the mean over the 4 weeks before this one that have the figure.
 * Snapshots of this week or later are ignored; of two snapshots of one week the later taken counts.
 */
export function compareToHistory(current: Snapshot, history: readonly Snapshot[]): Comparison {
  const byWeek = new Map<string, Snapshot>();
  for (const snapshot of history) {
    const kept = byWeek.get(snapshot.week);
    if (kept === undefined || (isoMillis(kept.takenAt) ?? 0) < (isoMillis(snapshot.takenAt) ?? 0)) {
      byWeek.set(snapshot.week, snapshot);
    }
  }
  const previous = Array.from({ length: BASELINE_WEEKS }, (_, i) =>
    byWeek.get(weeksBefore(current.week, i + 1)),
  );
  const entries = METRICS.map((metric): [MetricId, MetricComparison] => {
    const now = current.figures[metric.id];
    const lastWeek = previous[0]?.figures[metric.id];
    const past = previous.flatMap((s) => {
      const value = s?.figures[metric.id];
      return value === undefined ? [] : [value];
    });
    const baseline = past.length === 0 ? undefined : past.reduce((sum, v) => sum + v, 0) / past.length;
    const trendWeek = trendOf(now, lastWeek);
    const trendBaseline = trendOf(now, baseline);
    const row: MetricComparison = {
      trendWeek,
      trendBaseline,
      betterWeek: isBetter(trendWeek, metric.better),
      betterBaseline: isBetter(trendBaseline, metric.better),
    };
    if (now !== undefined) row.current = now;
    if (lastWeek !== undefined) row.lastWeek = lastWeek;
    if (baseline !== undefined) row.baseline4w = baseline;
    return [metric.id, row];
  });
  return Object.fromEntries(entries) as Comparison;
}

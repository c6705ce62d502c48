import type { Trend } from '../types.js';

export interface MetricReading {
  name: string;
  target: number;
  current?: number;
  previous?: number;
  /** False for metrics where less is better, such as cycle days or CAC; true unless given. */
  higherIsBetter?: boolean;
}

export type MetricStatus = 'on-target' | 'near-target' | 'below-target' | 'unknown';

export interface MetricAnalysis {
  name: string;
  target: number;
  current?: number;
  previous?: number;
  higherIsBetter: boolean;
  /** How far the metric is ahead of target (positive) or behind it (negative), in the metric's unit. */
  gap?: number;
  /** The value's direction since the previous period, whatever is better. */
  trend: Trend;
  status: MetricStatus;
}

/** A change within 1 % of the previous value is noise, not a trend. */
export const FLAT_TOLERANCE = 0.01;
/** Within 10 % of target counts as near it. */
export const NEAR_TARGET = 0.9;

/** Current as a share of target, turned around for lower-is-better metrics; 1 means exactly on target. */
function attainment(target: number, current: number, higherIsBetter: boolean): number {
  const [made, wanted] = higherIsBetter ? [current, target] : [target, current];
  if (wanted === 0) return made >= 0 ? 1 : 0;
  return made / wanted;
}

/** Status rules, first match wins. */
const STATUS_RULES: readonly { status: MetricStatus; when: (share: number | undefined) => boolean }[] = [
  { status: 'unknown', when: (share) => share === undefined },
  { status: 'on-target', when: (share) => (share ?? 0) >= 1 },
  { status: 'near-target', when: (share) => (share ?? 0) >= NEAR_TARGET },
  { status: 'below-target', when: () => true },
];

/** Direction of a value against the previous period: flat when unknown or within 1 % of it. */
export function trendOf(current: number | undefined, previous: number | undefined): Trend {
  if (current === undefined || previous === undefined) return 'flat';
  if (Math.abs(current - previous) <= FLAT_TOLERANCE * Math.abs(previous)) return 'flat';
  return current > previous ? 'up' : 'down';
}

/** Compares each metric with its target and the previous period: gap, trend and status. */
export function analyzeConversion(metrics: readonly MetricReading[]): MetricAnalysis[] {
  return metrics.map((m) => {
    const higherIsBetter = m.higherIsBetter ?? true;
    const share = m.current === undefined ? undefined : attainment(m.target, m.current, higherIsBetter);
    const status = STATUS_RULES.find((rule) => rule.when(share))?.status ?? 'unknown';
    const analysis: MetricAnalysis = {
      name: m.name,
      target: m.target,
      higherIsBetter,
      trend: trendOf(m.current, m.previous),
      status,
    };
    if (m.current !== undefined) {
      analysis.current = m.current;
      analysis.gap = higherIsBetter ? m.current - m.target : m.target - m.current;
    }
    if (m.previous !== undefined) analysis.previous = m.previous;
    return analysis;
  });
}

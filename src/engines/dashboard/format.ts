import { formatHealth } from '../blueprint/labels.js';
import { trendArrow } from '../blueprint/layout/format.js';
import { formatCount, formatMoney, formatPercent } from '../format.js';
import type { StageBottleneck } from '../pipeline/index.js';
import { round1 } from '../pipeline/stats.js';
import type { MetricComparison } from './history.js';
import type { MetricUnit } from './metrics.js';

const NONE = '—';

const FORMATS: Record<MetricUnit, (value: number) => string> = {
  percent: (v) => formatPercent(round1(v)),
  money: formatMoney,
  days: (v) => (round1(v) === 1 ? '1 day' : `${round1(v)} days`),
  ratio: (v) => `${round1(v)}×`,
  moneyPerDay: (v) => `${formatMoney(v)}/day`,
  count: formatCount,
  score: formatHealth,
};

/** A metric value in its unit (`63.2%`, `$2,361`, `57 days`, `1.6×`, `$54,640/day`), or `—` when unknown. */
export function formatMetricValue(value: number | undefined, unit: MetricUnit): string {
  return value === undefined || !Number.isFinite(value) ? NONE : FORMATS[unit](value);
}

/** A comparison cell: the arrow and the value compared with (`↑ 61%`), or `—` with nothing to compare. */
export function formatTrendCell(
  comparison: MetricComparison | undefined,
  against: 'lastWeek' | 'baseline4w',
  unit: MetricUnit,
): string {
  const reference = comparison?.[against];
  if (comparison?.current === undefined || reference === undefined) return NONE;
  const trend = against === 'lastWeek' ? comparison.trendWeek : comparison.trendBaseline;
  return `${trendArrow(trend)} ${formatMetricValue(reference, unit)}`;
}

/** What the numbers say about a bottleneck stage, one short sentence each. */
export function bottleneckFacts(b: StageBottleneck): string[] {
  const facts: string[] = [];
  if (b.dropped > 0) {
    const deals = b.dropped === 1 ? '1 deal' : `${formatCount(b.dropped)} deals`;
    facts.push(`${deals} lost here, ${formatMoney(b.moneyLost)} at the downstream win rate`);
  }
  if (b.conversion !== undefined) {
    const target = b.target === undefined ? '' : ` against a target of ${formatPercent(b.target)}`;
    facts.push(`converts ${formatPercent(b.conversion)}${target}`);
  }
  if (b.medianDays !== undefined) {
    const tail = b.p90Days === undefined ? '' : `, p90 ${b.p90Days} days`;
    facts.push(`median ${b.medianDays} days in stage${tail}`);
  }
  return facts;
}

import type { Dashboard } from './types.js';

export const METRIC_IDS = [
  'mqlToSql',
  'sqlToOpp',
  'closeRate',
  'averageDeal',
  'cycleDays',
  'weightedPipeline',
  'coverage',
  'velocity',
  'stuckDeals',
  'health',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export type MetricUnit = 'percent' | 'money' | 'days' | 'ratio' | 'moneyPerDay' | 'count' | 'score';

/** One dashboard row: how it is labelled, its unit, which way is better, and where its value comes from. */
export interface MetricDef {
  id: MetricId;
  label: string;
  unit: MetricUnit;
  /** `up` when a higher number is better, `down` when a lower one is (cycle length, stuck deals). */
  better: 'up' | 'down';
  value: (dashboard: Dashboard) => number | undefined;
  /** The target to show: the team's own, or one the figures imply (coverage needs 1 ÷ win rate). */
  target: (dashboard: Dashboard) => number | undefined;
}

type MetricRow = Omit<MetricDef, 'target'> & Partial<Pick<MetricDef, 'target'>>;

const ROWS: MetricRow[] = [
  { id: 'mqlToSql', label: 'MQL to SQL', unit: 'percent', better: 'up', value: (d) => d.leads?.mqlToSql },
  { id: 'sqlToOpp', label: 'SQL to Opp', unit: 'percent', better: 'up', value: (d) => d.leads?.sqlToOpp },
  { id: 'closeRate', label: 'Close Rate', unit: 'percent', better: 'up', value: (d) => d.closeRate },
  { id: 'averageDeal', label: 'Avg Deal', unit: 'money', better: 'up', value: (d) => d.averageDeal },
  { id: 'cycleDays', label: 'Cycle Length', unit: 'days', better: 'down', value: (d) => d.cycle.medianDays },
  {
    id: 'weightedPipeline',
    label: 'Weighted Pipeline',
    unit: 'money',
    better: 'up',
    value: (d) => d.pipeline.weighted,
  },
  {
    id: 'coverage',
    label: 'Coverage',
    unit: 'ratio',
    better: 'up',
    value: (d) => d.quota?.coverage,
    target: (d) => d.targets.coverage ?? d.neededCoverage,
  },
  { id: 'velocity', label: 'Sales Velocity', unit: 'moneyPerDay', better: 'up', value: (d) => d.velocity },
  { id: 'stuckDeals', label: 'Stuck Deals', unit: 'count', better: 'down', value: (d) => d.stuckCount },
  { id: 'health', label: 'Pipeline Health', unit: 'score', better: 'up', value: (d) => d.health?.score },
];

/** The dashboard's rows in display order: the seed's four (MQL to SQL … Avg Deal) first. */
export const METRICS: readonly MetricDef[] = ROWS.map((m) => ({
  ...m,
  target: m.target ?? ((d: Dashboard) => d.targets[m.id]),
}));

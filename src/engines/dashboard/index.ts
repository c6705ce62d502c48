/** The manager's dashboard: figures with targets, weekly snapshots and trends against history. */

export { dealsAsOf } from './as-of.js';
export { computeDashboard, type DashboardInput } from './compute.js';
export { bottleneckFacts, formatMetricValue, formatTrendCell } from './format.js';
export {
  type Comparison,
  compareToHistory,
  FLAT_WITHIN,
  isBetter,
  type MetricComparison,
  trendOf,
} from './history.js';
export { type StageSource, stagesForImport, stagesFromNames } from './import-stages.js';
export {
  type FunnelLead,
  furthestGate,
  LEAD_STATUSES,
  type LeadFunnel,
  type LeadStatus,
  leadFunnel,
} from './leads.js';
export { type MeasureDate, measureDate, measureDateFromNewest, newestDealDate } from './measure-date.js';
export { METRIC_IDS, METRICS, type MetricDef, type MetricId, type MetricUnit } from './metrics.js';
export { inPeriod, quarterOf, quotaFromWon, quotaStatus } from './quota.js';
export { REPORT_STUCK_LISTED, type ReportContext, renderReportText } from './report-text.js';
export { isoWeek, type Snapshot, toSnapshot, weeksBefore } from './snapshot.js';
export type { Dashboard, Period, QuotaStatus } from './types.js';
export { closedWindow, type WindowFigures, windowTrends } from './window.js';

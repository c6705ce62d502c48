/** Deal metrics over typed columns: each deal parsed once, the dashboard in one pass. */
export {
  type DealColumns,
  DealColumnsBuilder,
  Dictionary,
  NONE,
  STATUS_CODES,
  toColumns,
} from './columns.js';
export { type ColumnarDashboardInput, computeColumnarDashboard } from './dashboard.js';
export { sortDays, sortedQuantile } from './sorted.js';
export { closedWindowColumns, newestColumnsDate, windowTrendsColumns } from './window.js';

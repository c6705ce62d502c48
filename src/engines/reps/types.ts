import type { Period } from '../dashboard/types.js';

/** One rep's figures in the weekly digest; money in whole units, percentages 0–100. */
export interface RepRow {
  /** The owner as the CRM exports it. */
  rep: string;
  openDeals: number;
  /** Σ amount over the rep's open deals. */
  openPipeline: number;
  /** Σ amount × stage probability over the rep's open deals. */
  weighted: number;
  newThisWeek: number;
  wonThisWeek: number;
  lostThisWeek: number;
  /** Open deals whose close date moved out since the previous import, or passed this week while still open. */
  slippedThisWeek: number;
  /** Won amount closed in the quarter. */
  wonQuarter: number;
  /** Won and lost deals of the rep in the whole import. */
  closedDeals: number;
  /** Won ÷ closed; undefined below the minimum of closed deals, shown as "—". */
  winRate?: number;
  quota?: number;
  /** Won in the quarter ÷ quota. */
  attainment?: number;
  /** Open pipeline ÷ quota still to reach (×, one decimal); undefined once the quota is met. */
  coverage?: number;
}

/** The forecast for the quarter: from the CRM's forecast categories when the export has them, else weighted. */
export type Forecast =
  | { basis: 'category'; period: Period; closed: number; commit: number; bestCase: number; pipeline: number }
  | { basis: 'weighted'; period: Period; closed: number; weighted: number; pipeline: number };

export interface RepReport {
  week: Period;
  quarter: Period;
  rows: RepRow[];
  /** Reps by won amount in the quarter, largest first. */
  byWon: { rep: string; amount: number }[];
  /** Reps by win rate, highest first; reps below the minimum of closed deals last, with no rate. */
  byWinRate: { rep: string; winRate?: number; closedDeals: number }[];
  forecast: Forecast;
  /** Closed deals a win rate needs. */
  minClosed: number;
}

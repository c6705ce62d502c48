import type { HealthScore } from '../design.js';
import type {
  BottleneckView,
  CalibratedStage,
  FunnelRow,
  StageBottleneck,
  StageStep,
  StageTime,
  StuckDeal,
  WeightedPipeline,
} from '../pipeline/index.js';
import type { LeadFunnel } from './leads.js';
import type { MetricId } from './metrics.js';

/** A span of time as ISO dates: `start` included, `end` excluded. */
export interface Period {
  start: string;
  end: string;
}

/** Where the team stands against the quota it set for a period. */
export interface QuotaStatus {
  amount: number;
  period: Period;
  /** Won amounts closed within the period. */
  won: number;
  /** Quota still to reach (0 once met). */
  remaining: number;
  /** Open pipeline ÷ remaining quota (×, one decimal); absent once the quota is met. */
  coverage?: number;
  /** Pipeline still to create to reach the needed coverage. */
  gap: number;
  covered: boolean;
}

/** Every figure of the manager's dashboard at one moment; percentages are 0–100, money in whole units. */
export interface Dashboard {
  asOf: string;
  counts: { deals: number; open: number; won: number; lost: number };
  /** The top of the funnel; absent when no leads were given, so MQL and SQL figures show as "—". */
  leads?: LeadFunnel;
  /** Won ÷ (won + lost), unrounded. */
  closeRate?: number;
  averageDeal?: number;
  cycle: { medianDays?: number; sample: number };
  pipeline: WeightedPipeline;
  /** 1 ÷ win rate (×, one decimal): the coverage the close rate calls for. */
  neededCoverage?: number;
  quota?: QuotaStatus;
  /** Money per day: open deals × win rate × average deal ÷ cycle days. */
  velocity?: number;
  funnel: FunnelRow[];
  conversion: StageStep[];
  timeInStage: StageTime[];
  /** Ranked by money lost, as the pipeline engine reports them. */
  bottlenecks: StageBottleneck[];
  worst: Partial<Record<BottleneckView, string>>;
  /** The bottleneck to act on first: the stage with the most money lost that has a flag. */
  topBottleneck?: StageBottleneck;
  /** Configured against observed stage probabilities. */
  probabilities: CalibratedStage[];
  /** Open deals past their stage's p90, most overdue first; only the first `stuckLimit` when the input set one. */
  stuck: StuckDeal[];
  /** How many open deals are past their stage's p90, listed or not. */
  stuckCount: number;
  health?: HealthScore;
  /** The team's targets as given (coverage falls back to the needed coverage). */
  targets: Partial<Record<MetricId, number>>;
}

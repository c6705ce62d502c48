import type { Deal } from '../deal.js';
import {
  averageDeal,
  calibrateProbabilities,
  cycleLength,
  findBottlenecks,
  healthInputsFromDeals,
  outcomeOf,
  pipelineHealth,
  type StageDef,
  salesVelocity,
  snapshotFunnel,
  stageConversion,
  stuckDeals,
  timeInStage,
  weightedPipeline,
  winRate,
} from '../pipeline/index.js';
import { round1 } from '../pipeline/stats.js';
import { type FunnelLead, leadFunnel } from './leads.js';
import type { MetricId } from './metrics.js';
import { quarterOf, quotaStatus } from './quota.js';
import type { Dashboard, Period } from './types.js';

export interface DashboardInput {
  stages: readonly StageDef[];
  deals: readonly Deal[];
  /** Leads with their MQL, SQL and opportunity dates; without them MQL to SQL and SQL to Opp stay unknown. */
  leads?: readonly FunnelLead[];
  /** The quota the team set for `period`. */
  quota?: number;
  /** ISO timestamp the figures are taken at (stuck deals, freshness, the default quota period). */
  now: string;
  /** The quota period; the calendar quarter of `now` in `zone` when left out. */
  period?: Period;
  /** IANA time zone of the team; UTC when left out. */
  zone?: string;
  targets?: Partial<Record<MetricId, number>>;
  /** Days without a stage change before an open deal is no longer fresh (the team's stale limit; 30 by default). */
  staleDays?: number;
  /** How many stuck deals are listed, the most overdue first; all of them when left out. All are counted. */
  stuckLimit?: number;
}

/**
 * Computes the manager's dashboard from the deals (and leads when given): close rate, average deal, cycle,
 * weighted pipeline, coverage against the quota, velocity, funnel and stage conversion, time in stage,
 * bottlenecks, configured against observed probabilities, stuck deals and Pipeline Health.
 */
export function computeDashboard(input: DashboardInput): Dashboard {
  const { stages, deals, now } = input;
  const targets = input.targets ?? {};
  const outcomes = deals.map((d) => outcomeOf(stages, d));
  const count = (o: Deal['status']) => outcomes.filter((x) => x === o).length;
  const rate = winRate(deals);
  const average = averageDeal(deals);
  const cycle = cycleLength(stages, deals);
  const pipeline = weightedPipeline(stages, deals);
  const times = timeInStage(stages, deals);
  const { stages: bottlenecks, worst } = findBottlenecks(stages, deals);
  const stuck = stuckDeals(stages, deals, { now, times });
  const dashboard: Dashboard = {
    asOf: now,
    counts: { deals: deals.length, open: count('open'), won: count('won'), lost: count('lost') },
    cycle,
    pipeline,
    funnel: snapshotFunnel(stages, deals),
    conversion: stageConversion(stages, deals),
    timeInStage: times,
    bottlenecks,
    worst,
    probabilities: calibrateProbabilities(stages, deals),
    stuck: input.stuckLimit === undefined ? stuck : stuck.slice(0, input.stuckLimit),
    stuckCount: stuck.length,
    targets,
  };
  if (input.leads !== undefined) dashboard.leads = leadFunnel(input.leads);
  if (rate !== undefined) dashboard.closeRate = rate;
  if (average !== undefined) dashboard.averageDeal = average;
  if (rate !== undefined && rate > 0) dashboard.neededCoverage = round1(100 / rate);
  if (input.quota !== undefined) {
    const period = input.period ?? quarterOf(now, input.zone);
    dashboard.quota = quotaStatus({
      quota: input.quota,
      period,
      deals,
      openPipeline: pipeline.open,
      winRate: rate,
    });
  }
  const open = dashboard.counts.open;
  if (rate !== undefined && average !== undefined && cycle.medianDays !== undefined && cycle.medianDays > 0) {
    dashboard.velocity = salesVelocity({
      opportunities: open,
      winRate: rate,
      averageDeal: average,
      cycleDays: cycle.medianDays,
    });
  }
  const top = bottlenecks.find((b) => b.issues.length > 0);
  if (top !== undefined) dashboard.topBottleneck = top;
  const health = healthOf(input, dashboard);
  if (health !== undefined) dashboard.health = health;
  return dashboard;
}

function healthOf(input: DashboardInput, dashboard: Dashboard): Dashboard['health'] {
  const options: Parameters<typeof healthInputsFromDeals>[2] = { now: input.now };
  if (input.targets?.closeRate !== undefined) options.closeRateTarget = input.targets.closeRate;
  if (input.targets?.cycleDays !== undefined) options.cycleTargetDays = input.targets.cycleDays;
  if (dashboard.quota !== undefined) options.remainingQuota = dashboard.quota.remaining;
  if (input.staleDays !== undefined) options.staleDays = input.staleDays;
  const inputs = healthInputsFromDeals(input.stages, input.deals, options);
  return Object.keys(inputs).length === 0 ? undefined : pipelineHealth(inputs);
}

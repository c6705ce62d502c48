import type { DashboardInput } from '../dashboard/compute.js';
import { leadFunnel } from '../dashboard/leads.js';
import { quarterOf, quotaFromWon } from '../dashboard/quota.js';
import type { Dashboard } from '../dashboard/types.js';
import { isoMillis } from '../pipeline/dates.js';
import {
  calibrateFromCounts,
  funnelStages,
  type HealthInputs,
  pipelineHealth,
  salesVelocity,
} from '../pipeline/index.js';
import { percentOf, round1 } from '../pipeline/stats.js';
import type { DealColumns } from './columns.js';
import { bottlenecksOf, reachCounts, stageTimes, stuckOf } from './figures.js';
import { type DealPass, LOST, OPEN, passDeals, WON } from './pass.js';
import { sortDays, sortedQuantile } from './sorted.js';

/** What `computeDashboard` takes, with the deals as columns. */
export type ColumnarDashboardInput = Omit<DashboardInput, 'deals'> & { columns: DealColumns };

/**
 * The dashboard of `computeDashboard`, figure for figure, from deals held as columns: one pass over the deals
 * gathers outcomes, reach, stays, cycle days and sums; a second over the open deals finds the stuck ones.
 */
export function computeColumnarDashboard(input: ColumnarDashboardInput): Dashboard {
  const { stages, columns, now } = input;
  const nowMillis = isoMillis(now) ?? Number.NaN;
  const period = input.quota === undefined ? undefined : (input.period ?? quarterOf(now, input.zone));
  const pass = passDeals(stages, columns, {
    nowMillis,
    staleDays: input.staleDays ?? 30,
    ...(period === undefined
      ? {}
      : {
          period: { start: isoMillis(period.start) ?? Number.NaN, end: isoMillis(period.end) ?? Number.NaN },
        }),
  });
  const rate = percentOf(pass.wonByStatus, pass.wonByStatus + pass.lostByStatus);
  const average = pass.wonAmountCount === 0 ? undefined : pass.wonAmountSum / pass.wonAmountCount;
  const cycleSorted = sortDays(pass.cycleDays.values());
  const middle = sortedQuantile(cycleSorted, 0.5);
  const cycle =
    middle === undefined ? { sample: 0 } : { medianDays: round1(middle), sample: cycleSorted.length };
  const openStages = stages.filter((s) => s.kind === 'open');
  const byStage = openStages.map((s, i) => ({
    stage: s.name,
    deals: pass.pipeline.deals[i] ?? 0,
    amount: pass.pipeline.amount[i] ?? 0,
    weighted: pass.pipeline.weighted[i] ?? 0,
  }));
  const reach = reachCounts(stages, pass);
  const shown = funnelStages(stages);
  const shownCounts = shown.map((s) => reach.all[stages.indexOf(s)] ?? 0);
  const first = shownCounts[0] ?? 0;
  const times = stageTimes(stages, columns, pass);
  const { stages: bottlenecks, worst } = bottlenecksOf(stages, pass, reach, times, average ?? 0);
  const stuck = stuckOf(columns, pass, times, nowMillis, input.stuckLimit);
  const targets = input.targets ?? {};
  const dashboard: Dashboard = {
    asOf: now,
    counts: {
      deals: columns.length,
      open: pass.outcomes[OPEN],
      won: pass.outcomes[WON],
      lost: pass.outcomes[LOST],
    },
    cycle,
    pipeline: {
      weighted: byStage.reduce((sum, r) => sum + r.weighted, 0),
      open: byStage.reduce((sum, r) => sum + r.amount, 0),
      byStage,
      unpriced: pass.unpriced,
    },
    funnel: shown.map((stage, i) => {
      const reached = shownCounts[i] ?? 0;
      return { stage: stage.name, reached, percent: round1(percentOf(reached, first) ?? 0) };
    }),
    conversion: shown.slice(0, -1).map((stage, i) => {
      const reachedFrom = shownCounts[i] ?? 0;
      const reachedTo = shownCounts[i + 1] ?? 0;
      const step: Dashboard['conversion'][number] = {
        from: stage.name,
        to: shown[i + 1]?.name ?? '',
        reachedFrom,
        reachedTo,
      };
      const percent = percentOf(reachedTo, reachedFrom);
      if (percent !== undefined) step.percent = round1(percent);
      return step;
    }),
    timeInStage: times,
    bottlenecks,
    worst,
    probabilities: calibrateFromCounts(stages, reach.won, reach.closed, 20),
    stuck: stuck.listed,
    stuckCount: stuck.count,
    targets,
  };
  if (input.leads !== undefined) dashboard.leads = leadFunnel(input.leads);
  if (rate !== undefined) dashboard.closeRate = rate;
  if (average !== undefined) dashboard.averageDeal = average;
  if (rate !== undefined && rate > 0) dashboard.neededCoverage = round1(100 / rate);
  if (input.quota !== undefined && period !== undefined) {
    dashboard.quota = quotaFromWon({
      quota: input.quota,
      period,
      won: pass.wonInPeriod,
      openPipeline: dashboard.pipeline.open,
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
  const health = healthOf(input, dashboard, pass, rate);
  if (health !== undefined) dashboard.health = health;
  return dashboard;
}

function healthOf(
  input: ColumnarDashboardInput,
  dashboard: Dashboard,
  pass: DealPass,
  rate: number | undefined,
): Dashboard['health'] {
  const inputs: HealthInputs = {};
  const closeRateTarget = input.targets?.closeRate;
  const cycleTargetDays = input.targets?.cycleDays;
  if (rate !== undefined && closeRateTarget !== undefined) {
    inputs.closeRate = { current: rate, target: closeRateTarget };
  }
  const open = dashboard.counts.open;
  if (dashboard.quota !== undefined && rate !== undefined) {
    inputs.coverage = {
      openPipeline: pass.openAmount,
      remainingQuota: dashboard.quota.remaining,
      winRate: rate,
    };
  }
  if (dashboard.cycle.medianDays !== undefined && cycleTargetDays !== undefined) {
    inputs.cycle = { days: dashboard.cycle.medianDays, targetDays: cycleTargetDays };
  }
  if (open > 0) {
    inputs.stuck = { stuck: dashboard.stuckCount, open };
    inputs.freshness = { fresh: pass.fresh, open };
  }
  return Object.keys(inputs).length === 0 ? undefined : pipelineHealth(inputs);
}

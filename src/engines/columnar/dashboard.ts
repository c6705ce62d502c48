import type { DashboardInput } from '../dashboard/compute.js';
import { leadFunnel } from '../dashboard/leads.js';
import { quarterOf, quotaFromWon } from '../dashboard/quota.js';
import type { Dashboard } from '../dashboard/types.js';
import { isoMillis } from '../pipeline/dates.js';
import {
  calibrateFromCounts,
  flagWorst,
  funnelStages,
  type HealthInputs,
  pipelineHealth,
  type StageBottleneck,
  type StageDef,
  type StageTime,
  type StuckDeal,
  salesVelocity,
} from '../pipeline/index.js';
import { percentOf, round1 } from '../pipeline/stats.js';
import type { DealColumns } from './columns.js';
import { type DealPass, LOST, OPEN, passDeals, WON } from './pass.js';
import { sortDays, sortedQuantile } from './sorted.js';

const DAY_MS = 86_400_000;

/** What `computeDashboard` takes, with the deals as columns. */
export type ColumnarDashboardInput = Omit<DashboardInput, 'deals'> & { columns: DealColumns };

/** Per stage of `stages`: the deals that reached it, all of them, the closed ones and the won ones. */
function reachCounts(stages: readonly StageDef[], pass: DealPass) {
  const all = new Float64Array(stages.length);
  const closed = new Float64Array(stages.length);
  const won = new Float64Array(stages.length);
  const [open, wonRow, lostRow] = pass.furthest;
  // Deals whose furthest open position is at or past p reached the open stage at p.
  const tail = (row: Int32Array, p: number) => {
    let sum = 0;
    for (let f = p; f < row.length; f++) sum += row[f] ?? 0;
    return sum;
  };
  let position = 0;
  stages.forEach((stage, i) => {
    if (stage.kind === 'open') {
      const w = tail(wonRow, position);
      const l = tail(lostRow, position);
      all[i] = tail(open, position) + w + l;
      closed[i] = w + l;
      won[i] = w;
      position += 1;
    } else {
      const n = pass.closedAt[i] ?? 0;
      all[i] = n;
      closed[i] = n;
      won[i] = stage.kind === 'won' ? n : 0;
    }
  });
  return { all, closed, won };
}

function stageTimes(stages: readonly StageDef[], columns: DealColumns, pass: DealPass): StageTime[] {
  return stages
    .filter((s) => s.kind === 'open')
    .map((stage) => {
      const found = columns.stageNames.find(stage.name);
      const key = found >= 0 ? found : stage.name === firstOpenName(stages) ? pass.lookup.firstOpenKey : -1;
      const days = sortDays(pass.stays[key]?.values() ?? new Float64Array(0));
      const row: StageTime = { stage: stage.name, sample: days.length };
      const figures = {
        median: sortedQuantile(days, 0.5),
        p75: sortedQuantile(days, 0.75),
        p90: sortedQuantile(days, 0.9),
      };
      for (const [name, value] of Object.entries(figures) as [keyof typeof figures, number | undefined][]) {
        if (value !== undefined) row[name] = round1(value);
      }
      return row;
    });
}

const firstOpenName = (stages: readonly StageDef[]) => stages.find((s) => s.kind === 'open')?.name;

function stuckOf(columns: DealColumns, pass: DealPass, times: StageTime[], nowMillis: number): StuckDeal[] {
  const byCode = columns.stageNames.values.map((name) => times.find((t) => t.stage === name));
  const stuck: StuckDeal[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (pass.outcome[i] !== OPEN) continue;
    const code = columns.stage[i] ?? 0;
    const time = byCode[code];
    if (time?.p90 === undefined || time.sample < 5) continue;
    const days = (nowMillis - (pass.currentEntered[i] ?? Number.NaN)) / DAY_MS;
    if (Number.isNaN(days) || days <= time.p90) continue;
    const row: StuckDeal = {
      id: columns.ids[i] ?? '',
      stage: columns.stageNames.values[code] ?? '',
      days: round1(days),
      p90: time.p90,
    };
    const owner = columns.owners.value(columns.owner[i] ?? -1);
    const account = columns.accounts.value(columns.account[i] ?? -1);
    const amount = columns.amount[i] ?? Number.NaN;
    if (owner !== undefined) row.owner = owner;
    if (account !== undefined) row.account = account;
    if (!Number.isNaN(amount)) row.amount = amount;
    stuck.push(row);
  }
  return stuck.sort((a, b) => b.days / b.p90 - a.days / a.p90 || a.id.localeCompare(b.id));
}

function bottlenecksOf(
  stages: readonly StageDef[],
  pass: DealPass,
  reach: ReturnType<typeof reachCounts>,
  times: StageTime[],
  average: number,
) {
  const shown = funnelStages(stages);
  const openStages = stages.filter((s) => s.kind === 'open');
  const rows = shown
    .filter((s) => s.kind === 'open')
    .map((stage): StageBottleneck => {
      const i = shown.indexOf(stage);
      const next = shown[i + 1];
      const position = openStages.indexOf(stage);
      const dropped = pass.furthest[LOST][position] ?? 0;
      const nextIndex = next === undefined ? -1 : stages.indexOf(next);
      const advanced = nextIndex < 0 ? 0 : (reach.all[nextIndex] ?? 0);
      const downstream =
        next === undefined
          ? 0
          : (percentOf(reach.won[nextIndex] ?? 0, reach.closed[nextIndex] ?? 0) ?? next.probability);
      const row: StageBottleneck = {
        stage: stage.name,
        dropped,
        downstreamWinRate: round1(downstream),
        moneyLost: Math.round(dropped * (downstream / 100) * average),
        issues: [],
      };
      const conversion = percentOf(advanced, advanced + dropped);
      if (conversion !== undefined) row.conversion = round1(conversion);
      const target = percentOf(stage.probability, next?.probability ?? 0);
      if (target !== undefined) row.target = round1(Math.min(100, target));
      const time = times.find((t) => t.stage === stage.name);
      if (time?.median !== undefined) row.medianDays = time.median;
      if (time?.p90 !== undefined) row.p90Days = time.p90;
      return row;
    });
  const worst = flagWorst(rows, stages);
  return { stages: rows.sort((a, b) => b.moneyLost - a.moneyLost), worst };
}

/**
 * The dashboard of `computeDashboard`, figure for figure, from deals held as columns: one pass over the deals
 * gathers outcomes, reach, stays, cycle days and sums; a second over the open deals finds the stuck ones.
 */
export function computeColumnarDashboard(input: ColumnarDashboardInput): Dashboard {
  const { stages, columns, now } = input;
  const nowMillis = isoMillis(now) ?? Number.NaN;
  const period = input.quota === undefined ? undefined : (input.period ?? quarterOf(now, input.zone));
  const pass = passDeals(stages, columns, {
    now,
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
  const stuck = stuckOf(columns, pass, times, nowMillis);
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
    stuck,
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
    inputs.stuck = { stuck: dashboard.stuck.length, open };
    inputs.freshness = { fresh: pass.fresh, open };
  }
  return Object.keys(inputs).length === 0 ? undefined : pipelineHealth(inputs);
}

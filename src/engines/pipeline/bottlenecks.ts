import type { Deal } from '../deal.js';
import { type BottleneckView, fixFor } from './bottleneck-fixes.js';
import { funnelStages, reachedCounts } from './funnel.js';
import { averageDeal } from './metrics.js';
import { lostFromStage, outcomeOf, reachedStages } from './reach.js';
import type { StageDef } from './stages.js';
import { percentOf, round1 } from './stats.js';
import { timeInStage } from './time-in-stage.js';

export interface BottleneckIssue {
  view: BottleneckView;
  detail: string;
  fix: string;
}

export interface StageBottleneck {
  stage: string;
  /** Moved on ÷ (moved on + lost here), 0–100: deals still deciding are left out. */
  conversion?: number;
  /** Target conversion, 0–100: given, or what the configured probabilities imply (p(stage) ÷ p(next)). */
  target?: number;
  medianDays?: number;
  p90Days?: number;
  /** Deals lost at this stage. */
  dropped: number;
  /** Won ÷ closed among deals that reached the next stage, 0–100 (its probability when none closed). */
  downstreamWinRate: number;
  /** dropped × downstream win rate × average deal. */
  moneyLost: number;
  issues: BottleneckIssue[];
}

/**
 * Bottlenecks seen three ways for each open stage: (a) conversion below target, (b) the longest median
 * and p90 time in stage, (c) money lost = dropped × downstream win rate × average deal. All three are
 * reported; stages are ranked by money lost, and each flag carries a fix from BOTTLENECK_FIXES.
 */
export function findBottlenecks(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: { targets?: Readonly<Record<string, number>>; averageDeal?: number } = {},
): { stages: StageBottleneck[]; worst: Partial<Record<BottleneckView, string>> } {
  const shown = funnelStages(stages);
  const reached = reachedCounts(shown, deals);
  const times = timeInStage(stages, deals);
  const average = options.averageDeal ?? averageDeal(deals) ?? 0;
  const rows = shown
    .filter((s) => s.kind === 'open')
    .map((stage): StageBottleneck => {
      const i = shown.indexOf(stage);
      const next = shown[i + 1];
      const dropped = deals.filter((d) => lostFromStage(stages, d) === stage.name).length;
      const advanced = reached[i + 1] ?? 0;
      const downstream = next === undefined ? 0 : (winRateFrom(stages, deals, next) ?? next.probability);
      const row: StageBottleneck = {
        stage: stage.name,
        dropped,
        downstreamWinRate: round1(downstream),
        moneyLost: Math.round(dropped * (downstream / 100) * average),
        issues: [],
      };
      const conversion = percentOf(advanced, advanced + dropped);
      if (conversion !== undefined) row.conversion = round1(conversion);
      const target = options.targets?.[stage.name] ?? percentOf(stage.probability, next?.probability ?? 0);
      if (target !== undefined) row.target = round1(Math.min(100, target));
      const time = times.find((t) => t.stage === stage.name);
      if (time?.median !== undefined) row.medianDays = time.median;
      if (time?.p90 !== undefined) row.p90Days = time.p90;
      return row;
    });
  const worst = flagWorst(rows, stages);
  return { stages: rows.sort((a, b) => b.moneyLost - a.moneyLost), worst };
}

function winRateFrom(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  stage: StageDef,
): number | undefined {
  const index = stages.indexOf(stage);
  let won = 0;
  let closed = 0;
  for (const deal of deals) {
    const outcome = outcomeOf(stages, deal);
    if (outcome === 'open' || !reachedStages(stages, deal)[index]) continue;
    closed += 1;
    if (outcome === 'won') won += 1;
  }
  return percentOf(won, closed);
}

/** Flags each row's issues (below target, slowest, costliest) and names the worst stage of each view. */
export function flagWorst(
  rows: StageBottleneck[],
  stages: readonly StageDef[],
): Partial<Record<BottleneckView, string>> {
  const journey = (name: string) => stages.find((s) => s.name === name)?.journey ?? 'consideration';
  const flag = (row: StageBottleneck | undefined, view: BottleneckView, detail: string) => {
    if (row === undefined) return;
    row.issues.push({ view, detail, fix: fixFor(view, journey(row.stage)) });
  };
  const worst: Partial<Record<BottleneckView, string>> = {};
  for (const row of rows) {
    if (row.conversion !== undefined && row.target !== undefined && row.conversion < row.target) {
      flag(row, 'conversion', `converts ${row.conversion}% against a target of ${row.target}%`);
    }
  }
  const belowTarget = rows
    .filter((r) => r.conversion !== undefined && r.target !== undefined && r.conversion < r.target)
    .sort((a, b) => (a.conversion ?? 0) / (a.target || 1) - (b.conversion ?? 0) / (b.target || 1));
  if (belowTarget[0] !== undefined) worst.conversion = belowTarget[0].stage;
  const slowest = maxBy(rows, (r) => r.medianDays);
  const longestTail = maxBy(rows, (r) => r.p90Days);
  if (slowest !== undefined) {
    worst.time = slowest.stage;
    flag(
      slowest,
      'time',
      `longest median time in stage: ${slowest.medianDays} days (p90 ${slowest.p90Days} days)`,
    );
  }
  if (longestTail !== undefined && longestTail !== slowest) {
    flag(longestTail, 'time', `longest p90 time in stage: ${longestTail.p90Days} days`);
  }
  const costliest = maxBy(rows, (r) => (r.moneyLost > 0 ? r.moneyLost : undefined));
  if (costliest !== undefined) {
    worst.money = costliest.stage;
    flag(
      costliest,
      'money',
      `${costliest.dropped} deals lost here, worth ${costliest.moneyLost} at the downstream win rate`,
    );
  }
  return worst;
}

function maxBy<T>(items: readonly T[], value: (item: T) => number | undefined): T | undefined {
  let best: T | undefined;
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const item of items) {
    const v = value(item);
    if (v !== undefined && v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

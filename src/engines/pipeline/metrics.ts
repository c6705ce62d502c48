import { InputError } from '../../errors.js';
import type { Deal } from '../deal.js';
import { daysBetween } from './dates.js';
import { outcomeOf } from './reach.js';
import type { StageDef } from './stages.js';
import { mean, median, percentOf, round1 } from './stats.js';

/** Win rate: won ÷ (won + lost) by deal status, 0–100 unrounded; undefined when no deal has closed. */
export function winRate(deals: readonly Deal[]): number | undefined {
  const won = deals.filter((d) => d.status === 'won').length;
  const lost = deals.filter((d) => d.status === 'lost').length;
  return percentOf(won, won + lost);
}

/** Average amount of won deals that carry one; undefined when there are none. */
export function averageDeal(deals: readonly Deal[]): number | undefined {
  return mean(deals.filter((d) => d.status === 'won' && d.amount !== undefined).map((d) => d.amount ?? 0));
}

export interface WeightedPipeline {
  /** Σ amount × probability over open deals. */
  weighted: number;
  /** Σ amount over open deals. */
  open: number;
  byStage: { stage: string; deals: number; amount: number; weighted: number }[];
  /** Open deals left out because they have no amount or their stage is not in the pipeline. */
  unpriced: number;
}

/** Weighted pipeline: Σ amount × stage probability over open deals, in total and per open stage. */
export function weightedPipeline(stages: readonly StageDef[], deals: readonly Deal[]): WeightedPipeline {
  const byStage = stages
    .filter((s) => s.kind === 'open')
    .map((s) => ({ stage: s.name, probability: s.probability, deals: 0, amount: 0, weighted: 0 }));
  let unpriced = 0;
  for (const deal of deals) {
    if (outcomeOf(stages, deal) !== 'open') continue;
    const row = byStage.find((r) => r.stage === deal.stage);
    if (row === undefined || deal.amount === undefined) {
      unpriced += 1;
      continue;
    }
    row.deals += 1;
    row.amount += deal.amount;
    row.weighted += (deal.amount * row.probability) / 100;
  }
  return {
    weighted: byStage.reduce((sum, r) => sum + r.weighted, 0),
    open: byStage.reduce((sum, r) => sum + r.amount, 0),
    byStage: byStage.map(({ stage, deals, amount, weighted }) => ({ stage, deals, amount, weighted })),
    unpriced,
  };
}

export interface Coverage {
  /** Open pipeline ÷ remaining quota (×, one decimal); absent when the quota is already met. */
  coverage?: number;
  /** 1 ÷ win rate (×, one decimal): a 25% win rate needs 4× coverage; absent with a 0% win rate. */
  needed?: number;
  /** Pipeline still to create to reach the needed coverage (0 when covered). */
  gap: number;
  covered: boolean;
}

/** Pipeline coverage against the remaining quota, and the coverage the win rate calls for. */
export function coverage(input: { openPipeline: number; remainingQuota: number; winRate: number }): Coverage {
  const { openPipeline, remainingQuota, winRate: rate } = input;
  if (remainingQuota <= 0) return { gap: 0, covered: true };
  const result: Coverage = {
    coverage: round1(openPipeline / remainingQuota),
    gap: remainingQuota,
    covered: false,
  };
  if (rate <= 0) return result;
  const needed = 100 / rate;
  result.needed = round1(needed);
  result.gap = Math.max(0, needed * remainingQuota - openPipeline);
  result.covered = result.gap === 0;
  return result;
}

/** Sales velocity in money per day: opportunities × win rate × average deal ÷ cycle days. */
export function salesVelocity(input: {
  opportunities: number;
  winRate: number;
  averageDeal: number;
  cycleDays: number;
}): number {
  if (!(input.cycleDays > 0))
    throw new InputError(`cycleDays must be above 0 to compute velocity, got ${input.cycleDays}`);
  return (input.opportunities * (input.winRate / 100) * input.averageDeal) / input.cycleDays;
}

/**
 * Sales cycle: median days from creation (or, without `createdAt`, the first stage entry on record,
 * e.g. Maven's engage date) to close among won deals; `sample` is how many won deals had both dates.
 */
export function cycleLength(
  stages: readonly StageDef[],
  deals: readonly Deal[],
): { medianDays?: number; sample: number } {
  const days = deals
    .filter((d) => outcomeOf(stages, d) === 'won')
    .map((d) => daysBetween(d.createdAt ?? d.history.map((h) => h.enteredAt).sort()[0], d.closedAt))
    .filter((n): n is number => n !== undefined && n >= 0);
  const middle = median(days);
  return middle === undefined ? { sample: 0 } : { medianDays: round1(middle), sample: days.length };
}

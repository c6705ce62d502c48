import type { Deal, StageEntry } from '../deal.js';
import { daysBetween } from './dates.js';
import { outcomeOf } from './reach.js';
import type { StageDef } from './stages.js';
import { quantile, round1 } from './stats.js';

/** Days deals spent in one open stage, over stays that ended (the deal moved on or closed). */
export interface StageTime {
  stage: string;
  sample: number;
  median?: number;
  p75?: number;
  p90?: number;
}

/**
 * The deal's stage entries in time order. When `createdAt` is earlier than every logged entry and the
 * first open stage is not logged, the deal is taken to have entered the first stage when it was created.
 */
export function entriesOf(stages: readonly StageDef[], deal: Deal): StageEntry[] {
  const entries = [...deal.history].sort((a, b) => daysBetween(b.enteredAt, a.enteredAt) ?? 0);
  const first = stages.find((s) => s.kind === 'open')?.name;
  const logged = entries.some((e) => e.stage === first);
  const before = entries[0] === undefined || (daysBetween(deal.createdAt, entries[0].enteredAt) ?? -1) >= 0;
  if (first !== undefined && deal.createdAt !== undefined && !logged && before) {
    entries.unshift({ stage: first, enteredAt: deal.createdAt });
  }
  return entries;
}

/** Completed stays in open stages: from entering a stage to entering the next, or to closing. */
export function completedStays(stages: readonly StageDef[], deal: Deal): { stage: string; days: number }[] {
  const open = new Set(stages.filter((s) => s.kind === 'open').map((s) => s.name));
  const entries = entriesOf(stages, deal);
  const closed = outcomeOf(stages, deal) !== 'open';
  const stays: { stage: string; days: number }[] = [];
  entries.forEach((entry, i) => {
    if (!open.has(entry.stage)) return;
    const end = entries[i + 1]?.enteredAt ?? (closed ? deal.closedAt : undefined);
    const days = daysBetween(entry.enteredAt, end);
    // A negative stay is a data error (dates out of order); leaving it out keeps the percentiles honest.
    if (days !== undefined && days >= 0) stays.push({ stage: entry.stage, days });
  });
  return stays;
}

/**
 * Median, p75 and p90 days in each open stage from stage history (linear-interpolated quantiles).
 * Stays still running are left out so young deals do not pull the figures down.
 */
export function timeInStage(stages: readonly StageDef[], deals: readonly Deal[]): StageTime[] {
  const byStage = new Map<string, number[]>();
  for (const deal of deals) {
    for (const stay of completedStays(stages, deal)) {
      const list = byStage.get(stay.stage);
      if (list === undefined) byStage.set(stay.stage, [stay.days]);
      else list.push(stay.days);
    }
  }
  return stages
    .filter((s) => s.kind === 'open')
    .map((stage) => {
      const days = byStage.get(stage.name) ?? [];
      const row: StageTime = { stage: stage.name, sample: days.length };
      const figures = { median: quantile(days, 0.5), p75: quantile(days, 0.75), p90: quantile(days, 0.9) };
      for (const [key, value] of Object.entries(figures) as [keyof typeof figures, number | undefined][]) {
        if (value !== undefined) row[key] = round1(value);
      }
      return row;
    });
}

/** Days an open deal has been in its current stage at `now`, or undefined when no entry date is known. */
export function daysInCurrentStage(stages: readonly StageDef[], deal: Deal, now: string): number | undefined {
  const entered = entriesOf(stages, deal)
    .filter((e) => e.stage === deal.stage)
    .at(-1)?.enteredAt;
  return daysBetween(entered, now);
}

export interface StuckDeal {
  id: string;
  stage: string;
  owner?: string;
  account?: string;
  amount?: number;
  days: number;
  p90: number;
}

/**
 * Open deals whose time in their current stage exceeds that stage's p90, most overdue (days ÷ p90)
 * first. A stage with fewer than `minSample` completed stays (default 5) has no reliable p90 and flags nothing.
 */
export function stuckDeals(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: { now: string; minSample?: number; times?: StageTime[] },
): StuckDeal[] {
  const times = options.times ?? timeInStage(stages, deals);
  const minSample = options.minSample ?? 5;
  const stuck: StuckDeal[] = [];
  for (const deal of deals) {
    if (outcomeOf(stages, deal) !== 'open') continue;
    const time = times.find((t) => t.stage === deal.stage);
    if (time?.p90 === undefined || time.sample < minSample) continue;
    const days = daysInCurrentStage(stages, deal, options.now);
    if (days === undefined || days <= time.p90) continue;
    const row: StuckDeal = { id: deal.id, stage: deal.stage, days: round1(days), p90: time.p90 };
    if (deal.owner !== undefined) row.owner = deal.owner;
    if (deal.account !== undefined) row.account = deal.account;
    if (deal.amount !== undefined) row.amount = deal.amount;
    stuck.push(row);
  }
  return stuck.sort((a, b) => b.days / b.p90 - a.days / a.p90 || a.id.localeCompare(b.id));
}

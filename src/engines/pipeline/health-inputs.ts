import type { Deal } from '../deal.js';
import type { Intake } from '../intake.js';
import type { Segment } from '../types.js';
import { daysBetween } from './dates.js';
import type { HealthInputs } from './health.js';
import { cycleLength, winRate } from './metrics.js';
import { outcomeOf } from './reach.js';
import type { StageDef } from './stages.js';
import { entriesOf, stuckDeals } from './time-in-stage.js';

/** Cycle-length benchmarks in days: the upper end of each segment's range (sales-methods.md §3). */
export const CYCLE_BENCHMARK_DAYS: Record<Segment, number> = { smb: 30, 'mid-market': 90, enterprise: 180 };

/**
 * Health figures from the intake alone: conversion and close rate when the team gave current values,
 * and the cycle against its segment's benchmark. Coverage, stuck share and freshness need deals.
 */
export function healthInputsFromIntake(intake: Intake): HealthInputs {
  const inputs: HealthInputs = {
    cycle: { days: intake.cycle.averageDays, targetDays: CYCLE_BENCHMARK_DAYS[intake.deal.segment] },
  };
  if (intake.conversion.current !== undefined) {
    inputs.conversion = { current: intake.conversion.current, target: intake.conversion.target };
  }
  const close = intake.metrics.closeRate;
  if (close.current !== undefined) inputs.closeRate = { current: close.current, target: close.target };
  return inputs;
}

/**
 * Health figures from deals: close rate (with a target), coverage (with the remaining quota), cycle
 * (with a target), stuck share, and freshness. An open deal is fresh when its last stage entry (or
 * creation) is within `staleDays` (default 30) of `now` and its expected close date is not past;
 * an open deal with no date at all is not fresh.
 */
export function healthInputsFromDeals(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: {
    now: string;
    closeRateTarget?: number;
    remainingQuota?: number;
    cycleTargetDays?: number;
    staleDays?: number;
  },
): HealthInputs {
  const inputs: HealthInputs = {};
  const rate = winRate(deals);
  if (rate !== undefined && options.closeRateTarget !== undefined) {
    inputs.closeRate = { current: rate, target: options.closeRateTarget };
  }
  const open = deals.filter((d) => outcomeOf(stages, d) === 'open');
  if (options.remainingQuota !== undefined && rate !== undefined) {
    const openPipeline = open.reduce((sum, d) => sum + (d.amount ?? 0), 0);
    inputs.coverage = { openPipeline, remainingQuota: options.remainingQuota, winRate: rate };
  }
  const cycle = cycleLength(stages, deals);
  if (cycle.medianDays !== undefined && options.cycleTargetDays !== undefined) {
    inputs.cycle = { days: cycle.medianDays, targetDays: options.cycleTargetDays };
  }
  if (open.length > 0) {
    inputs.stuck = { stuck: stuckDeals(stages, deals, { now: options.now }).length, open: open.length };
    const staleDays = options.staleDays ?? 30;
    const fresh = open.filter((d) => isFresh(stages, d, options.now, staleDays)).length;
    inputs.freshness = { fresh, open: open.length };
  }
  return inputs;
}

function isFresh(stages: readonly StageDef[], deal: Deal, now: string, staleDays: number): boolean {
  const last = entriesOf(stages, deal).at(-1)?.enteredAt ?? deal.createdAt;
  const age = daysBetween(last, now);
  const overdue = (daysBetween(deal.expectedCloseDate, now) ?? 0) >= 1;
  return age !== undefined && age <= staleDays && !overdue;
}

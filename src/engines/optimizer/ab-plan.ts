import { z } from 'zod';
import { InputError } from '../../errors.js';
import { probabilityProblems, sampleSizePerArm } from './sample-size.js';

/**
 * The sample plan of an A/B test, fixed when the test starts and kept with it: the control's reply rate it
 * was sized for, the smallest lift worth detecting, α, power, and the sends each variant needs.
 */
export interface AbPlan {
  /** Control A's reply rate the plan was sized for, 0–1. */
  baseline: number;
  /** Where the baseline came from, shown beside the plan (e.g. "A's 4.0% over 1,200 sends"). */
  basis: string;
  lift: number;
  alpha: number;
  power: number;
  neededPerArm: number;
}

const share = z.number().gt(0).lt(1);

/** The stored form of a plan, checked when read back. */
export const abPlanSchema = z.strictObject({
  baseline: z.number().min(0).max(1),
  basis: z.string().min(1).max(200),
  lift: share,
  alpha: share,
  power: share,
  neededPerArm: z.number().int().min(1),
});

export interface AbPlanInput {
  baseline: number;
  basis: string;
  lift?: number | undefined;
  alpha?: number | undefined;
  power?: number | undefined;
}

/** Without a stated lift, plan to detect a 50 % relative change (at least one point): what a rep would notice. */
export function defaultLift(baseline: number): number {
  return Math.max(0.01, Math.min(baseline, 1 - baseline) / 2);
}

/**
 * Sizes an A/B test from control A's reply rate (Evan Miller's calculator takes the control's rate, not the
 * pooled one): 10 % with a 2-point lift at α 0.05 and power 0.8 needs 3,623 sends per variant.
 */
export function planAbTest({ baseline, basis, lift, alpha = 0.05, power = 0.8 }: AbPlanInput): AbPlan {
  const problems = probabilityProblems({ alpha, power, lift });
  if (problems.length > 0) throw new InputError(problems);
  const plannedLift = lift ?? defaultLift(baseline);
  // At least one send each, or a generous lift could "finish" a test that never ran.
  const neededPerArm = Math.max(1, sampleSizePerArm({ baseline, lift: plannedLift, alpha, power }));
  return { baseline, basis, lift: plannedLift, alpha, power, neededPerArm };
}

import { InputError } from '../../errors.js';
import { formatCount } from '../format.js';
import { type AbPlan, planAbTest } from './ab-plan.js';
import {
  type Arm,
  armProblems,
  type ChiSquareResult,
  chiSquareForArms,
  rateOf,
  twoProportionZTest,
} from './ab-stats.js';
import { probabilityBBeatsA } from './bayes.js';
import { formatP, formatRate } from './format.js';
import { probabilityProblems } from './sample-size.js';

export type AbOutcome = 'keep-testing' | 'b-wins' | 'a-wins' | 'no-difference';

export interface AbInput {
  a: Arm;
  b: Arm;
  alpha?: number;
  power?: number;
  /** Smallest absolute change in reply rate worth detecting (0.01 = one point); see `plannedLift`. */
  lift?: number;
  /** The plan fixed when the test started; without one, it is sized from A's reply rate so far. */
  plan?: AbPlan;
}

export interface AbVerdict {
  rates: { a: number; b: number };
  /** Positive when B replies more than A. */
  z: number;
  p: number;
  chiSquare: ChiSquareResult;
  /** Sends each variant needs before a winner may be declared. */
  neededPerArm: number;
  remaining: { a: number; b: number };
  /** The absolute lift the plan was sized for: the one given, else half the baseline and at least 1 point. */
  plannedLift: number;
  /** The sample plan the verdict waits for (control A's rate as baseline). */
  plan: AbPlan;
  pBBeatsA: number;
  /** B minus A; `relative` is that change over A's rate and is absent while A has no replies. */
  lift: { absolute: number; relative?: number };
  verdict: AbOutcome;
  reason: string;
}

/**
 * Control A's reply rate so far as a plan's baseline. With sends but no reply yet, the rule of three's 95 %
 * upper bound (3 ÷ sends) stands in for it, since a baseline of 0 would plan a test of a few dozen sends.
 */
export function observedBaseline(a: Arm): { baseline: number; basis: string } {
  if (a.sends === 0) return { baseline: 0, basis: 'no sends of A yet' };
  const over = `${formatCount(a.sends)} sends`;
  if (a.replies === 0) {
    const bound = Math.min(0.5, 3 / a.sends);
    return { baseline: bound, basis: `A has no reply in ${over}; sized for at most ${formatRate(bound)}` };
  }
  return { baseline: rateOf(a), basis: `A's ${formatRate(rateOf(a))} over ${over}` };
}

/**
 * Reads an A/B test of two templates. No winner is declared before both variants reach the planned sample
 * (Evan Miller's size with control A's reply rate as the baseline, fixed
 * when the test starts when `plan` is given), because peeking inflates false positives;
 * after it, a significant two-sided z-test names the winner, otherwise there is no difference.
 */
export function abVerdict(input: AbInput): AbVerdict {
  const { a, b } = input;
  const problems = [
    ...armProblems(a, 'a'),
    ...armProblems(b, 'b'),
    ...probabilityProblems({ alpha: input.alpha, power: input.power, lift: input.lift }),
  ];
  if (problems.length > 0) throw new InputError(problems);

  const plan =
    input.plan ??
    planAbTest({ ...observedBaseline(a), lift: input.lift, alpha: input.alpha, power: input.power });
  const { neededPerArm, alpha, power, lift: plannedLift } = plan;
  const { z, p } = a.sends > 0 && b.sends > 0 ? twoProportionZTest(b, a) : { z: 0, p: 1 };
  const rates = { a: rateOf(a), b: rateOf(b) };
  const absolute = rates.b - rates.a;
  const result = {
    rates,
    z,
    p,
    chiSquare: chiSquareForArms([a, b]),
    neededPerArm,
    remaining: { a: Math.max(0, neededPerArm - a.sends), b: Math.max(0, neededPerArm - b.sends) },
    plannedLift,
    plan,
    pBBeatsA: probabilityBBeatsA(a, b),
    lift: rates.a > 0 ? { absolute, relative: absolute / rates.a } : { absolute },
  };
  const planText = `${formatCount(neededPerArm)} sends per variant (to detect a ${(plannedLift * 100).toFixed(1)}-point change from a ${formatRate(plan.baseline)} baseline at α ${alpha}, power ${Math.round(power * 100)}%)`;
  const compared = `B ${formatRate(rates.b)} vs A ${formatRate(rates.a)} replies`;

  if (result.remaining.a > 0 || result.remaining.b > 0) {
    const left = `A needs ${formatCount(result.remaining.a)} more, B ${formatCount(result.remaining.b)} more`;
    return {
      ...result,
      verdict: 'keep-testing',
      reason: `Keep testing: the plan is ${planText}; ${left}. Calling it earlier would risk a false winner.`,
    };
  }
  if (p < alpha) {
    const winner = absolute > 0 ? 'B' : 'A';
    return {
      ...result,
      verdict: absolute > 0 ? 'b-wins' : 'a-wins',
      reason: `${winner} wins: ${compared} (${formatP(p)}, below α ${alpha}) after the planned ${planText}.`,
    };
  }
  return {
    ...result,
    verdict: 'no-difference',
    reason: `No difference: ${compared} (${formatP(p)}, not below α ${alpha}) after the planned ${planText}. Keep the simpler template or test a bolder change.`,
  };
}

import { InputError } from '../../errors.js';
import { formatCount } from '../format.js';
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
import { probabilityProblems, sampleSizePerArm } from './sample-size.js';

export type AbOutcome = 'keep-testing' | 'b-wins' | 'a-wins' | 'no-difference';

export interface AbInput {
  a: Arm;
  b: Arm;
  alpha?: number;
  power?: number;
  /** Smallest absolute change in reply rate worth detecting (0.01 = one point); see `plannedLift`. */
  lift?: number;
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
  pBBeatsA: number;
  /** B minus A; `relative` is that change over A's rate and is absent while A has no replies. */
  lift: { absolute: number; relative?: number };
  verdict: AbOutcome;
  reason: string;
}

/** Without a stated lift, plan to detect a 50 % relative change (at least one point): what a rep would notice. */
function defaultLift(baseline: number): number {
  return Math.max(0.01, Math.min(baseline, 1 - baseline) / 2);
}

/**
 * Reads an A/B test of two templates. No winner is declared before both variants reach the planned sample
 * (Evan Miller's size for the pooled reply rate as baseline), because peeking inflates false positives;
 * after it, a significant two-sided z-test names the winner, otherwise there is no difference.
 */
export function abVerdict({ a, b, alpha = 0.05, power = 0.8, lift }: AbInput): AbVerdict {
  const problems = [
    ...armProblems(a, 'a'),
    ...armProblems(b, 'b'),
    ...probabilityProblems({ alpha, power, lift }),
  ];
  if (problems.length > 0) throw new InputError(problems);

  const sends = a.sends + b.sends;
  const baseline = sends === 0 ? 0 : (a.replies + b.replies) / sends;
  const plannedLift = lift ?? defaultLift(baseline);
  // At least one send each, or a generous lift could "finish" a test that never ran.
  const neededPerArm = Math.max(1, sampleSizePerArm({ baseline, lift: plannedLift, alpha, power }));
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
    pBBeatsA: probabilityBBeatsA(a, b),
    lift: rates.a > 0 ? { absolute, relative: absolute / rates.a } : { absolute },
  };
  const plan = `${formatCount(neededPerArm)} sends per variant (to detect a ${(plannedLift * 100).toFixed(1)}-point change at α ${alpha}, power ${Math.round(power * 100)}%)`;
  const compared = `B ${formatRate(rates.b)} vs A ${formatRate(rates.a)} replies`;

  if (result.remaining.a > 0 || result.remaining.b > 0) {
    const left = `A needs ${formatCount(result.remaining.a)} more, B ${formatCount(result.remaining.b)} more`;
    return {
      ...result,
      verdict: 'keep-testing',
      reason: `Keep testing: the plan is ${plan}; ${left}. Calling it earlier would risk a false winner.`,
    };
  }
  if (p < alpha) {
    const winner = absolute > 0 ? 'B' : 'A';
    return {
      ...result,
      verdict: absolute > 0 ? 'b-wins' : 'a-wins',
      reason: `${winner} wins: ${compared} (${formatP(p)}, below α ${alpha}) after the planned ${plan}.`,
    };
  }
  return {
    ...result,
    verdict: 'no-difference',
    reason: `No difference: ${compared} (${formatP(p)}, not below α ${alpha}) after the planned ${plan}. Keep the simpler template or test a bolder change.`,
  };
}

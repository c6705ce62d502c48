import betaln from '@stdlib/math-base-special-betaln';
import { InputError } from '../../errors.js';
import { type Arm, armProblems } from './ab-stats.js';

/** P(X_B > X_A) for independent Beta(αA, βA) and Beta(αB, βB), summing over αB (a whole number). */
function betaBeatsBeta(alphaA: number, betaA: number, alphaB: number, betaB: number): number {
  let total = 0;
  for (let i = 0; i < alphaB; i += 1) {
    total += Math.exp(
      betaln(alphaA + i, betaB + betaA) - Math.log(betaB + i) - betaln(1 + i, betaB) - betaln(alphaA, betaA),
    );
  }
  return total;
}

/**
 * The Bayesian probability that B's true reply rate beats A's, with uniform Beta(1, 1) priors, computed
 * exactly with Evan Miller's closed form rather than by simulation, so the same counts always give the
 * same answer. The sum runs over the smaller arm's replies, using P(B > A) = 1 − P(A > B).
 */
export function probabilityBBeatsA(a: Arm, b: Arm): number {
  const problems = [...armProblems(a, 'a'), ...armProblems(b, 'b')];
  if (problems.length > 0) throw new InputError(problems);
  const alphaA = a.replies + 1;
  const betaA = a.sends - a.replies + 1;
  const alphaB = b.replies + 1;
  const betaB = b.sends - b.replies + 1;
  const p =
    alphaB <= alphaA
      ? betaBeatsBeta(alphaA, betaA, alphaB, betaB)
      : 1 - betaBeatsBeta(alphaB, betaB, alphaA, betaA);
  return Math.min(1, Math.max(0, p));
}

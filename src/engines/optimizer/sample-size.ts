import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';
import { InputError, type Problem } from '../../errors.js';

export interface SampleSizeInput {
  /** Expected reply rate of the control, 0–1. */
  baseline: number;
  /** Smallest absolute change worth detecting, 0–1 (0.05 = five percentage points). */
  lift: number;
  alpha?: number;
  power?: number;
}

/** Problems with a significance level, power or lift: each must lie strictly between 0 and 1. */
export function probabilityProblems(values: Record<string, number | undefined>): Problem[] {
  return Object.entries(values).flatMap(([path, value]) =>
    value === undefined || (Number.isFinite(value) && value > 0 && value < 1)
      ? []
      : [{ path, message: 'must be a number between 0 and 1 (exclusive), such as 0.05' }],
  );
}

/**
 * Sends needed per variant by Evan Miller's method (his calculator's `num_subjects`, two-sided):
 * n = ((z₁₋α/₂·√(2p(1−p)) + z₁₋β·√(p(1−p) + (p+δ)(1−p−δ))) ÷ δ)², rounded, with p above one half mirrored
 * to 1 − p. For baseline 20 %, δ 5 points, α 0.05 and power 0.8 it gives his calculator's 1,030.
 */
export function sampleSizePerArm({ baseline, lift, alpha = 0.05, power = 0.8 }: SampleSizeInput): number {
  const problems = probabilityProblems({ lift, alpha, power });
  if (!Number.isFinite(baseline) || baseline < 0 || baseline > 1) {
    problems.push({ path: 'baseline', message: 'must be a reply rate from 0 to 1, such as 0.04' });
  }
  if (problems.length > 0) throw new InputError(problems);
  const p = baseline > 0.5 ? 1 - baseline : baseline;
  if (p + lift >= 1) {
    problems.push({
      path: 'lift',
      message: `must be below ${(1 - p).toFixed(3)} for a baseline of ${baseline}`,
    });
    throw new InputError(problems);
  }
  const zAlpha = normalQuantile(1 - alpha / 2, 0, 1);
  const zBeta = normalQuantile(power, 0, 1);
  const sd1 = Math.sqrt(2 * p * (1 - p));
  const sd2 = Math.sqrt(p * (1 - p) + (p + lift) * (1 - p - lift));
  return Math.round(((zAlpha * sd1 + zBeta * sd2) / lift) ** 2);
}

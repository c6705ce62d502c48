import chisquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { InputError, type Problem } from '../../errors.js';

/** One variant's results: how many leads got it and how many replied. */
export interface Arm {
  sends: number;
  replies: number;
}

export interface ZTestResult {
  /** (rate of first − rate of second) ÷ pooled standard error. */
  z: number;
  /** Two-sided p-value. */
  p: number;
  /** Pooled reply rate p̂ = (x₁ + x₂) ÷ (n₁ + n₂). */
  pooled: number;
}

export interface ChiSquareResult {
  statistic: number;
  df: number;
  p: number;
}

/** Problems with one arm: counts must be whole numbers, 0 or more, with no more replies than sends. */
export function armProblems(arm: Arm, path: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of ['sends', 'replies'] as const) {
    const value = arm[key];
    if (!Number.isSafeInteger(value) || value < 0) {
      problems.push({ path: `${path}.${key}`, message: 'must be a whole number, 0 or more' });
    }
  }
  if (problems.length === 0 && arm.replies > arm.sends) {
    problems.push({ path: `${path}.replies`, message: `must not exceed the ${arm.sends} sends` });
  }
  return problems;
}

/** Reply rate of an arm; 0 when nothing was sent yet. */
export function rateOf(arm: Arm): number {
  return arm.sends === 0 ? 0 : arm.replies / arm.sends;
}

/** Two-sided p-value of a standard normal statistic. */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z), 0, 1));
}

/**
 * Two-proportion z-test with the pooled p̂, as statsmodels' `proportions_ztest`: z > 0 when the first arm
 * replies more. When every lead or no lead replied there is no variance and no evidence: z 0, p 1.
 */
export function twoProportionZTest(first: Arm, second: Arm): ZTestResult {
  const problems = [...armProblems(first, 'first'), ...armProblems(second, 'second')];
  if (first.sends === 0) problems.push({ path: 'first.sends', message: 'must be at least 1' });
  if (second.sends === 0) problems.push({ path: 'second.sends', message: 'must be at least 1' });
  if (problems.length > 0) throw new InputError(problems);
  const pooled = (first.replies + second.replies) / (first.sends + second.sends);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / first.sends + 1 / second.sends));
  if (se === 0) return { z: 0, p: 1, pooled };
  const z = (rateOf(first) - rateOf(second)) / se;
  return { z, p: twoSidedP(z), pooled };
}

/**
 * Pearson's chi-square test of independence without continuity correction (scipy's `chi2_contingency`
 * with `correction=False`). A row or column that sums to 0 adds nothing; an all-zero table gives p 1.
 */
export function chiSquareIndependence(table: readonly (readonly number[])[]): ChiSquareResult {
  const columns = table[0]?.length ?? 0;
  if (table.length < 2 || columns < 2 || table.some((row) => row.length !== columns)) {
    throw new InputError([
      { path: 'table', message: 'must have at least 2 rows and 2 columns, all rows as long' },
    ]);
  }
  if (table.some((row) => row.some((cell) => !Number.isFinite(cell) || cell < 0))) {
    throw new InputError([{ path: 'table', message: 'must hold counts of 0 or more' }]);
  }
  const rowTotals = table.map((row) => row.reduce((s, c) => s + c, 0));
  const columnTotals = Array.from({ length: columns }, (_, j) =>
    table.reduce((s, row) => s + (row[j] ?? 0), 0),
  );
  const total = rowTotals.reduce((s, c) => s + c, 0);
  const df = (table.length - 1) * (columns - 1);
  if (total === 0) return { statistic: 0, df, p: 1 };
  let statistic = 0;
  table.forEach((row, i) => {
    row.forEach((observed, j) => {
      const expected = ((rowTotals[i] ?? 0) * (columnTotals[j] ?? 0)) / total;
      if (expected > 0) statistic += (observed - expected) ** 2 / expected;
    });
  });
  return { statistic, df, p: Math.max(0, 1 - chisquareCdf(statistic, df)) };
}

/** Chi-square test across k ≥ 2 variants: the 2×k table of replies and non-replies. */
export function chiSquareForArms(arms: readonly Arm[]): ChiSquareResult {
  const problems = arms.flatMap((arm, i) => armProblems(arm, `arms[${i}]`));
  if (problems.length > 0) throw new InputError(problems);
  return chiSquareIndependence([arms.map((a) => a.replies), arms.map((a) => a.sends - a.replies)]);
}

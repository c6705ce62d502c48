import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Arm,
  chiSquareForArms,
  chiSquareIndependence,
  probabilityBBeatsA,
  sampleSizePerArm,
  twoProportionZTest,
} from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

/** An arm of up to 5,000 sends with any number of replies. */
const arm = fc
  .integer({ min: 1, max: 5000 })
  .chain((sends) => fc.record({ sends: fc.constant(sends), replies: fc.integer({ min: 0, max: sends }) }));

describe('twoProportionZTest', () => {
  it('reproduces the statsmodels proportions_ztest docs example (count [5, 12], nobs [83, 99]: p 0.159)', () => {
    // Docs print the p-value as 0.159; the full values were recomputed with scipy 1.17 from the pooled formula.
    const { z, p } = twoProportionZTest({ replies: 5, sends: 83 }, { replies: 12, sends: 99 });
    expect(z).toBeCloseTo(-1.4078304151258787, 12);
    expect(p).toBeCloseTo(0.15918129181156992, 12);
    expect(p.toFixed(3)).toBe('0.159');
  });

  it.each([
    { name: 'nobody replied', first: { replies: 0, sends: 50 }, second: { replies: 0, sends: 80 } },
    { name: 'everybody replied', first: { replies: 50, sends: 50 }, second: { replies: 80, sends: 80 } },
  ])('finds no evidence when $name', ({ first, second }) => {
    expect(twoProportionZTest(first, second)).toMatchObject({ z: 0, p: 1 });
  });

  it('flips the sign of z, and keeps p, when the arms swap', () => {
    fc.assert(
      fc.property(arm, arm, (first, second) => {
        const ab = twoProportionZTest(first, second);
        const ba = twoProportionZTest(second, first);
        expect(ba.z).toBeCloseTo(-ab.z, 12);
        expect(ba.p).toBeCloseTo(ab.p, 12);
        expect(ab.p).toBeGreaterThanOrEqual(0);
        expect(ab.p).toBeLessThanOrEqual(1);
      }),
    );
  });

  it.each([
    { name: 'more replies than sends', first: { replies: 5, sends: 4 }, path: 'first.replies' },
    { name: 'no sends', first: { replies: 0, sends: 0 }, path: 'first.sends' },
    { name: 'a negative count', first: { replies: -1, sends: 4 }, path: 'first.replies' },
    { name: 'a fraction', first: { replies: 1, sends: 4.5 }, path: 'first.sends' },
  ])('rejects $name', ({ first, path }) => {
    expect(problemsOf(() => twoProportionZTest(first, { replies: 1, sends: 10 }))[0]?.path).toBe(path);
  });
});

describe('chiSquareIndependence', () => {
  it("reproduces scipy's chi2_contingency docs example [[10, 10, 20], [20, 20, 20]]", () => {
    const result = chiSquareIndependence([
      [10, 10, 20],
      [20, 20, 20],
    ]);
    expect(result.statistic).toBeCloseTo(2.7777777777777777, 12);
    expect(result.df).toBe(2);
    expect(result.p).toBeCloseTo(0.24935220877729619, 10);
  });

  it('matches scipy on four variants (chi2_contingency, scipy 1.17)', () => {
    const result = chiSquareForArms([
      { replies: 40, sends: 1000 },
      { replies: 55, sends: 1000 },
      { replies: 48, sends: 1000 },
      { replies: 70, sends: 1000 },
    ]);
    expect(result.statistic).toBeCloseTo(9.654972347950922, 10);
    expect(result.df).toBe(3);
    expect(result.p).toBeCloseTo(0.021738601243558822, 10);
  });

  it('equals z² on a 2×2 table, with the same p-value', () => {
    fc.assert(
      fc.property(arm, arm, (a, b) => {
        const { z, p } = twoProportionZTest(a, b);
        const chi = chiSquareForArms([a, b]);
        expect(chi.statistic).toBeCloseTo(z * z, 8);
        expect(chi.p).toBeCloseTo(p, 8);
      }),
    );
  });

  it('gives p 1 when no one has replied yet', () => {
    expect(
      chiSquareForArms([
        { replies: 0, sends: 10 },
        { replies: 0, sends: 12 },
      ]),
    ).toEqual({ statistic: 0, df: 1, p: 1 });
  });

  it.each([
    { name: 'a single row', table: [[1, 2]] },
    { name: 'a single column', table: [[1], [2]] },
    { name: 'ragged rows', table: [[1, 2], [3]] },
    {
      name: 'a negative count',
      table: [
        [1, -2],
        [3, 4],
      ],
    },
  ])('rejects $name', ({ table }) => {
    expect(problemsOf(() => chiSquareIndependence(table))[0]?.path).toBe('table');
  });
});

describe('sampleSizePerArm', () => {
  it.each([
    // Evan Miller's calculator: baseline 20 %, 5 points absolute, α 0.05, power 0.8 → 1,030 per variation.
    { baseline: 0.2, lift: 0.05, alpha: 0.05, power: 0.8, n: 1030 },
    // Above one half the baseline is mirrored (80 % behaves as 20 %).
    { baseline: 0.8, lift: 0.05, alpha: 0.05, power: 0.8, n: 1030 },
    // Cold-outreach reply rates; values from the same formula evaluated with scipy.stats.norm.ppf.
    { baseline: 0.04, lift: 0.01, alpha: 0.05, power: 0.8, n: 6238 },
    { baseline: 0.04, lift: 0.02, alpha: 0.05, power: 0.8, n: 1609 },
    { baseline: 0.1, lift: 0.02, alpha: 0.01, power: 0.9, n: 6886 },
  ])('needs $n sends per arm for baseline $baseline, lift $lift, α $alpha, power $power', (input) => {
    expect(sampleSizePerArm(input)).toBe(input.n);
  });

  it('uses α 0.05 and power 0.8 by default', () => {
    expect(sampleSizePerArm({ baseline: 0.2, lift: 0.05 })).toBe(1030);
  });

  it('needs more sends to detect a smaller lift', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        (p, d) => {
          expect(sampleSizePerArm({ baseline: p, lift: d / 2 })).toBeGreaterThanOrEqual(
            sampleSizePerArm({ baseline: p, lift: d }),
          );
        },
      ),
    );
  });

  it.each([
    { name: 'alpha of 0', input: { baseline: 0.2, lift: 0.05, alpha: 0 }, path: 'alpha' },
    { name: 'power of 1', input: { baseline: 0.2, lift: 0.05, power: 1 }, path: 'power' },
    { name: 'a negative lift', input: { baseline: 0.2, lift: -0.05 }, path: 'lift' },
    { name: 'a baseline over 100 %', input: { baseline: 1.2, lift: 0.05 }, path: 'baseline' },
    { name: 'a lift past 100 %', input: { baseline: 0.4, lift: 0.7 }, path: 'lift' },
  ])('rejects $name', ({ input, path }) => {
    expect(problemsOf(() => sampleSizePerArm(input))[0]?.path).toBe(path);
  });
});

describe('probabilityBBeatsA', () => {
  it.each([
    // Exact: A ~ Beta(2, 2), B ~ Beta(1, 4) gives P(B > A) = 1/7 by direct integration.
    { a: { replies: 1, sends: 2 }, b: { replies: 0, sends: 3 }, expected: 1 / 7 },
    { a: { replies: 10, sends: 100 }, b: { replies: 10, sends: 100 }, expected: 0.5 },
    { a: { replies: 0, sends: 0 }, b: { replies: 0, sends: 0 }, expected: 0.5 },
    // Numerical integration of Beta pdf × Beta cdf with scipy.integrate.quad.
    { a: { replies: 40, sends: 1000 }, b: { replies: 60, sends: 1000 }, expected: 0.9796772120538259 },
    { a: { replies: 5, sends: 83 }, b: { replies: 12, sends: 99 }, expected: 0.9135485984224245 },
    { a: { replies: 200, sends: 1000 }, b: { replies: 230, sends: 1000 }, expected: 0.9486182892111015 },
  ])('is $expected for A $a.replies/$a.sends and B $b.replies/$b.sends', ({ a, b, expected }) => {
    expect(probabilityBBeatsA(a, b)).toBeCloseTo(expected, 9);
  });

  it('gives the two orders probabilities that add up to one', () => {
    fc.assert(
      fc.property(arm, arm, (a: Arm, b: Arm) => {
        expect(probabilityBBeatsA(a, b) + probabilityBBeatsA(b, a)).toBeCloseTo(1, 9);
      }),
      { numRuns: 50 },
    );
  });

  it('rejects more replies than sends', () => {
    expect(
      problemsOf(() => probabilityBBeatsA({ replies: 3, sends: 2 }, { replies: 0, sends: 1 }))[0]?.path,
    ).toBe('a.replies');
  });
});

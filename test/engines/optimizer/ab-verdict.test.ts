import { describe, expect, it } from 'vitest';
import { abVerdict, planAbTest } from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

describe('abVerdict', () => {
  it('keeps testing a significant-looking result until both arms reach the planned sample', () => {
    const result = abVerdict({ a: { replies: 40, sends: 1000 }, b: { replies: 60, sends: 1000 } });
    // Control A's rate 4 % (not the pooled 5 %), default lift half of it, at least 1 point → 2 points,
    // Evan Miller's n = 1,609.
    expect(result.plannedLift).toBeCloseTo(0.02, 12);
    expect(result.plan.baseline).toBeCloseTo(0.04, 12);
    expect(result.neededPerArm).toBe(1609);
    expect(result.remaining).toEqual({ a: 609, b: 609 });
    expect(result.z).toBeCloseTo(2.051956704170308, 10);
    expect(result.p).toBeCloseTo(0.04017387028851211, 10);
    expect(result.p).toBeLessThan(0.05);
    expect(result.verdict).toBe('keep-testing');
    expect(result.reason).toContain('A needs 609 more, B 609 more');
    expect(result.lift.absolute).toBeCloseTo(0.02, 12);
    expect(result.lift.relative).toBeCloseTo(0.5, 12);
    expect(result.chiSquare.statistic).toBeCloseTo(result.z ** 2, 10);
    expect(result.pBBeatsA).toBeCloseTo(0.9796772120538259, 9);
  });

  it.each([
    {
      name: 'B wins when it is significantly better after the plan',
      a: { replies: 400, sends: 10_000 },
      b: { replies: 500, sends: 10_000 },
      verdict: 'b-wins',
      reason:
        /^B wins: B 5\.0% vs A 4\.0% replies \(p < 0\.001, below α 0\.05\) after the planned 6,238 sends/,
    },
    {
      name: 'A wins when B is significantly worse after the plan',
      a: { replies: 500, sends: 10_000 },
      b: { replies: 400, sends: 10_000 },
      verdict: 'a-wins',
      reason: /^A wins: /,
    },
    {
      name: 'no difference when the planned sample shows nothing significant',
      a: { replies: 500, sends: 10_000 },
      b: { replies: 510, sends: 10_000 },
      verdict: 'no-difference',
      reason: /^No difference: B 5\.1% vs A 5\.0% replies \(p = 0\.747, not below α 0\.05\)/,
    },
    {
      name: 'keep testing a huge early gap',
      a: { replies: 0, sends: 100 },
      b: { replies: 30, sends: 100 },
      verdict: 'keep-testing',
      reason: /^Keep testing: /,
    },
    {
      name: 'keep testing while only one arm has reached the plan',
      a: { replies: 400, sends: 10_000 },
      b: { replies: 50, sends: 600 },
      verdict: 'keep-testing',
      reason: /A needs 0 more, B [\d,]+ more/,
    },
  ])('$name', ({ a, b, verdict, reason }) => {
    const result = abVerdict({ a, b, lift: 0.01 });
    expect(result.verdict).toBe(verdict);
    expect(result.reason).toMatch(reason);
  });

  it("sizes the plan from control A's rate as Evan Miller's calculator does: 10 % + 2 points → 3,623", () => {
    const result = abVerdict({
      a: { replies: 100, sends: 1000 },
      b: { replies: 120, sends: 1000 },
      lift: 0.02,
    });
    expect(result.neededPerArm).toBe(3623);
    expect(planAbTest({ baseline: 0.1, lift: 0.02, basis: 'before' }).neededPerArm).toBe(3623);
    // His page's other example: 20 % baseline, 5 points → 1,030.
    expect(planAbTest({ baseline: 0.2, lift: 0.05, basis: 'before' }).neededPerArm).toBe(1030);
  });

  it('keeps a plan fixed at the start however the rates move afterwards', () => {
    const plan = planAbTest({ baseline: 0.1, lift: 0.02, basis: 'step history' });
    const early = abVerdict({ a: { replies: 2, sends: 100 }, b: { replies: 9, sends: 100 }, plan });
    const later = abVerdict({ a: { replies: 300, sends: 2000 }, b: { replies: 200, sends: 2000 }, plan });
    expect(early.neededPerArm).toBe(3623);
    expect(later.neededPerArm).toBe(3623);
    expect(later.plan).toEqual(plan);
    // Unplanned, the sample would follow A's rate: 2 % and 15 % give other sizes.
    const unplanned = abVerdict({
      a: { replies: 300, sends: 2000 },
      b: { replies: 200, sends: 2000 },
      lift: 0.02,
    });
    expect(unplanned.neededPerArm).not.toBe(3623);
  });

  it('does not size a test from a zero reply rate: the rule of three bounds it', () => {
    const result = abVerdict({ a: { replies: 0, sends: 100 }, b: { replies: 30, sends: 100 } });
    expect(result.plan.baseline).toBeCloseTo(0.03, 12);
    expect(result.plan.basis).toContain('no reply in 100 sends');
    expect(result.verdict).toBe('keep-testing');
  });

  it('starts a fresh test with no evidence either way', () => {
    const result = abVerdict({ a: { replies: 0, sends: 0 }, b: { replies: 0, sends: 0 } });
    expect(result).toMatchObject({
      z: 0,
      p: 1,
      pBBeatsA: 0.5,
      verdict: 'keep-testing',
      lift: { absolute: 0 },
    });
    expect(result.lift).not.toHaveProperty('relative');
    // Baseline 0 with the one-point minimum lift: ((z₀.₈ · √(0.01 · 0.99)) ÷ 0.01)² ≈ 70.
    expect(result.neededPerArm).toBe(70);
  });

  it('honours a stricter alpha and higher power', () => {
    const loose = abVerdict({ a: { replies: 40, sends: 1000 }, b: { replies: 60, sends: 1000 }, lift: 0.02 });
    const strict = abVerdict({
      a: { replies: 40, sends: 1000 },
      b: { replies: 60, sends: 1000 },
      lift: 0.02,
      alpha: 0.01,
      power: 0.9,
    });
    expect(strict.neededPerArm).toBeGreaterThan(loose.neededPerArm);
  });

  it.each([
    { name: 'alpha of 1.5', input: { alpha: 1.5 }, path: 'alpha' },
    { name: 'power of 0', input: { power: 0 }, path: 'power' },
    { name: 'a lift too large for the baseline', input: { lift: 0.99 }, path: 'lift' },
    { name: 'more replies than sends', input: { a: { replies: 11, sends: 10 } }, path: 'a.replies' },
    { name: 'negative sends', input: { b: { replies: 0, sends: -4 } }, path: 'b.sends' },
  ])('rejects $name', ({ input, path }) => {
    const problems = problemsOf(() =>
      abVerdict({ a: { replies: 4, sends: 100 }, b: { replies: 6, sends: 100 }, ...input }),
    );
    expect(problems.map((p) => p.path)).toContain(path);
  });
});

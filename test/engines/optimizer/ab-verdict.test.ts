import { describe, expect, it } from 'vitest';
import { abVerdict } from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

describe('abVerdict', () => {
  it('keeps testing a significant-looking result until both arms reach the planned sample', () => {
    const result = abVerdict({ a: { replies: 40, sends: 1000 }, b: { replies: 60, sends: 1000 } });
    // Pooled rate 5 %, default lift half of it (2.5 points) → Evan Miller's n = 1,273 (scipy check).
    expect(result.plannedLift).toBeCloseTo(0.025, 12);
    expect(result.neededPerArm).toBe(1273);
    expect(result.remaining).toEqual({ a: 273, b: 273 });
    expect(result.z).toBeCloseTo(2.051956704170308, 10);
    expect(result.p).toBeCloseTo(0.04017387028851211, 10);
    expect(result.p).toBeLessThan(0.05);
    expect(result.verdict).toBe('keep-testing');
    expect(result.reason).toContain('A needs 273 more, B 273 more');
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
        /^B wins: B 5\.0% vs A 4\.0% replies \(p < 0\.001, below α 0\.05\) after the planned 6,955 sends/,
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

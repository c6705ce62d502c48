import { describe, expect, it } from 'vitest';
import { analyzeConversion, trendOf } from '../../../src/engines/optimizer/index.js';

describe('analyzeConversion', () => {
  it.each([
    {
      metric: { name: 'MQL to SQL', target: 25, current: 22, previous: 20 },
      expected: { gap: -3, trend: 'up', status: 'below-target' },
    },
    {
      metric: { name: 'SQL to Opp', target: 50, current: 46, previous: 46.2 },
      expected: { gap: -4, trend: 'flat', status: 'near-target' },
    },
    {
      metric: { name: 'Close Rate', target: 20, current: 21, previous: 24 },
      expected: { gap: 1, trend: 'down', status: 'on-target' },
    },
    {
      metric: { name: 'Cycle days', target: 30, current: 33, previous: 40, higherIsBetter: false },
      expected: { gap: -3, trend: 'down', status: 'near-target' },
    },
    {
      metric: { name: 'CAC', target: 300, current: 250, higherIsBetter: false },
      expected: { gap: 50, trend: 'flat', status: 'on-target' },
    },
    { metric: { name: 'Zero target', target: 0, current: 0 }, expected: { gap: 0, status: 'on-target' } },
  ])('reads $metric.name as $expected.status', ({ metric, expected }) => {
    const [result] = analyzeConversion([metric]);
    expect(result).toMatchObject({ name: metric.name, target: metric.target, ...expected });
  });

  it('leaves gap and current out and calls the status unknown when the team has no current figure', () => {
    const [result] = analyzeConversion([{ name: 'Avg Deal', target: 10_000, previous: 9_000 }]);
    expect(result).toEqual({
      name: 'Avg Deal',
      target: 10_000,
      previous: 9_000,
      higherIsBetter: true,
      trend: 'flat',
      status: 'unknown',
    });
  });
});

describe('trendOf', () => {
  it.each([
    { current: 101, previous: 100, trend: 'flat', why: 'a 1 % change is within tolerance' },
    { current: 101.5, previous: 100, trend: 'up', why: 'a 1.5 % rise is a trend' },
    { current: 98.5, previous: 100, trend: 'down', why: 'a 1.5 % fall is a trend' },
    { current: 5, previous: 0, trend: 'up', why: 'anything beats nothing' },
    { current: 0, previous: 0, trend: 'flat', why: 'nothing equals nothing' },
    { current: 5, previous: undefined, trend: 'flat', why: 'no previous period means no trend' },
    { current: undefined, previous: 5, trend: 'flat', why: 'no current figure means no trend' },
  ])('is $trend for $previous → $current: $why', ({ current, previous, trend }) => {
    expect(trendOf(current, previous)).toBe(trend);
  });
});

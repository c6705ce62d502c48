import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../../src/views/intake/parse-money.js';

describe('parseMoney', () => {
  it.each([
    ['25000', 25_000],
    ['25,000', 25_000],
    ['1,234,567.89', 1_234_567.89],
    ['50k', 50_000],
    ['50K', 50_000],
    ['$1.2m', 1_200_000],
    ['$ 1.15M', 1_150_000],
    ['€3bn', 3_000_000_000],
    ['£2b', 2_000_000_000],
    ['2mm', 2_000_000],
    ['.5k', 500],
    ['  42 ', 42],
    ['0', 0],
    ['-5k', -5_000],
    ['$-5', -5],
    ['19.999', 20],
  ])('reads %j as %d', (input, expected) => {
    expect(parseMoney(input)).toBe(expected);
  });

  it.each(['', 'k', '$', 'fifty', '2,50', '12,34,567', '1.2.3', '50 thousand', '5kk', '1e6', 'NaN'])(
    'refuses %j',
    (input) => {
      expect(parseMoney(input)).toBeUndefined();
    },
  );
});

import { describe, expect, it } from 'vitest';
import { parseMoney, readAmount } from '../../src/engines/money.js';

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
    ['19.999', 20],
    ['1.2 million', 1_200_000],
    ['75000 USD', 75_000],
    ['50 thousand', 50_000],
  ])('reads %j as %d', (input, expected) => {
    expect(parseMoney(input)?.amount).toBe(expected);
  });

  it.each(['', 'k', '$', 'fifty', '2,50', '12,34,567', '1.2.3', '5kk', '1e6', 'NaN', '.', '-5k', '$-5'])(
    'refuses %j',
    (input) => {
      expect(parseMoney(input)).toBeUndefined();
    },
  );
});

describe('readAmount', () => {
  it('names the field, quotes what it could not read and gives examples that work', () => {
    expect(readAmount('Budget', 'abc')).toEqual({
      error: "Budget: could not read 'abc' as an amount; try 50k, 1.2 million or 75000 USD",
    });
  });

  it('says an amount must not be negative rather than that it is unreadable', () => {
    expect(readAmount('Budget', '-5k')).toEqual({
      error: 'Budget: must be 0 or more; try 50k, 1.2 million or 75000 USD',
    });
  });

  it('shortens a long input it quotes', () => {
    const read = readAmount('Budget', 'x'.repeat(500));
    expect('error' in read && read.error.length).toBeLessThan(150);
  });

  it('keeps the currency a person named', () => {
    expect(readAmount('Budget', '75000 USD')).toEqual({ value: { amount: 75_000, currency: 'USD' } });
  });
});

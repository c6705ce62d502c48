import { describe, expect, it } from 'vitest';
import { formatAmount, parseMoney } from '../../../src/engines/qualify-text/index.js';

describe('parseMoney', () => {
  it.each([
    ['50k', { amount: 50_000 }],
    ['50K', { amount: 50_000 }],
    ['$1.2m', { amount: 1_200_000, currency: 'USD' }],
    ['€50,000', { amount: 50_000, currency: 'EUR' }],
    ['£3.5 million', { amount: 3_500_000, currency: 'GBP' }],
    ['1,200,000.50', { amount: 1_200_000.5 }],
    ["1'200'000", { amount: 1_200_000 }],
    ['75000 USD', { amount: 75_000, currency: 'USD' }],
    ['eur 2bn', { amount: 2_000_000_000, currency: 'EUR' }],
    ['0', { amount: 0 }],
    ['$ 25', { amount: 25, currency: 'USD' }],
  ])('reads %j', (text, expected) => {
    expect(parseMoney(text)).toEqual(expected);
  });

  it.each(['', 'lots', '2,50', '1,2345', '-5', '$-5', '1.2.3', 'k', '50kk'])('refuses %j', (text) => {
    expect(parseMoney(text)).toBeUndefined();
  });
});

describe('formatAmount', () => {
  it.each([
    [{ amount: 50_000 }, '$50,000'],
    [{ amount: 1_200_000.5, currency: 'EUR' as const }, '€1,200,000.50'],
    [{ amount: 3_500, currency: 'GBP' as const }, '£3,500'],
  ])('writes %j as %s', (money, expected) => {
    expect(formatAmount(money)).toBe(expected);
  });
});

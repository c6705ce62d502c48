import type { Money } from '../money.js';

const SYMBOL: Record<NonNullable<Money['currency']>, string> = { USD: '$', EUR: '€', GBP: '£' };

/** An amount with its currency sign and thousands separators: `$50,000`, `€1,200,000.50`; dollars by default. */
export function formatAmount(money: Money): string {
  const symbol = SYMBOL[money.currency ?? 'USD'];
  const cents = Number.isInteger(money.amount) ? 0 : 2;
  return `${symbol}${money.amount.toLocaleString('en-US', { minimumFractionDigits: cents, maximumFractionDigits: 2 })}`;
}

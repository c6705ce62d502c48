import type { Money } from '../money.js';

const SYMBOL: Record<NonNullable<Money['currency']>, string> = { USD: '$', EUR: '€', GBP: '£' };

// Built once: toLocaleString with options builds a new formatter on every call, which shows in the ack path.
const WHOLE = new Intl.NumberFormat('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const CENTS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** An amount with its currency sign and thousands separators: `$50,000`, `€1,200,000.50`; dollars by default. */
export function formatAmount(money: Money): string {
  const symbol = SYMBOL[money.currency ?? 'USD'];
  const formatter = Number.isInteger(money.amount) ? WHOLE : CENTS;
  return `${symbol}${formatter.format(money.amount)}`;
}

// Hand-written: the shorthands sales people type ("50k", "$1.2m", "25,000") are not covered by
// Number() or Intl, and a parsing library for four suffixes is more weight than this function.

const SUFFIX: Record<string, number> = { '': 1, k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };
const MONEY = /^(-)?\s*[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?\s*(k|mm|mn|m|bn|b)?$/i;

/**
 * Reads an amount such as `25000`, `25,000`, `$25k`, `1.2m` or `€3bn` as a number rounded to cents;
 * returns undefined when the text is not an amount (commas must group thousands, so `2,50` is refused).
 */
export function parseMoney(input: string): number | undefined {
  const match = MONEY.exec(input.trim().replace(/^\$-/, '-$'));
  if (!match) return undefined;
  const [, minus, integer, fraction, suffix] = match;
  if (integer === undefined && fraction === undefined) return undefined;
  const base = Number(`${(integer ?? '0').replaceAll(',', '')}${fraction ?? ''}`);
  const scale = SUFFIX[(suffix ?? '').toLowerCase()] ?? 1;
  const amount = Math.round(base * scale * 100) / 100;
  return minus && amount !== 0 ? -amount : amount;
}

/** An amount as a rep types it, with the currency it named when it named one. */
export interface Money {
  amount: number;
  currency?: 'USD' | 'EUR' | 'GBP';
}

const SCALE: Record<string, number> = {
  '': 1,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};
const SIGNS: Record<string, Money['currency']> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
const CODES: Record<string, Money['currency']> = { usd: 'USD', eur: 'EUR', gbp: 'GBP' };

// Thousands are grouped by commas, apostrophes or (narrow) spaces; a lone comma group such as `2,50` is refused.
const NUMBER = /^(\d{1,3}(?:([,'\u00a0\u202f ])\d{3})(?:\2\d{3})*|\d+)(\.\d+)?$/;

function stripCurrency(text: string): { rest: string; currency?: Money['currency'] } {
  let rest = text.trim();
  let currency: Money['currency'];
  const code = /^(usd|eur|gbp)\s*|\s*(usd|eur|gbp)$/i.exec(rest);
  if (code) {
    currency = CODES[(code[1] ?? code[2] ?? '').toLowerCase()];
    rest = rest.replace(code[0], '').trim();
  }
  const sign = /^[$€£]|[$€£]$/.exec(rest);
  if (sign) {
    currency ??= SIGNS[sign[0]];
    rest = rest.replace(sign[0], '').trim();
  }
  return currency === undefined ? { rest } : { rest, currency };
}

/**
 * Reads `50k`, `$1.2m`, `€50,000`, `£3.5 million`, `1'200'000` or `75000 USD` as an amount rounded to cents;
 * undefined when the text is not an amount (negative amounts included).
 */
export function parseMoney(text: string): Money | undefined {
  const { rest, currency } = stripCurrency(text);
  const match = /^(.*?)\s*(k|thousand|mm|mn|million|m|bn|billion|b)?$/i.exec(rest);
  if (!match) return undefined;
  const digits = (match[1] ?? '').trim();
  const number = NUMBER.exec(digits);
  if (!number) return undefined;
  const base = Number(`${(number[1] ?? '').replace(/[,'\u00a0\u202f ]/g, '')}${number[3] ?? ''}`);
  const scale = SCALE[(match[2] ?? '').toLowerCase()] ?? 1;
  const amount = Math.round(base * scale * 100) / 100;
  if (!Number.isFinite(amount)) return undefined;
  return currency === undefined ? { amount } : { amount, currency };
}

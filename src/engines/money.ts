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
// The whole part may be left out before a fraction, as in `.5k`.
const NUMBER = /^(\d{1,3}(?:([,'\u00a0\u202f ])\d{3})(?:\2\d{3})*|\d+)?(\.\d+)?$/;

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

// Hand-written: the shorthands sales people type ("50k", "$1.2m", "3.5 million", "75000 USD") are not
// covered by Number() or Intl, and a parsing library for a few suffixes is more weight than this module.

/**
 * The one money reader of the app: the qualify text and modal, the intake modal and the ICP all read amounts here.
 * Reads `50k`, `$1.2m`, `€50,000`, `£3.5 million`, `1'200'000` or `75000 USD` as an amount rounded to cents;
 * undefined when the text is not an amount (negative amounts included).
 */
export function parseMoney(text: string): Money | undefined {
  const { rest, currency } = stripCurrency(text);
  const match = /^(.*?)\s*(k|thousand|mm|mn|million|m|bn|billion|b)?$/i.exec(rest);
  if (!match) return undefined;
  const digits = (match[1] ?? '').trim();
  const number = NUMBER.exec(digits);
  if (!number || (number[1] === undefined && number[3] === undefined)) return undefined;
  const base = Number(`${(number[1] ?? '').replace(/[,'\u00a0\u202f ]/g, '')}${number[3] ?? ''}`);
  const scale = SCALE[(match[2] ?? '').toLowerCase()] ?? 1;
  const amount = Math.round(base * scale * 100) / 100;
  if (!Number.isFinite(amount)) return undefined;
  return currency === undefined ? { amount } : { amount, currency };
}

/** The examples every money field offers when it cannot read an amount. */
export const MONEY_EXAMPLES = '50k, 1.2 million or 75000 USD';

const quoted = (text: string) => `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;

/**
 * Reads an amount a person typed into the field named `label`, or says how to fix it:
 * "Deal size: could not read 'abc' as an amount; try 50k, 1.2 million or 75000 USD".
 */
export function readAmount(label: string, text: string): { value: Money } | { error: string } {
  const money = parseMoney(text);
  if (money !== undefined) return { value: money };
  const trimmed = text.trim();
  if (/^-/.test(trimmed) && parseMoney(trimmed.slice(1)) !== undefined) {
    return { error: `${label}: must be 0 or more; try ${MONEY_EXAMPLES}` };
  }
  return { error: `${label}: could not read ${quoted(trimmed)} as an amount; try ${MONEY_EXAMPLES}` };
}

/** Number formatting shared by the engines: money, percentages and counts as people read them. */

const NONE = '—';
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** Money in whole units with thousands separators: 25000 → `$25,000`, -40 → `-$40`. */
export function formatMoney(amount: number): string {
  if (!Number.isFinite(amount)) return NONE;
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${whole.format(Math.abs(Math.round(amount)))}`;
}

/** Money in short form for ranges and headlines: 1200000 → `$1.2M`, 5000 → `$5K`. */
export function formatMoneyShort(amount: number): string {
  if (!Number.isFinite(amount)) return NONE;
  const sign = amount < 0 ? '-' : '';
  return `${sign}$${compact.format(Math.abs(amount))}`;
}

/** A money range in short form: `$1M–$50M`, or one amount when both ends agree. */
export function formatMoneyRange(min: number, max: number): string {
  const low = formatMoneyShort(min);
  const high = formatMoneyShort(max);
  return low === high ? low : `${low}–${high}`;
}

/** A percentage with at most one decimal: 12 → `12%`, 12.25 → `12.3%`. */
export function formatPercent(value: number): string {
  return Number.isFinite(value) ? `${oneDecimal.format(value)}%` : NONE;
}

/** A whole count with thousands separators: 1200 → `1,200`. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? whole.format(value) : NONE;
}

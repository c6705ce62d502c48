/** Whole money with thousands separators: `$90,000`. */
export function formatMoney(amount: number): string {
  return `$${Math.round(amount).toLocaleString('en-US')}`;
}

const SCALES: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/** Short money for ranges: `$250K`, `$1.5M`, `$2B`. */
export function formatMoneyShort(amount: number): string {
  const scale = SCALES.find(([size]) => Math.abs(amount) >= size);
  if (!scale) return formatMoney(amount);
  const [size, suffix] = scale;
  return `$${Number((amount / size).toFixed(1))}${suffix}`;
}

/** Whole counts with thousands separators: `5,000`. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

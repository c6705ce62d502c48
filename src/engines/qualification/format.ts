import { formatMoney } from '../format.js';

const SCALES: readonly [number, string][] = [
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * Money shortened within its own scale for ICP ranges: `$250K`, `$1.5M`, `$2B`, whole dollars below $1K.
 * Unlike `formatMoneyShort` it rounds the scaled value with `toFixed(1)` and never moves up a scale.
 */
export function formatMoneyScaled(amount: number): string {
  const scale = SCALES.find(([size]) => Math.abs(amount) >= size);
  if (!scale) return formatMoney(amount);
  const [size, suffix] = scale;
  return `$${Number((amount / size).toFixed(1))}${suffix}`;
}

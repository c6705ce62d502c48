/** Small numeric helpers shared by the pipeline calculations. */

/** Rounds to one decimal place, the precision every percentage and day figure is shown with. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Arithmetic mean, or undefined for an empty list. */
export function mean(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * Quantile `q` (0–1) by linear interpolation between closest ranks (the spreadsheet and numpy default),
 * or undefined for an empty list.
 */
export function quantile(values: readonly number[], q: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

/** Median of a list, or undefined for an empty list. */
export function median(values: readonly number[]): number | undefined {
  return quantile(values, 0.5);
}

/** `part ÷ whole` as a percentage, or undefined when the whole is zero. */
export function percentOf(part: number, whole: number): number | undefined {
  return whole === 0 ? undefined : (part / whole) * 100;
}

/** Clamps a value into [low, high]. */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

/** Sorting and quantiles of day counts, exact, for the columnar metrics. */

/** Largest whole-day value sorted by counting; past it, or with fractions, a comparison sort is used. */
const COUNTING_LIMIT = 1 << 20;

/**
 * The values in ascending order. Whole, non-negative day counts (the usual case: exports carry plain dates) are
 * sorted by counting, in one pass plus the range; anything else falls back to a numeric sort.
 */
export function sortDays(values: Float64Array): Float64Array {
  let max = 0;
  let whole = true;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v < 0 || v !== Math.floor(v) || v > COUNTING_LIMIT) {
      whole = false;
      break;
    }
    if (v > max) max = v;
  }
  if (!whole || values.length < 64) return Float64Array.from(values).sort();
  const counts = new Uint32Array(max + 1);
  for (let i = 0; i < values.length; i++) counts[values[i] ?? 0] = (counts[values[i] ?? 0] ?? 0) + 1;
  const sorted = new Float64Array(values.length);
  let at = 0;
  for (let day = 0; day <= max; day++) {
    const n = counts[day] ?? 0;
    if (n > 0) {
      sorted.fill(day, at, at + n);
      at += n;
    }
  }
  return sorted;
}

/** Quantile `q` of ascending values by linear interpolation between closest ranks; undefined when empty. */
export function sortedQuantile(sorted: Float64Array, q: number): number | undefined {
  if (sorted.length === 0) return undefined;
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower] ?? 0;
  const high = sorted[upper] ?? low;
  return low + (high - low) * (position - lower);
}

/** A Float64 list that grows as values are pushed. */
export class DayList {
  private data = new Float64Array(256);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

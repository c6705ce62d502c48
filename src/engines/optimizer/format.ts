/** A rate 0–1 as a percentage with one decimal, e.g. `4.0%`. */
export function formatRate(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A p-value as a clause with three decimals: `p = 0.040`, or `p < 0.001` when smaller. */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

/** A probability as a percentage that never claims certainty: `98.0%`, `> 99.9%`, `< 0.1%`. */
export function formatChance(probability: number): string {
  if (probability > 0.999) return '> 99.9%';
  if (probability < 0.001) return '< 0.1%';
  return formatRate(probability);
}

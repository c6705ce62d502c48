const FULL = '█';
const EMPTY = '░';

/** Text bar of `cells` cells filled in proportion to a percentage: rounded to the nearest cell, clamped to 0–100. */
export function bar(percent: number, cells: number): string {
  const clamped = Number.isFinite(percent) ? Math.min(100, Math.max(0, percent)) : 0;
  const filled = Math.round((clamped / 100) * cells);
  return FULL.repeat(filled) + EMPTY.repeat(cells - filled);
}

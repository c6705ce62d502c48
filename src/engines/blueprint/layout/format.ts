import type { Trend } from '../../types.js';

const NONE = '—';
const ARROWS: Record<Trend, string> = { up: '↑', down: '↓', flat: '→' };

/** A trend as an arrow: up ↑, down ↓, flat →. */
export function trendArrow(trend: Trend): string {
  return ARROWS[trend];
}

/** The value, or `—` when it is empty after trimming. */
export function orDash(value: string): string {
  return value.trim() === '' ? NONE : value;
}

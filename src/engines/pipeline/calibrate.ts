import { InputError } from '../../errors.js';
import type { Deal } from '../deal.js';
import { outcomeOf, reachedStages } from './reach.js';
import type { StageDef } from './stages.js';
import { percentOf, round1 } from './stats.js';

export interface CalibratedStage {
  stage: string;
  /** The designed probability (0–100). */
  configured: number;
  /** Won ÷ closed among deals that reached the stage, 0–100; absent when none of them has closed. */
  observed?: number;
  /** Closed deals (won or lost) that reached the stage. */
  sample: number;
  /** The observed rate shrunk toward the configured one, 0–100, one decimal. */
  calibrated: number;
}

/**
 * Calibrates stage probabilities from history: calibrated = (won + k·p0) ÷ (closed + k), where p0 is the
 * configured probability and k the prior strength (default 20 deals), so a stage with few closed deals
 * stays near its default and one with hundreds follows its data. Open deals are left out.
 */
export function calibrateProbabilities(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: { priorStrength?: number } = {},
): CalibratedStage[] {
  const k = options.priorStrength ?? 20;
  if (!(k >= 0)) throw new InputError(`priorStrength must be 0 or more, got ${k}`);
  const won = stages.map(() => 0);
  const closed = stages.map(() => 0);
  for (const deal of deals) {
    const outcome = outcomeOf(stages, deal);
    if (outcome === 'open') continue;
    reachedStages(stages, deal).forEach((reached, i) => {
      if (!reached) return;
      closed[i] = (closed[i] ?? 0) + 1;
      if (outcome === 'won') won[i] = (won[i] ?? 0) + 1;
    });
  }
  return calibrateFromCounts(stages, won, closed, k);
}

/**
 * Calibrated probabilities from, per stage, the closed deals that reached it and how many of those were won;
 * `k` is the prior strength (see `calibrateProbabilities`).
 */
export function calibrateFromCounts(
  stages: readonly StageDef[],
  won: ArrayLike<number>,
  closed: ArrayLike<number>,
  k: number,
): CalibratedStage[] {
  return stages.map((stage, i) => {
    const w = won[i] ?? 0;
    const n = closed[i] ?? 0;
    const p0 = stage.probability / 100;
    const row: CalibratedStage = {
      stage: stage.name,
      configured: stage.probability,
      sample: n,
      calibrated: round1((n + k === 0 ? p0 : (w + k * p0) / (n + k)) * 100),
    };
    const observed = percentOf(w, n);
    if (observed !== undefined) row.observed = round1(observed);
    return row;
  });
}

/** Returns the stages with each probability replaced by its calibrated value (one decimal). */
export function withCalibratedProbabilities(
  stages: readonly StageDef[],
  calibration: readonly CalibratedStage[],
): StageDef[] {
  return stages.map((stage) => {
    const row = calibration.find((c) => c.stage === stage.name);
    return row === undefined ? stage : { ...stage, probability: row.calibrated };
  });
}

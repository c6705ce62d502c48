/** Parts of the design that judge the intake: Pipeline Health, the status it implies, and the funnel's stage names. */
import { InputError } from '../errors.js';
import type { Design } from './design.js';
import type { Intake } from './intake.js';
import { healthInputsFromIntake, pipelineHealth } from './pipeline/index.js';
import type { Assumption } from './types.js';

/**
 * Pipeline Health from the intake's figures that the team gave (an assumed cycle is no evidence); with
 * fewer than two parts the score is marked insufficient and the blueprint says "insufficient data".
 */
export function healthFor(intake: Intake, assumptions: Assumption[]): Design['overview']['health'] {
  const inputs = healthInputsFromIntake(intake);
  if (intake.assumptions.some((a) => a.path === 'cycle.averageDays')) delete inputs.cycle;
  const parts = Object.keys(inputs).length;
  if (parts === 0) {
    assumptions.push({ path: 'overview.health', value: 'insufficient data', reason: HEALTH_HINT });
    return { score: 0, insufficient: true, parts: [] };
  }
  const health = pipelineHealth(inputs);
  if (health.parts.length < 2) {
    assumptions.push({
      path: 'overview.health',
      value: `insufficient data: only ${health.parts.map((p) => p.name.toLowerCase()).join(' and ')}`,
      reason: HEALTH_HINT,
    });
    return { ...health, insufficient: true };
  }
  return health;
}

const HEALTH_HINT = 'give current conversion and close rates and the cycle length for a score';

/** The status line follows the health score; without enough data it says so. */
export function statusOf(health: Design['overview']['health']): Design['overview']['status'] {
  if (health.insufficient === true) return 'Not enough data';
  if (health.score >= 7) return 'On track';
  return health.score >= 4 ? 'Needs attention' : 'At risk';
}

/** The funnel's stage names in order, or undefined without a funnel; a lost stage has no place in it. */
export function funnelNames(funnel: Intake['funnel']): string[] | undefined {
  if (funnel === undefined) return undefined;
  const names = Object.keys(funnel);
  const problems = names
    .filter((n) => /\blost\b/i.test(n))
    .map((n) => ({
      path: `funnel.${n}`,
      message: 'a lost stage has no place in the funnel; list only the stages deals reach on the way to won',
    }));
  if (names.length < 2) {
    problems.push({
      path: 'funnel',
      message: 'needs at least two stages, the last one the won stage, such as Lead: 100 and Closed Won: 10',
    });
  }
  if (problems.length > 0) throw new InputError(problems);
  return names;
}

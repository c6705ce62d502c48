import type { FrameworkId } from '../types.js';
import type { TriggerId } from './disqualification.js';

/** One rung of a criterion's scale. */
export interface Level {
  id: string;
  label: string;
  points: number;
  description: string;
  /** A red flag: answering this level fires the named disqualification trigger. */
  disqualifies?: TriggerId;
}

/** One thing a framework asks the rep to establish, with the questions that establish it. */
export interface Criterion {
  id: string;
  name: string;
  description: string;
  /** One short line for the blueprint, shown after the name ("Budget: …"). */
  requirement: string;
  /** Evidence questions a rep asks, from discovery to confirmation. */
  questions: readonly string[];
  /** Worst to best, red flags first; an unanswered criterion sits at the first level that is not a red flag. */
  levels: readonly Level[];
  /** Points at which the criterion counts as met; below it the scorecard asks its questions. */
  metAt: number;
}

/** When a framework's answers add up to "qualified". */
export interface QualifyRule {
  minScore: number;
  maxScore: number;
  required: readonly { criterion: string; minPoints: number }[];
  describe: string;
  /** The same rule in a few words, the Qualified stage's exit criterion ("MEDDIC 12/18 with EB and Champion ≥ 2"). */
  exit: string;
}

/** Steps of the pipeline that a framework's criteria can gate. */
export type StageGate = 'qualified' | 'discovery' | 'validation' | 'proposal' | 'negotiation';

/** A versioned qualification rubric; adding a framework is adding one of these. */
export interface Framework {
  id: FrameworkId;
  name: string;
  version: string;
  focus: string;
  bestFor: string;
  criteria: readonly Criterion[];
  rule: QualifyRule;
  /** Criteria that must be at a passing level before leaving each pipeline step; absent steps use generic checks. */
  gates: Partial<Record<StageGate, readonly string[]>>;
}

/** Lower-cases and joins words with underscores, so `Economic Buyer`, `economic-buyer` and `economicBuyer` agree. */
export function normalizeKey(text: string): string {
  return text
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The level an unanswered criterion sits at: the first one that is not a red flag. */
export function startingLevel(criterion: Criterion): Level {
  const level = criterion.levels.find((l) => l.disqualifies === undefined);
  if (!level) throw new Error(`Criterion ${criterion.id} has no level that is not a red flag.`);
  return level;
}

/** The most points a criterion can give. */
export function topPoints(criterion: Criterion): number {
  return Math.max(0, ...criterion.levels.map((l) => l.points));
}

/** True when the criterion's ordinary levels all have different points, so a number names a level. */
function acceptsPoints(criterion: Criterion): boolean {
  const points = criterion.levels.filter((l) => l.disqualifies === undefined).map((l) => l.points);
  return new Set(points).size === points.length;
}

/** Finds the level a person meant: by id or label in any case, or by its points where points are unambiguous. */
export function findLevel(criterion: Criterion, input: string): Level | undefined {
  const key = normalizeKey(input);
  const named = criterion.levels.find((l) => l.id === key || normalizeKey(l.label) === key);
  if (named) return named;
  // Red flags are only chosen by name, so a number never disqualifies a lead by accident.
  if (!/^\d+$/.test(key) || !acceptsPoints(criterion)) return undefined;
  return criterion.levels.find((l) => l.disqualifies === undefined && l.points === Number(key));
}

/** The accepted ways to write a criterion's levels, e.g. `unknown (0), identified (1), …, no_access`. */
export function levelChoices(criterion: Criterion): string {
  const numbered = acceptsPoints(criterion);
  return criterion.levels
    .map((l) => (numbered && l.disqualifies === undefined ? `${l.id} (${l.points})` : l.id))
    .join(', ');
}

/** Finds a framework's criterion by id, accepting any case or separator. */
export function findCriterion(framework: Framework, key: string): Criterion | undefined {
  const id = normalizeKey(key);
  return framework.criteria.find((c) => c.id === id);
}

/** The points a criterion needs: its own bar, raised by the qualify rule where that asks for more. */
export function barFor(framework: Framework, criterion: Criterion): number {
  const required = framework.rule.required
    .filter((r) => r.criterion === criterion.id)
    .map((r) => r.minPoints);
  return Math.max(criterion.metAt, ...required);
}

import type { Lead } from '../../engines/lead.js';
import type { StageDef } from '../../engines/pipeline/index.js';
import { barFor, findLevel, getFramework, startingLevel } from '../../engines/qualification/index.js';

/** A framework criterion that gates leaving a stage and is below its bar. */
export interface UnmetCheck {
  id: string;
  name: string;
  /** The level the lead is at, e.g. "Partial". */
  level: string;
  /** The first level that meets the bar, e.g. "Confirmed". */
  needs: string;
}

/**
 * Checks the exit criteria of the stage a lead is leaving against its answers: a check naming a framework
 * criterion is met when the answer reaches the rubric's bar without a red flag. Checks that name no criterion
 * ("contact made", "quote sent") are returned as `manual`, for the rep to confirm.
 */
export function checkStageExit(
  lead: Pick<Lead, 'framework' | 'answers'>,
  stage: StageDef | undefined,
): { unmet: UnmetCheck[]; manual: string[] } {
  const framework = getFramework(lead.framework);
  const unmet: UnmetCheck[] = [];
  const manual: string[] = [];
  for (const check of stage?.exitChecks ?? []) {
    const criterion = framework.criteria.find((c) => c.id === check);
    if (!criterion) {
      manual.push(check.replace(/_/g, ' '));
      continue;
    }
    const stored = lead.answers[criterion.id]?.level;
    const level =
      (stored === undefined ? undefined : findLevel(criterion, stored)) ?? startingLevel(criterion);
    const bar = barFor(framework, criterion);
    if (level.disqualifies === undefined && level.points >= bar) continue;
    const needs =
      criterion.levels.find((l) => l.disqualifies === undefined && l.points >= bar)?.label ?? `${bar} points`;
    unmet.push({ id: criterion.id, name: criterion.name, level: level.label, needs });
  }
  return { unmet, manual };
}

import type { Design } from '../design.js';
import type { FrameworkId } from '../types.js';
import type { Framework } from './framework.js';
import { getFramework } from './frameworks/index.js';

/** Joins names as prose: `A`, `A and B`, `A, B and C`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

/** The qualify rule's per-criterion conditions as sentences, e.g. "Economic buyer and Champion at 2 or more (Validated)". */
export function ruleConditions(framework: Framework): string[] {
  const groups = new Map<number, string[]>();
  for (const r of framework.rule.required)
    groups.set(r.minPoints, [...(groups.get(r.minPoints) ?? []), r.criterion]);
  return [...groups].map(([minPoints, ids]) => {
    const criteria = ids.flatMap((id) => framework.criteria.filter((c) => c.id === id));
    const labels = new Set(
      criteria.map((c) => c.levels.find((l) => l.disqualifies === undefined && l.points >= minPoints)?.label),
    );
    const [label] = labels;
    const named = labels.size === 1 && label !== undefined ? ` (${label})` : '';
    return `${listNames(criteria.map((c) => c.name))} at ${minPoints} or more${named}`;
  });
}

export type QualificationSummary = Omit<Design['qualification'], 'reason'>;

/** What the blueprint shows of a framework: each criterion's requirement and questions, and the bar to qualify. */
export function qualificationSummary(which: Framework | FrameworkId): QualificationSummary {
  const framework = typeof which === 'string' ? getFramework(which) : which;
  return {
    framework: framework.id,
    frameworkName: framework.name,
    criteria: framework.criteria.map((c) => ({
      name: c.name,
      requirement: c.requirement,
      questions: [...c.questions],
    })),
    minimum: { score: framework.rule.minScore, max: framework.rule.maxScore },
    conditions: ruleConditions(framework),
  };
}

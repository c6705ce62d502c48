import { InputError, type Problem } from '../../errors.js';
import { closest } from './closest.js';
import {
  type Criterion,
  type Framework,
  findCriterion,
  findLevel,
  type Level,
  levelChoices,
  normalizeKey,
} from './framework.js';

/** A rep's answer for one criterion: a level id, label or points, and what backs it up. */
export interface Answer {
  level: string;
  evidence?: string | undefined;
}

export interface ResolvedAnswer {
  criterion: Criterion;
  level: Level;
  evidence?: string;
}

/** Checks answers against a framework and resolves each level; throws one InputError listing every problem. */
export function resolveAnswers(
  framework: Framework,
  answers: Readonly<Record<string, Answer>>,
  pathFor: (key: string) => string = (key) => `answers.${key}`,
): Map<string, ResolvedAnswer> {
  const resolved = new Map<string, ResolvedAnswer>();
  const problems: Problem[] = [];
  const ids = framework.criteria.map((c) => c.id);
  // Sorted keys keep the order of problems independent of how the answers object was built.
  for (const key of Object.keys(answers).sort()) {
    const answer = answers[key];
    if (answer === undefined) continue;
    const path = pathFor(key);
    const criterion = findCriterion(framework, key);
    if (!criterion) {
      const hint = closest(normalizeKey(key), ids);
      const fix = hint ? `did you mean ${hint}?` : `use one of ${ids.join(', ')}`;
      problems.push({ path, message: `not a ${framework.name} criterion; ${fix}` });
      continue;
    }
    if (resolved.has(criterion.id)) {
      problems.push({ path, message: `answers ${criterion.name} a second time; give it once` });
      continue;
    }
    const level = findLevel(criterion, answer.level);
    if (!level) {
      problems.push({
        path,
        message: `"${answer.level}" is not a ${criterion.name} level; use one of ${levelChoices(criterion)}`,
      });
      continue;
    }
    const evidence = answer.evidence?.trim();
    resolved.set(criterion.id, evidence ? { criterion, level, evidence } : { criterion, level });
  }
  if (problems.length > 0) throw new InputError(problems);
  return resolved;
}

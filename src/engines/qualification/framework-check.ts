import type { Problem } from '../../errors.js';
import { type Criterion, type Framework, topPoints } from './framework.js';

const ID = /^[a-z][a-z0-9_]*$/;

function criterionProblems(c: Criterion, path: string): Problem[] {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ path, message });
  if (!ID.test(c.id)) add('id must be lower-case letters, digits and underscores');
  if (c.questions.length < 2 || c.questions.length > 4) add('needs 2 to 4 evidence questions');
  const ids = c.levels.map((l) => l.id);
  if (new Set(ids).size !== ids.length) add('level ids must be unique');
  const firstOrdinary = c.levels.findIndex((l) => l.disqualifies === undefined);
  if (firstOrdinary < 0) add('needs a level that is not a red flag');
  if (c.levels.slice(firstOrdinary).some((l) => l.disqualifies !== undefined))
    add('red-flag levels must come first');
  const points = c.levels.slice(firstOrdinary).map((l) => l.points);
  if (points.some((p, i) => i > 0 && p < (points[i - 1] ?? p)))
    add('levels must run from fewest to most points');
  if (c.metAt > topPoints(c)) add(`metAt ${c.metAt} is more than the top level's ${topPoints(c)} points`);
  return problems;
}

/** Everything wrong with a rubric, so a workspace's own framework is checked before it scores anyone. */
export function frameworkProblems(framework: Framework): Problem[] {
  const problems = framework.criteria.flatMap((c, i) => criterionProblems(c, `criteria[${i}] (${c.id})`));
  const ids = framework.criteria.map((c) => c.id);
  if (ids.length === 0) problems.push({ path: 'criteria', message: 'needs at least one criterion' });
  if (new Set(ids).size !== ids.length)
    problems.push({ path: 'criteria', message: 'criterion ids must be unique' });
  const { rule } = framework;
  const sum = framework.criteria.reduce((s, c) => s + topPoints(c), 0);
  if (rule.maxScore !== sum) {
    problems.push({
      path: 'rule.maxScore',
      message: `is ${rule.maxScore} but the criteria add up to ${sum}`,
    });
  }
  if (!(rule.minScore > 0 && rule.minScore <= rule.maxScore)) {
    problems.push({ path: 'rule.minScore', message: `must be more than 0 and at most ${rule.maxScore}` });
  }
  rule.required.forEach((r, i) => {
    const c = framework.criteria.find((x) => x.id === r.criterion);
    if (!c) problems.push({ path: `rule.required[${i}]`, message: `names no criterion "${r.criterion}"` });
    else if (r.minPoints > topPoints(c)) {
      problems.push({
        path: `rule.required[${i}]`,
        message: `asks ${r.minPoints} of ${c.name}, which tops out at ${topPoints(c)}`,
      });
    }
  });
  for (const [gate, list] of Object.entries(framework.gates)) {
    for (const id of list ?? []) {
      if (!ids.includes(id)) problems.push({ path: `gates.${gate}`, message: `names no criterion "${id}"` });
    }
  }
  return problems;
}

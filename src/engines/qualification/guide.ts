import { levelChoices } from './framework.js';
import { FRAMEWORKS } from './frameworks/index.js';

/** Every framework with its rule and each criterion's accepted levels, one line each, for help texts. */
export function frameworkGuide(criterionName: (id: string) => string = (id) => id): string[] {
  const width = Math.max(...FRAMEWORKS.flatMap((f) => f.criteria.map((c) => criterionName(c.id).length)));
  return FRAMEWORKS.flatMap((f) => [
    `${f.id.padEnd(11)} ${f.name} ${f.version} (${f.bestFor}): ${f.rule.describe}`,
    ...f.criteria.map((c) => `  ${criterionName(c.id).padEnd(width)}  ${levelChoices(c)}`),
  ]);
}

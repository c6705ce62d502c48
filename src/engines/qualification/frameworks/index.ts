import { InputError } from '../../../errors.js';
import { FRAMEWORK_IDS } from '../../types.js';
import type { Framework } from '../framework.js';
import { BANT } from './bant.js';
import { CHALLENGER } from './challenger.js';
import { MEDDIC } from './meddic.js';
import { MEDDPICC } from './meddpicc.js';
import { SANDLER } from './sandler.js';
import { SPIN } from './spin.js';

/** Every built-in framework, in the order they are offered. */
export const FRAMEWORKS: readonly Framework[] = [BANT, MEDDIC, MEDDPICC, SPIN, SANDLER, CHALLENGER];

/** The built-in framework with this id (any case); throws InputError naming the valid ids otherwise. */
export function getFramework(id: string, path = 'framework'): Framework {
  const wanted = id.trim().toLowerCase();
  const framework = FRAMEWORKS.find((f) => f.id === wanted);
  if (!framework) {
    throw new InputError([
      { path, message: `unknown framework "${id}"; use one of ${FRAMEWORK_IDS.join(', ')}` },
    ]);
  }
  return framework;
}

import { InputError, type Problem } from '../../../src/errors.js';

/** The problems of the InputError a call throws; fails the test when it throws nothing or something else. */
export function problemsOf(run: () => unknown): Problem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

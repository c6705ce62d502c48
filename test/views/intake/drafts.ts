import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { intakeSchema } from '../../../src/engines/intake.js';
import type { IntakeDraft, IntakeOrigin } from '../../../src/views/intake/index.js';

/** The complete example intake (examples/acme.yml), as a draft the modal pre-fills from. */
export function acmeDraft(): IntakeDraft {
  return intakeSchema.parse(parse(readFileSync('examples/acme.yml', 'utf8')));
}

/** Where the blueprint would be posted. */
export const ORIGIN: IntakeOrigin = { teamId: 'T0001', channelId: 'C0001' };

/** A step context for builders. */
export function ctx(step: number) {
  return { ...ORIGIN, step, totalSteps: 5 };
}

/** The example draft without one of its top-level fields. */
export function acmeWithout(key: keyof IntakeDraft): IntakeDraft {
  const draft = acmeDraft();
  delete draft[key];
  return draft;
}

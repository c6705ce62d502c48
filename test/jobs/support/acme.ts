import { DEFAULT_SEQUENCE } from '../../../src/engines/optimizer/index.js';
import type { EnrolInput } from '../../../src/jobs/enrol.js';

export const TEAM = 'T0SALESOPS';
export const REP = 'U0REP00001';

/** Acme enrolled by its rep in the default sequence now, in Paris time, unless told otherwise. */
export const acmeEnrolment = (overrides: Partial<EnrolInput> = {}): EnrolInput => ({
  teamId: TEAM,
  leadId: 'c:acme',
  leadName: 'Acme',
  ownerId: REP,
  enrolledBy: REP,
  sequence: DEFAULT_SEQUENCE,
  now: new Date(),
  timezone: 'Europe/Paris',
  ...overrides,
});

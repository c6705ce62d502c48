import { z } from 'zod';
import { InputError, problemsFromZod } from '../../errors.js';
import { FRAMEWORK_IDS } from '../types.js';

const level = z
  .union([z.string().trim().min(1), z.number()], {
    message: 'must be a level such as confirmed or 2',
  })
  .transform(String);

const answer = z.union(
  [level.transform((l) => ({ level: l })), z.strictObject({ level, evidence: z.string().trim().optional() })],
  { message: 'must be a level, or { level, evidence }' },
);

const flag = z.boolean({ message: 'must be true or false' }).optional();

const facts = z.strictObject({
  noBudget: flag,
  noEconomicBuyerAccess: flag,
  noPain: flag,
  outsideIcp: flag,
  competitor: flag,
  student: flag,
  doNotContact: flag,
  bounced: flag,
  duplicate: flag,
  existingCustomer: flag,
  lastActivityAt: z.string({ message: 'must be an ISO 8601 date such as 2025-03-01' }).optional(),
});

/** A qualification check as a person writes it in a YAML or JSON file, or as the Slack modal submits it. */
export const qualifyRequestSchema = z.strictObject({
  framework: z
    .string({ message: `must be one of ${FRAMEWORK_IDS.join(', ')}` })
    .trim()
    .toLowerCase()
    .pipe(z.enum(FRAMEWORK_IDS, { message: `must be one of ${FRAMEWORK_IDS.join(', ')}` })),
  lead: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters').optional(),
  answers: z.record(z.string(), answer).default({}),
  facts: facts.optional(),
  now: z.string({ message: 'must be an ISO 8601 timestamp' }).optional(),
  staleAfterDays: z
    .number()
    .int('must be a whole number of days')
    .min(1, 'must be at least 1 day')
    .optional(),
});

export type QualifyRequest = z.output<typeof qualifyRequestSchema>;

/** Validates a qualification request; throws InputError with one problem per bad field, each naming its path. */
export function parseQualifyRequest(raw: unknown, prefix = ''): QualifyRequest {
  const parsed = qualifyRequestSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(problemsFromZod(parsed.error, prefix));
  return parsed.data;
}

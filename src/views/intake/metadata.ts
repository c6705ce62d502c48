import { z } from 'zod';
import { InputError } from '../../errors.js';

/** Steps in the intake; kept here so metadata and views agree without importing the step registry. */
export const TOTAL_STEPS = 5;

/** What every intake view carries in `private_metadata` (Slack allows 3,000 characters; this is ~80). */
export const intakeMetadataSchema = z.strictObject({
  teamId: z.string().min(1).max(64),
  channelId: z.string().max(64),
  step: z.number().int().min(1).max(TOTAL_STEPS),
});
export type IntakeMetadata = z.infer<typeof intakeMetadataSchema>;

/** Where the blueprint goes once the intake is done: the workspace and channel the command came from. */
export type IntakeOrigin = Omit<IntakeMetadata, 'step'>;

/** Serialises the metadata for `private_metadata`. */
export function encodeIntakeMetadata(meta: IntakeMetadata): string {
  return JSON.stringify(intakeMetadataSchema.parse(meta));
}

/** Reads `private_metadata` back; throws InputError when it is not an intake's metadata. */
export function parseIntakeMetadata(privateMetadata: string): IntakeMetadata {
  let json: unknown;
  try {
    json = JSON.parse(privateMetadata);
  } catch {
    json = undefined;
  }
  const parsed = intakeMetadataSchema.safeParse(json);
  if (!parsed.success)
    throw new InputError('This form lost track of its step; close it and run /sales-ops again to continue.');
  return parsed.data;
}

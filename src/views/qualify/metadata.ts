import { z } from 'zod';
import { FRAMEWORK_IDS } from '../../engines/types.js';

const metadataSchema = z.object({
  /** The framework the modal's criteria belong to. */
  framework: z.enum(FRAMEWORK_IDS),
  /** Where the modal was opened from; the scorecard goes there (only to the rep), else to their DM. */
  channelId: z.string().min(1).exactOptional(),
  /** The stored lead being updated or disqualified. */
  leadId: z.string().min(1).exactOptional(),
  /** Where the lead came from, when the command said (`source=webinar`); the modal has no field for it. */
  source: z.string().min(1).max(60).exactOptional(),
});

/** What a qualify or disqualify modal remembers between opening and submission. */
export type QualifyMetadata = z.output<typeof metadataSchema>;

/** The metadata as the view's private_metadata string. */
export function encodeMetadata(metadata: QualifyMetadata): string {
  return JSON.stringify(metadata);
}

/** Reads private_metadata back; throws when it is not what this app wrote, which only a bug or a forged payload causes. */
export function decodeMetadata(raw: string | undefined): QualifyMetadata {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? '');
  } catch {
    throw new Error('the modal carries no qualify metadata');
  }
  return metadataSchema.parse(value);
}

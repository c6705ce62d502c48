import type { z } from 'zod';
import { fieldErrors } from '../field-errors.js';
import { type IntakeDraft, patchFrom } from './draft.js';
import { readInputs, type StateValues } from './fields.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';

/** A step's submission: the draft patch it contributes, or one message per offending input block. */
export type StepResult = { ok: true; data: IntakeDraft } | { ok: false; errors: Record<string, string> };

/** Validates a step's inputs with its schema (keyed by block id) and turns them into a draft patch. */
export function parseStepValues(
  schema: z.ZodObject,
  fields: readonly IntakeField[],
  values: StateValues,
): StepResult {
  const result = schema.safeParse(readInputs(values, fields));
  if (!result.success) return { ok: false, errors: fieldErrors(result.error) };
  return { ok: true, data: patchFrom(result.data, fields) };
}

/**
 * Keeps only the inputs that are valid on their own, for saving a draft on Back or Close: an invalid field
 * leaves the draft's value alone instead of failing the whole step.
 */
export function salvageStepValues(
  schema: z.ZodObject,
  fields: readonly IntakeField[],
  values: StateValues,
): IntakeDraft {
  const input = readInputs(values, fields);
  const data: Record<string, unknown> = {};
  for (const field of fields) {
    const blockId = BLOCK_IDS[field];
    const part: z.ZodType | undefined = schema.shape[blockId];
    const parsed = part?.safeParse(input[blockId]);
    if (parsed?.success) data[blockId] = parsed.data;
  }
  return patchFrom(data, fields);
}

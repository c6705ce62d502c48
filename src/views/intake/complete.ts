import type { z } from 'zod';
import { intakeSchema, type RawIntake } from '../../engines/intake.js';
import { fieldForPath, type IntakeDraft } from './draft.js';
import { BLOCK_IDS, type IntakeField } from './ids.js';
import { stepOfField } from './steps.js';

/** The whole intake is valid, or the first step (in form order) with a problem and its errors by block id. */
export type CompleteIntakeResult =
  | { ok: true; intake: RawIntake }
  | { ok: false; step: number; errors: Record<string, string> };

function valueAt(draft: IntakeDraft, path: readonly PropertyKey[]): unknown {
  let node: unknown = draft;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function messageFor(issue: z.core.$ZodIssue, field: IntakeField | undefined, draft: IntakeDraft): string {
  const path = issue.path.map(String);
  const missing = issue.code !== 'custom' && valueAt(draft, issue.path) === undefined;
  const message = missing ? 'is needed to build the blueprint; fill it in' : issue.message;
  if (field === 'leadSources' && typeof issue.path[1] === 'number') {
    const what = path.slice(2).join('.') || 'this line';
    return `Line ${issue.path[1] + 1}: ${what} ${message}`;
  }
  if (field === undefined)
    return `${path.join('.') || 'The intake'} ${message} (this value was not set in this form)`;
  return `This ${message}`;
}

/**
 * Runs the full intake schema on the merged draft before the blueprint is built. On failure it points at the
 * earliest step with a problem and gives every problem of that step keyed by its input block id; a problem in
 * a value the form does not ask for is reported on the first field of step 1.
 */
export function validateCompleteIntake(draft: IntakeDraft): CompleteIntakeResult {
  const parsed = intakeSchema.safeParse(draft);
  if (parsed.success) return { ok: true, intake: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const field = fieldForPath(issue.path);
    return {
      step: field === undefined ? 1 : stepOfField(field),
      blockId: BLOCK_IDS[field ?? 'business'],
      message: messageFor(issue, field, draft),
    };
  });
  const step = Math.min(...problems.map((p) => p.step));
  const errors: Record<string, string> = {};
  for (const problem of problems) {
    if (problem.step === step && errors[problem.blockId] === undefined)
      errors[problem.blockId] = problem.message;
  }
  return { ok: false, step, errors };
}

import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import {
  CHANNEL_IDS,
  MAX_STEPS,
  parseSequence,
  type Sequence,
  sequenceSchema,
} from '../../engines/optimizer/index.js';
import { fieldErrors } from '../field-errors.js';
import type { EditorMetadata } from './edit-view.js';
import { REMOVE_STEP, SEQUENCE_VIEW, STEP_FIELDS, type StepField, stepBlockId } from './ids.js';

type Values = ViewOutput['state']['values'];
export type EditorResult = { ok: true; sequence: Sequence } | { ok: false; errors: Record<string, string> };

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const metadataSchema = z.object({ sequenceId: z.string().optional(), channelId: z.string().optional() });

/** Reads the modal's private metadata; a tampered or missing one counts as a new sequence with no channel. */
export function readEditorMetadata(raw: string | undefined): EditorMetadata {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? '{}'));
    if (!parsed.success) return {};
    return {
      ...(parsed.data.sequenceId ? { sequenceId: parsed.data.sequenceId } : {}),
      ...(parsed.data.channelId ? { channelId: parsed.data.channelId } : {}),
    };
  } catch {
    return {};
  }
}

/** The form as zod sees it: keys are block ids, so its errors map straight onto `response_action: errors`. */
function formSchema(stepCount: number) {
  const shape: Record<string, z.ZodType> = {
    [SEQUENCE_VIEW.nameBlock]: z
      .string({ message: 'Name the sequence, such as "Outbound Q3"' })
      .trim()
      .min(1, 'Name the sequence, such as "Outbound Q3"')
      .max(80, 'Keep the name to 80 characters'),
  };
  for (let i = 0; i < stepCount; i += 1) {
    shape[stepBlockId(i, 'channel')] = z.enum([...CHANNEL_IDS, REMOVE_STEP]).optional();
    shape[stepBlockId(i, 'day')] = z
      .string()
      .regex(/^\d{1,3}$/, 'Enter the working day as a whole number, such as 4')
      .transform(Number)
      .optional();
    for (const field of ['subject', 'body', 'b_subject', 'b_body'] as const) {
      shape[stepBlockId(i, field)] = optionalText;
    }
  }
  return z.object(shape);
}

function fieldValue(values: Values, blockId: string): string | undefined {
  const state = values[blockId]?.[SEQUENCE_VIEW.action];
  if (!state) return undefined;
  const value = state.selected_option?.value ?? state.value;
  return value === null || value === undefined ? undefined : String(value);
}

/** A URL-safe id from a name: "Outbound Q3!" → `outbound-q3`. */
export function slugOf(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return /^[a-z0-9]/.test(slug) ? slug : `seq-${slug}`.slice(0, 40);
}

/** Maps a problem path of sequenceSchema (`steps.2.variants.b.body`) to the block showing that field. */
function blockFor(path: readonly PropertyKey[], formIndex: readonly number[]): string {
  if (path[0] !== 'steps') return SEQUENCE_VIEW.nameBlock;
  const i = typeof path[1] === 'number' ? (formIndex[path[1]] ?? 0) : (formIndex[0] ?? 0);
  const rest = path.slice(2).map(String);
  let field: StepField = 'channel';
  if (rest[0] === 'day') field = 'day';
  if (rest[0] === 'template' || (rest[0] === 'variants' && rest[1] === 'a')) {
    field = rest.at(-1) === 'subject' ? 'subject' : 'body';
  }
  if (rest[0] === 'variants' && rest[1] === 'b') field = rest.at(-1) === 'subject' ? 'b_subject' : 'b_body';
  return stepBlockId(i, field);
}

/**
 * Reads a submitted editor: steps left blank or set to "Remove this step" are dropped, the rest must
 * pass the optimizer's sequenceSchema; every problem comes back on the block it concerns.
 */
export function parseSequenceEditor(
  values: Values,
  meta: EditorMetadata,
  takenIds: readonly string[],
): EditorResult {
  const stepCount = Math.min(
    MAX_STEPS,
    Object.keys(values).filter((b) => /^step_\d+_channel$/.test(b)).length,
  );
  const raw: Record<string, string | undefined> = {
    [SEQUENCE_VIEW.nameBlock]: fieldValue(values, SEQUENCE_VIEW.nameBlock),
  };
  for (let i = 0; i < stepCount; i += 1) {
    for (const field of STEP_FIELDS) raw[stepBlockId(i, field)] = fieldValue(values, stepBlockId(i, field));
  }
  const form = formSchema(stepCount).safeParse(raw);
  if (!form.success) {
    return { ok: false, errors: fieldErrors(form.error) };
  }
  const data: Record<string, unknown> = form.data;
  const text = (i: number, f: StepField) => {
    const v = data[stepBlockId(i, f)];
    return typeof v === 'string' ? v : undefined;
  };
  const get = (i: number, f: StepField) => {
    const v = data[stepBlockId(i, f)];
    return typeof v === 'string' || typeof v === 'number' ? v : undefined;
  };
  const errors: Record<string, string> = {};
  const steps: unknown[] = [];
  const formIndex: number[] = [];
  for (let i = 0; i < stepCount; i += 1) {
    const channel = get(i, 'channel');
    const filled = STEP_FIELDS.some((f) => f !== 'channel' && get(i, f) !== undefined);
    if (channel === REMOVE_STEP || (channel === undefined && !filled)) continue;
    if (channel === undefined) {
      errors[stepBlockId(i, 'channel')] = 'Choose a channel, or pick "Remove this step" to drop it';
      continue;
    }
    const subject = text(i, 'subject');
    const template = { ...(subject !== undefined ? { subject } : {}), body: text(i, 'body') ?? '' };
    const bBody = text(i, 'b_body');
    const bSubject = text(i, 'b_subject');
    const variants =
      bBody !== undefined || bSubject !== undefined
        ? { a: template, b: { ...(bSubject !== undefined ? { subject: bSubject } : {}), body: bBody ?? '' } }
        : undefined;
    steps.push({ channel, day: get(i, 'day') ?? 0, template, ...(variants ? { variants } : {}) });
    formIndex.push(i);
  }
  const name = String(data[SEQUENCE_VIEW.nameBlock] ?? '');
  const id = meta.sequenceId ?? slugOf(name);
  if (!meta.sequenceId && takenIds.includes(id)) {
    errors[SEQUENCE_VIEW.nameBlock] = `A sequence "${id}" exists already; pick another name or edit that one`;
  }
  const parsed = sequenceSchema.safeParse({ id, name, steps });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const block = blockFor(issue.path, formIndex);
      errors[block] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, sequence: parseSequence({ id, name, steps }) };
}

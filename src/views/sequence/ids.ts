/** The sequence editor modal. */
export const SEQUENCE_VIEW = {
  callbackId: 'sequence_edit',
  nameBlock: 'name',
  /** Every input's action id: one element per input block, so the block id alone names the field. */
  action: 'value',
} as const;

/** Buttons of the `/sales-ops sequence` list. */
export const SEQUENCE_ACTIONS = {
  edit: 'sequence_edit_open',
  create: 'sequence_create_open',
  stopEnrolment: 'sequence_enrolment_stop',
} as const;

/** Fields of one step in the editor. */
export const STEP_FIELDS = ['channel', 'day', 'subject', 'body', 'b_subject', 'b_body'] as const;
export type StepField = (typeof STEP_FIELDS)[number];

/** The block id of one field of step `index` (0-based), e.g. `step_2_day`. */
export function stepBlockId(index: number, field: StepField): string {
  return `step_${index}_${field}`;
}

/** The value of the channel select that removes a step. */
export const REMOVE_STEP = 'remove';

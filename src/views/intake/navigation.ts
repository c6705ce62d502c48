import type { ViewErrorsResponseAction, ViewUpdateResponseAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { mrkdwn, truncate } from '../../blocks/format.js';
import { errorsResponse } from '../field-errors.js';
import type { CompleteIntakeResult } from './complete.js';
import type { IntakeDraft } from './draft.js';
import { BLOCK_IDS, INTAKE_DONE_CALLBACK_ID, type IntakeField } from './ids.js';
import { FIELD_LABELS } from './labels.js';
import { type IntakeOrigin, TOTAL_STEPS } from './metadata.js';
import { buildStepView } from './steps.js';

/**
 * The `ack` for a valid step: replace the view with the next step (the stack stays at one view), or, after the
 * last step, with the "blueprint on its way" view. Validate the whole draft before acking the last step.
 */
export function nextStepResponse(
  step: number,
  draft: IntakeDraft,
  origin: IntakeOrigin,
): ViewUpdateResponseAction {
  const view =
    step >= TOTAL_STEPS ? buildIntakeDoneView(draft, origin) : buildStepView(step + 1, draft, origin);
  return { response_action: 'update', view };
}

/** The view the Back button shows (via `views.update`): the previous step, pre-filled from the draft. */
export function previousStepView(step: number, draft: IntakeDraft, origin: IntakeOrigin): ModalView {
  return buildStepView(Math.max(step - 1, 1), draft, origin);
}

const LABEL_BY_BLOCK = new Map<string, string>(
  (Object.keys(BLOCK_IDS) as IntakeField[]).map((field) => [BLOCK_IDS[field], FIELD_LABELS[field]]),
);

/**
 * The `ack` when the complete intake fails on the last step: inline errors when the problem is on the step
 * being submitted, otherwise an update back to the step with the problem and a notice naming each field
 * (inline errors can only point at inputs of the view being submitted).
 */
export function incompleteIntakeResponse(
  result: Extract<CompleteIntakeResult, { ok: false }>,
  currentStep: number,
  draft: IntakeDraft,
  origin: IntakeOrigin,
): ViewErrorsResponseAction | ViewUpdateResponseAction {
  if (result.step === currentStep) return errorsResponse(result.errors);
  const lines = Object.entries(result.errors).map(
    ([blockId, message]) => `• ${LABEL_BY_BLOCK.get(blockId) ?? blockId}: ${message}`,
  );
  const notice = truncate(`Fix this before the blueprint can be built:\n${lines.join('\n')}`, 2800);
  return { response_action: 'update', view: buildStepView(result.step, draft, { ...origin, notice }) };
}

/** The view shown after the last step while the blueprint is built and posted; it has nothing to submit. */
export function buildIntakeDoneView(draft: IntakeDraft, origin: IntakeOrigin): ModalView {
  const where = /^[CDG][A-Z0-9]+$/.test(origin.channelId) ? `<#${origin.channelId}>` : 'this conversation';
  const business = draft.business === undefined ? 'your business' : `*${mrkdwn(draft.business, 200)}*`;
  return {
    type: 'modal',
    callback_id: INTAKE_DONE_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Sales design' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `:hourglass_flowing_sand: Building the sales operations blueprint for ${business}. It will appear in ${where} in a few seconds: a summary first, the full blueprint in the thread and as a file.`,
        },
      },
    ],
  };
}

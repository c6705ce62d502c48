import type { App, ButtonAction, ViewOutput } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { onAction, onView, type RequestContext, type ViewCheck } from '../../slack/listener.js';
import {
  BLOCK_IDS,
  INTAKE_BACK_ACTION_ID,
  INTAKE_CALLBACK_ID,
  type IntakeMetadata,
  incompleteIntakeResponse,
  intakeStep,
  mergeStep,
  nextStepResponse,
  parseIntakeMetadata,
  parseStep,
  previousStepView,
  TOTAL_STEPS,
  validateCompleteIntake,
} from '../../views/intake/index.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { loadDraft, salvageInto, saveDraft } from './draft.js';
import { type FinishedIntake, finishIntake } from './finish.js';

/** Shown in place of a step whose `private_metadata` is unreadable (never written by this app). */
function lostView(): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Sales design' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `This form lost track of its step. Close it and run \`${SLASH_COMMAND} YourCompany\` again: your saved answers are filled in.`,
        },
      },
    ],
  };
}

function readMetadata(privateMetadata: string): IntakeMetadata | undefined {
  try {
    return parseIntakeMetadata(privateMetadata);
  } catch {
    return undefined;
  }
}

/**
 * Checks a step's submission: inline errors, or the merged draft saved and the next step shown; after the
 * last step, the whole intake checked and the "on its way" view shown, with what to build once it is.
 */
async function submitStep(
  deps: CommandDeps,
  ctx: RequestContext,
  view: ViewOutput,
  meta: IntakeMetadata,
): Promise<ViewCheck<FinishedIntake>> {
  const result = parseStep(meta.step, view.state.values);
  if (!result.ok) return { errors: result.errors };
  const ids = { teamId: meta.teamId, userId: ctx.userId };
  const origin = { teamId: meta.teamId, channelId: meta.channelId };
  const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
  const intake = mergeStep(saved?.intake ?? {}, result.data);
  const save = async (step: number) => {
    await saveDraft(deps.store, ids, { intake, step, channelId: meta.channelId }, deps.now());
    ctx.saved('your answers so far, as a draft');
  };
  if (meta.step < TOTAL_STEPS) {
    await save(meta.step + 1);
    return { update: nextStepResponse(meta.step, intake, origin).view };
  }
  const complete = validateCompleteIntake(intake);
  if (!complete.ok) {
    await save(complete.step);
    const response = incompleteIntakeResponse(complete, meta.step, intake, origin);
    return response.response_action === 'errors' ? { errors: response.errors } : { update: response.view };
  }
  await save(TOTAL_STEPS);
  return {
    update: nextStepResponse(meta.step, intake, origin).view,
    ok: { ...ids, channelId: meta.channelId, viewId: view.id, intake: complete.intake },
  };
}

/** Registers the intake modal's listeners: step submissions, the Back button, and closing the modal. */
export function registerIntake(app: App, deps: CommandDeps): void {
  onView<FinishedIntake>(app, deps, INTAKE_CALLBACK_ID, {
    // A step that cannot be saved stays open, with the reason under its first field.
    errorBlock(view) {
      const meta = readMetadata(view.private_metadata);
      return meta === undefined ? undefined : BLOCK_IDS[intakeStep(meta.step).fields[0] ?? 'business'];
    },
    async check(ctx, view) {
      const meta = readMetadata(view.private_metadata);
      if (meta === undefined) return { update: lostView() };
      // The next view rides on the ack, so the draft is read and saved first; both take milliseconds.
      return await submitStep(deps, ctx, view, meta);
    },
    async after(ctx, finished) {
      await finishIntake(ctx.client, deps, finished);
    },
    async closed(ctx, view) {
      const meta = readMetadata(view.private_metadata);
      if (meta === undefined) return;
      const ids = { teamId: meta.teamId, userId: ctx.userId };
      const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
      const intake = salvageInto(saved?.intake ?? {}, meta.step, view.state.values);
      await saveDraft(deps.store, ids, { intake, step: meta.step, channelId: meta.channelId }, deps.now());
    },
  });

  onAction<ButtonAction>(app, deps, INTAKE_BACK_ACTION_ID, async (ctx, _action, body) => {
    const view = body.view;
    if (view === undefined) return;
    const meta = readMetadata(view.private_metadata);
    if (meta === undefined) {
      await ctx.client.views.update({ view_id: view.id, hash: view.hash, view: lostView() });
      return;
    }
    const ids = { teamId: meta.teamId, userId: ctx.userId };
    const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
    const intake = salvageInto(saved?.intake ?? {}, meta.step, view.state.values);
    const step = Math.max(meta.step - 1, 1);
    await saveDraft(deps.store, ids, { intake, step, channelId: meta.channelId }, deps.now());
    ctx.saved('your answers so far, as a draft');
    const origin = { teamId: meta.teamId, channelId: meta.channelId };
    await ctx.client.views.update({
      view_id: view.id,
      hash: view.hash,
      view: previousStepView(meta.step, intake, origin),
    });
  });
}

import type {
  App,
  BlockAction,
  ViewClosedAction,
  ViewErrorsResponseAction,
  ViewSubmitAction,
  ViewUpdateResponseAction,
} from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { errorsResponse } from '../../views/field-errors.js';
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

type SubmissionAck = ViewErrorsResponseAction | ViewUpdateResponseAction;

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
 * Handles a step's submission: inline errors, or the merged draft saved and the next step shown; after the
 * last step, the whole intake checked and the "on its way" view shown. Returns the ack and, when the intake
 * is complete, what to build once the ack is sent.
 */
async function submitStep(
  deps: CommandDeps,
  body: ViewSubmitAction,
  meta: IntakeMetadata,
): Promise<{ response: SubmissionAck; finished?: FinishedIntake }> {
  const result = parseStep(meta.step, body.view.state.values);
  if (!result.ok) return { response: errorsResponse(result.errors) };
  const ids = { teamId: meta.teamId, userId: body.user.id };
  const origin = { teamId: meta.teamId, channelId: meta.channelId };
  const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
  const intake = mergeStep(saved?.intake ?? {}, result.data);
  const save = (step: number) =>
    saveDraft(deps.store, ids, { intake, step, channelId: meta.channelId }, deps.now());
  if (meta.step < TOTAL_STEPS) {
    await save(meta.step + 1);
    return { response: nextStepResponse(meta.step, intake, origin) };
  }
  const complete = validateCompleteIntake(intake);
  if (!complete.ok) {
    await save(complete.step);
    return { response: incompleteIntakeResponse(complete, meta.step, intake, origin) };
  }
  await save(TOTAL_STEPS);
  return {
    response: nextStepResponse(meta.step, intake, origin),
    finished: { ...ids, channelId: meta.channelId, viewId: body.view.id, intake: complete.intake },
  };
}

/** Registers the intake modal's listeners: step submissions, the Back button, and closing the modal. */
export function registerIntake(app: App, deps: CommandDeps): void {
  app.view<ViewSubmitAction>(INTAKE_CALLBACK_ID, async ({ ack, body, client }) => {
    const meta = readMetadata(body.view.private_metadata);
    if (meta === undefined) {
      await ack({ response_action: 'update', view: lostView() });
      return;
    }
    let outcome: Awaited<ReturnType<typeof submitStep>>;
    try {
      // The next view rides on the ack, so the draft is read and saved first; both take milliseconds.
      outcome = await submitStep(deps, body, meta);
    } catch (error) {
      deps.metrics.errors.inc({ source: INTAKE_CALLBACK_ID });
      deps.logger.error({ err: error, teamId: meta.teamId }, 'could not save an intake step');
      const first = intakeStep(meta.step).fields[0] ?? 'business';
      outcome = {
        response: errorsResponse({
          [BLOCK_IDS[first]]:
            'Your answers could not be saved just now; nothing was lost. Press the button again in a minute.',
        }),
      };
    }
    await ack(outcome.response);
    if (outcome.finished) await finishIntake(client, deps, outcome.finished);
  });

  app.action<BlockAction>(INTAKE_BACK_ACTION_ID, async ({ ack, body, client }) => {
    await ack();
    const view = body.view;
    const meta = view === undefined ? undefined : readMetadata(view.private_metadata);
    if (view === undefined || meta === undefined) return;
    try {
      const ids = { teamId: meta.teamId, userId: body.user.id };
      const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
      const intake = salvageInto(saved?.intake ?? {}, meta.step, view.state.values);
      const step = Math.max(meta.step - 1, 1);
      await saveDraft(deps.store, ids, { intake, step, channelId: meta.channelId }, deps.now());
      const origin = { teamId: meta.teamId, channelId: meta.channelId };
      await client.views.update({
        view_id: view.id,
        hash: view.hash,
        view: previousStepView(meta.step, intake, origin),
      });
    } catch (error) {
      deps.metrics.errors.inc({ source: INTAKE_BACK_ACTION_ID });
      deps.logger.error({ err: error, teamId: meta.teamId }, 'could not go back a step in the intake');
    }
  });

  app.view<ViewClosedAction>(
    { callback_id: INTAKE_CALLBACK_ID, type: 'view_closed' },
    async ({ ack, body }) => {
      await ack();
      const meta = readMetadata(body.view.private_metadata);
      if (meta === undefined) return;
      try {
        const ids = { teamId: meta.teamId, userId: body.user.id };
        const saved = await loadDraft(deps.store, ids.teamId, ids.userId);
        const intake = salvageInto(saved?.intake ?? {}, meta.step, body.view.state.values);
        await saveDraft(deps.store, ids, { intake, step: meta.step, channelId: meta.channelId }, deps.now());
      } catch (error) {
        deps.metrics.errors.inc({ source: 'intake_closed' });
        deps.logger.error({ err: error, teamId: meta.teamId }, 'could not keep the closed intake as a draft');
      }
    },
  );
}

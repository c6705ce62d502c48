import type { App, ViewOutput } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { SLASH_COMMAND } from '../commands/help.js';
import { escapeMrkdwn } from '../commands/reply.js';
import type { CommandDeps, OpenIntake } from '../commands/types.js';
import { InputError } from '../errors.js';
import type { SavedProfile } from '../store/index.js';

/** The first (for now the only) intake step: business name and sales model. */
export const INTAKE_STEP1_CALLBACK_ID = 'intake_step1';
export const INTAKE_STEP1_BLOCK_IDS = { business: 'business', model: 'model' } as const;
export const INTAKE_STEP1_ACTION_IDS = { business: 'business_input', model: 'model_select' } as const;

const MODELS = [
  { value: 'inside', text: 'Inside sales (remote, phone and video)' },
  { value: 'field', text: 'Field sales (in person)' },
  { value: 'hybrid', text: 'Hybrid' },
] as const;

/** The one-step intake modal, pre-filled with the business named in the command. */
export function buildIntakeStep1(business?: string): ModalView {
  return {
    type: 'modal',
    callback_id: INTAKE_STEP1_CALLBACK_ID,
    title: { type: 'plain_text', text: 'Sales blueprint' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: INTAKE_STEP1_BLOCK_IDS.business,
        label: { type: 'plain_text', text: 'Business name' },
        element: {
          type: 'plain_text_input',
          action_id: INTAKE_STEP1_ACTION_IDS.business,
          max_length: 120,
          ...(business ? { initial_value: business.slice(0, 120) } : {}),
        },
      },
      {
        type: 'input',
        block_id: INTAKE_STEP1_BLOCK_IDS.model,
        label: { type: 'plain_text', text: 'Sales model' },
        element: {
          type: 'static_select',
          action_id: INTAKE_STEP1_ACTION_IDS.model,
          options: MODELS.map((m) => ({ text: { type: 'plain_text', text: m.text }, value: m.value })),
        },
      },
    ],
  };
}

/** Opens the one-step intake; stands in until the multi-step intake modal replaces it. */
export const openIntakePlaceholder: OpenIntake = async ({ client, triggerId, business }) => {
  await client.views.open({ trigger_id: triggerId, view: buildIntakeStep1(business) });
};

/** Reads the submitted step as an intake: `{ business, model }` (the intake schema validates it). */
export function readIntakeStep1(values: ViewOutput['state']['values']): Record<string, unknown> {
  const business = values[INTAKE_STEP1_BLOCK_IDS.business]?.[INTAKE_STEP1_ACTION_IDS.business]?.value;
  const model = values[INTAKE_STEP1_BLOCK_IDS.model]?.[INTAKE_STEP1_ACTION_IDS.model]?.selected_option?.value;
  return { business: business ?? '', model: model ?? '' };
}

function savedView(profile: SavedProfile): ModalView {
  const text = [
    `Saved *${escapeMrkdwn(profile.intake.business)}* as this workspace's business profile. It shows on the app's Home tab.`,
    `The remaining intake steps (ICP, lead sources, cycle and conversion, framework) and the blueprint are not available in Slack yet; your profile is kept for them. Run \`${SLASH_COMMAND} help\` to see every command.`,
  ].join('\n\n');
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Sales blueprint' },
    close: { type: 'plain_text', text: 'Done' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

/** Saves the submitted step as the workspace profile, or puts each problem inline on its field. */
export function registerIntakePlaceholder(app: App, deps: CommandDeps): void {
  app.view(INTAKE_STEP1_CALLBACK_ID, async ({ ack, body, view }) => {
    const teamId = body.team?.id ?? body.enterprise?.id ?? '';
    // The reply rides on the ack itself, so the check and the one-key save happen first; both take milliseconds.
    try {
      const profile = await deps.store.profiles.save(teamId, readIntakeStep1(view.state.values), {
        by: body.user.id,
        at: deps.now(),
        clearDraft: true,
      });
      await ack({ response_action: 'update', view: savedView(profile) });
    } catch (error) {
      if (error instanceof InputError) {
        const errors: Record<string, string> = {};
        for (const p of error.problems) {
          const block = p.path === 'model' ? INTAKE_STEP1_BLOCK_IDS.model : INTAKE_STEP1_BLOCK_IDS.business;
          errors[block] ??=
            p.path === 'model' ? 'Choose inside, field or hybrid.' : `Business name ${p.message}.`;
        }
        await ack({ response_action: 'errors', errors });
        return;
      }
      deps.metrics.errors.inc({ source: INTAKE_STEP1_CALLBACK_ID });
      deps.logger.error({ err: error, teamId }, 'could not save the intake');
      await ack({
        response_action: 'errors',
        errors: {
          [INTAKE_STEP1_BLOCK_IDS.business]:
            'Could not save right now; nothing was lost. Press Save again in a minute.',
        },
      });
    }
  });
}

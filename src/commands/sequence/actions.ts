import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { enrolledMessage } from '../../blocks/sequence-list.js';
import { stopEnrolment } from '../../jobs/enrolment-actions.js';
import type { Followups } from '../../jobs/followups.js';
import { replyToFailure } from '../../slack/failure.js';
import { escapeMrkdwn, replyWithRespond } from '../../slack/reply.js';
import { SCORECARD_ACTIONS } from '../../views/qualify/ids.js';
import { SEQUENCE_ACTIONS } from '../../views/sequence/ids.js';
import type { CommandDeps, Reply } from '../types.js';
import { openSequenceEditor } from './editor.js';
import { NO_FOLLOWUPS, replyToKnownFailure } from './errors.js';
import { startSequence } from './start.js';

interface Pressed {
  body: BlockAction;
  action: ButtonAction;
  client: Parameters<typeof openSequenceEditor>[0];
  reply: Reply;
  f: Followups;
  teamId: string;
}

function replyFor(respond: RespondFn, body: BlockAction, client: Pressed['client']): Reply {
  if (body.response_url) return replyWithRespond(respond);
  // A button on the Home tab has no response_url: answer in the person's DM with the app.
  return async (message) => {
    await client.chat.postMessage({
      channel: body.user.id,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  };
}

/** Registers a button: ack first, then run; person-caused failures get their own message, others a generic one. */
function onButton(app: App, deps: CommandDeps, actionId: string, run: (p: Pressed) => Promise<void>): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replyFor(respond, body, client);
    const f = deps.followups;
    if (!f) {
      await reply({ text: NO_FOLLOWUPS });
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    try {
      await run({ body, action, client, reply, f, teamId });
    } catch (error) {
      if (await replyToKnownFailure(error, reply)) return;
      await replyToFailure(error, { reply, logger: deps.logger, metrics: deps.metrics, source: actionId });
    }
  });
}

/** The sequence list's Edit, New and Stop buttons, and the scorecard's "Start follow-up sequence". */
export function registerSequenceActions(app: App, deps: CommandDeps): void {
  onButton(app, deps, SEQUENCE_ACTIONS.edit, async ({ body, action, client, reply, f, teamId }) => {
    const sequence = await f.sequences.get(teamId, action.value ?? '');
    if (!sequence) {
      await reply({
        text: 'That sequence no longer exists; run `/sales-ops sequence` for the current list.',
      });
      return;
    }
    await openSequenceEditor(client, body.trigger_id, sequence, body.channel?.id);
  });

  onButton(app, deps, SEQUENCE_ACTIONS.create, async ({ body, client }) => {
    await openSequenceEditor(client, body.trigger_id, undefined, body.channel?.id);
  });

  onButton(app, deps, SEQUENCE_ACTIONS.stopEnrolment, async ({ body, action, reply, f, teamId }) => {
    const { enrolment, changed } = await stopEnrolment(
      f,
      teamId,
      action.value ?? '',
      body.user.id,
      deps.now(),
    );
    const name = escapeMrkdwn(enrolment.leadName);
    await reply({
      text: changed
        ? `Stopped "${escapeMrkdwn(enrolment.sequence.name)}" for ${name}: no more follow-ups for this lead.`
        : `The sequence for ${name} had already ended (${enrolment.status}).`,
    });
  });

  onButton(app, deps, SCORECARD_ACTIONS.startSequence, async ({ body, action, client, reply, f, teamId }) => {
    const enrolment = await startSequence({
      f,
      client,
      teamId,
      enterpriseId: body.enterprise?.id,
      userId: body.user.id,
      leadRef: action.value ?? '',
      now: deps.now(),
    });
    await reply(enrolledMessage(enrolment));
  });
}

import type { App, ButtonAction } from '@slack/bolt';
import { escapeMrkdwn } from '../../blocks/format.js';
import { enrolledMessage } from '../../blocks/sequence-list.js';
import { stopEnrolment } from '../../jobs/enrolment-actions.js';
import { onAction } from '../../slack/listener.js';
import { SCORECARD_ACTIONS } from '../../views/qualify/ids.js';
import { SEQUENCE_ACTIONS } from '../../views/sequence/ids.js';
import type { CommandDeps } from '../types.js';
import { openSequenceEditor } from './editor.js';
import { enrolmentView } from './enrolment-views.js';
import { startSequence } from './start-many.js';

/** The sequence list's Edit, New and Stop buttons, and the scorecard's "Start follow-up sequence". */
export function registerSequenceActions(app: App, deps: CommandDeps): void {
  onAction<ButtonAction>(app, deps, SEQUENCE_ACTIONS.edit, async (ctx, action, body) => {
    const sequence = await deps.followups.sequences.get(ctx.teamId, action.value ?? '');
    if (!sequence) {
      await ctx.reply({
        text: 'That sequence no longer exists; run `/sales-ops sequence` for the current list.',
      });
      return;
    }
    await openSequenceEditor(ctx.client, body.trigger_id, sequence, ctx.channelId);
  });

  onAction<ButtonAction>(app, deps, SEQUENCE_ACTIONS.create, async (ctx, _action, body) => {
    await openSequenceEditor(ctx.client, body.trigger_id, undefined, ctx.channelId);
  });

  onAction<ButtonAction>(app, deps, SEQUENCE_ACTIONS.stopEnrolment, async (ctx, action) => {
    const { enrolment, changed } = await stopEnrolment(
      deps.followups,
      ctx.teamId,
      action.value ?? '',
      ctx.userId,
      deps.now(),
    );
    const name = escapeMrkdwn(enrolment.leadName);
    await ctx.reply({
      text: changed
        ? `Stopped "${escapeMrkdwn(enrolment.sequence.name)}" for ${name}: no more follow-ups for this lead.`
        : `The sequence for ${name} had already ended (${enrolment.status}).`,
    });
  });

  onAction<ButtonAction>(app, deps, SCORECARD_ACTIONS.startSequence, async (ctx, action) => {
    const enrolment = await startSequence({
      f: deps.followups,
      client: ctx.client,
      teamId: ctx.teamId,
      enterpriseId: ctx.enterpriseId,
      userId: ctx.userId,
      leadRef: action.value ?? '',
      now: deps.now(),
      logger: deps.logger,
    });
    await ctx.reply(enrolledMessage(enrolmentView(enrolment)));
  });
}

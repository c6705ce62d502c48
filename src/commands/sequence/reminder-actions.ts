import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import { escapeMrkdwn } from '../../blocks/format.js';
import { parseReminderValue, REMINDER_ACTIONS } from '../../blocks/reminder-ids.js';
import { reminderWithOutcome } from '../../blocks/reminder-outcome.js';
import { markStepDone, recordReply, stopEnrolment } from '../../jobs/enrolment-actions.js';
import type { Followups } from '../../jobs/followups.js';
import { onAction, type RequestContext } from '../../slack/listener.js';
import { snoozeView } from '../../views/snooze/snooze-view.js';
import { personZone } from '../person-zone.js';
import type { CommandDeps } from '../types.js';
import { registerSnoozeView } from './snooze.js';

type Outcome = (
  f: Followups,
  args: { teamId: string; enrolmentId: string; step: number; userId: string; now: Date },
) => Promise<string>;

/** Replaces the reminder DM with its content, without buttons, and what happened. */
async function showOutcome(respond: RespondFn, body: BlockAction, outcome: string): Promise<void> {
  const blocks = reminderWithOutcome(body.message?.blocks ?? [], outcome);
  await respond({ replace_original: true, text: outcome, blocks });
}

const done: Outcome = async (f, a) => {
  const { enrolment, changed } = await markStepDone(f, { ...a, by: a.userId });
  const lead = escapeMrkdwn(enrolment.leadName);
  if (!changed)
    return `:information_source: Nothing to do: this step for ${lead} was already done or the sequence ended.`;
  return enrolment.status === 'completed'
    ? `:white_check_mark: Done by <@${a.userId}>. That was the last step: the sequence for ${lead} is complete.`
    : `:white_check_mark: Done by <@${a.userId}>.`;
};

const replied: Outcome = async (f, a) => {
  const before = await f.enrolments.get(a.teamId, a.enrolmentId);
  const { enrolment, changed } = await recordReply(f, { ...a, by: a.userId });
  const lead = escapeMrkdwn(enrolment.leadName);
  if (!changed)
    return `:information_source: The sequence for ${lead} had already ended (${enrolment.status}).`;
  const left = before?.steps.filter((s) => s.state === 'scheduled').length ?? 0;
  return `:tada: ${lead} replied (recorded by <@${a.userId}>). The remaining ${left} follow-up${left === 1 ? ' is' : 's are'} cancelled.`;
};

const stop: Outcome = async (f, a) => {
  const { enrolment, changed } = await stopEnrolment(f, a.teamId, a.enrolmentId, a.userId, a.now);
  const lead = escapeMrkdwn(enrolment.leadName);
  if (!changed)
    return `:information_source: The sequence for ${lead} had already ended (${enrolment.status}).`;
  return `:octagonal_sign: Stopped by <@${a.userId}>: no more follow-ups for ${lead}.`;
};

/** Registers one reminder button: the enrolment and step it carries, then `handle`; an old button is told so. */
function onReminderAction(
  app: App,
  deps: CommandDeps,
  actionId: string,
  handle: (
    ctx: RequestContext,
    target: ReminderTarget,
    body: BlockAction<ButtonAction>,
    respond: RespondFn | undefined,
  ) => Promise<void>,
): void {
  onAction<ButtonAction>(app, deps, actionId, async (ctx, action, body, respond) => {
    const target = parseReminderValue(action.value);
    if (!target) {
      await ctx.reply({ text: 'This button is from an old message; run `/sales-ops sequence` instead.' });
      return;
    }
    await handle(ctx, target, body, respond);
  });
}

type ReminderTarget = NonNullable<ReturnType<typeof parseReminderValue>>;

/** A button whose whole effect is an outcome shown in place of the reminder's buttons. */
function onReminderButton(app: App, deps: CommandDeps, actionId: string, outcome: Outcome): void {
  onReminderAction(app, deps, actionId, async (ctx, target, body, respond) => {
    const text = await outcome(deps.followups, {
      teamId: ctx.teamId,
      ...target,
      userId: ctx.userId,
      now: deps.now(),
    });
    if (respond) await showOutcome(respond, body, text);
    else await ctx.reply({ text });
  });
}

/** Opens the snooze modal in the rep's time zone. */
function openSnooze(deps: CommandDeps) {
  return async (
    ctx: RequestContext,
    target: ReminderTarget,
    body: BlockAction<ButtonAction>,
  ): Promise<void> => {
    const f = deps.followups;
    const enrolment = await f.enrolments.get(ctx.teamId, target.enrolmentId);
    const zone = await personZone(ctx, deps, enrolment?.timezone);
    const meta = {
      ...target,
      ...(ctx.channelId ? { channel: ctx.channelId } : {}),
      ...(body.message?.ts ? { ts: body.message.ts } : {}),
    };
    await ctx.client.views.open({
      trigger_id: body.trigger_id,
      view: snoozeView(meta, enrolment?.leadName ?? 'this lead', zone),
    });
  };
}

/** The reminder DM's buttons: Done, Snooze (a modal), Lead replied and Stop. */
export function registerReminderActions(app: App, deps: CommandDeps): void {
  onReminderButton(app, deps, REMINDER_ACTIONS.done, done);
  onReminderButton(app, deps, REMINDER_ACTIONS.replied, replied);
  onReminderButton(app, deps, REMINDER_ACTIONS.stop, stop);
  onReminderAction(app, deps, REMINDER_ACTIONS.snooze, openSnooze(deps));
  registerSnoozeView(app, deps);
}

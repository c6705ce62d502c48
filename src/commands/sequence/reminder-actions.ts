import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { parseReminderValue, REMINDER_ACTIONS } from '../../blocks/reminder-ids.js';
import { reminderWithOutcome } from '../../blocks/reminder-outcome.js';
import { markStepDone, recordReply, stopEnrolment } from '../../jobs/enrolment-actions.js';
import type { Followups } from '../../jobs/followups.js';
import { repProfile } from '../../jobs/rep-profile.js';
import { replyToFailure } from '../../slack/failure.js';
import { escapeMrkdwn, replyWithRespond } from '../../slack/reply.js';
import { snoozeView } from '../../views/snooze/snooze-view.js';
import type { CommandDeps } from '../types.js';
import { NO_FOLLOWUPS, replyToKnownFailure } from './errors.js';
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

type Target = NonNullable<ReturnType<typeof parseReminderValue>>;

interface ReminderClick {
  f: Followups;
  target: Target;
  teamId: string;
  body: BlockAction<ButtonAction>;
  client: WebClient;
  respond: RespondFn;
}

/**
 * Registers one reminder button: ack, read the enrolment and step it carries, then `handle` it;
 * an old or unreadable button and any failure get a reply the rep can act on.
 */
function onReminderAction(
  app: App,
  deps: CommandDeps,
  actionId: string,
  handle: (click: ReminderClick) => Promise<void>,
): void {
  app.action<BlockAction<ButtonAction>>(actionId, async ({ ack, body, action, client, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    const f = deps.followups;
    const target = parseReminderValue(action.value);
    if (!f || !target) {
      await reply({
        text: f ? 'This button is from an old message; run `/sales-ops sequence` instead.' : NO_FOLLOWUPS,
      });
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    try {
      await handle({ f, target, teamId, body, client, respond });
    } catch (error) {
      if (await replyToKnownFailure(error, reply)) return;
      await replyToFailure(error, { reply, logger: deps.logger, metrics: deps.metrics, source: actionId });
    }
  });
}

/** A button whose whole effect is an outcome shown in place of the reminder's buttons. */
function onReminderButton(app: App, deps: CommandDeps, actionId: string, outcome: Outcome): void {
  onReminderAction(app, deps, actionId, async ({ f, target, teamId, body, respond }) => {
    const text = await outcome(f, { teamId, ...target, userId: body.user.id, now: deps.now() });
    await showOutcome(respond, body, text);
  });
}

/** Opens the snooze modal in the rep's time zone. */
async function openSnooze({ f, target, teamId, body, client }: ReminderClick): Promise<void> {
  const enrolment = await f.enrolments.get(teamId, target.enrolmentId);
  const zone = (
    await repProfile(
      { client, calendars: f.calendars, teamId, userId: body.user.id },
      enrolment?.timezone ?? f.defaultZone,
    )
  ).tz;
  const meta = {
    ...target,
    ...(body.channel?.id ? { channel: body.channel.id } : {}),
    ...(body.message?.ts ? { ts: body.message.ts } : {}),
  };
  await client.views.open({
    trigger_id: body.trigger_id,
    view: snoozeView(meta, enrolment?.leadName ?? 'this lead', zone),
  });
}

/** The reminder DM's buttons: Done, Snooze (a modal), Lead replied and Stop. */
export function registerReminderActions(app: App, deps: CommandDeps): void {
  onReminderButton(app, deps, REMINDER_ACTIONS.done, done);
  onReminderButton(app, deps, REMINDER_ACTIONS.replied, replied);
  onReminderButton(app, deps, REMINDER_ACTIONS.stop, stop);
  onReminderAction(app, deps, REMINDER_ACTIONS.snooze, openSnooze);
  registerSnoozeView(app, deps);
}

import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { reminderWithOutcome } from '../../blocks/reminder-outcome.js';
import { localTime } from '../../blocks/sequence-format.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { snoozeStep } from '../../jobs/enrolment-actions.js';
import { repProfile } from '../../jobs/rep-profile.js';
import { readSnoozeMetadata, SNOOZE_VIEW } from '../../views/snooze/snooze-view.js';
import { parseWhen } from '../../views/snooze/when.js';
import type { CommandDeps } from '../types.js';

/** Marks the reminder DM as snoozed (best effort: the snooze itself is already saved). */
async function markSnoozed(client: WebClient, channel: string, ts: string, outcome: string): Promise<void> {
  const history = await client.conversations.history({ channel, latest: ts, inclusive: true, limit: 1 });
  const original = history.messages?.find((m) => m.ts === ts);
  await client.chat.update({
    channel,
    ts,
    text: outcome,
    blocks: reminderWithOutcome(original?.blocks ?? [], outcome),
  });
}

/**
 * The snooze modal's submission: "tomorrow 3pm" or "in 2 days" read with chrono in the rep's time zone;
 * an unreadable or past time is an inline error with an example, and nothing changes then.
 */
export function registerSnoozeView(app: App, deps: CommandDeps): void {
  app.view(SNOOZE_VIEW.callbackId, async ({ ack, body, view, client }) => {
    const fail = (message: string) =>
      ack({ response_action: 'errors', errors: { [SNOOZE_VIEW.whenBlock]: message } });
    const f = deps.followups;
    const meta = readSnoozeMetadata(view.private_metadata);
    if (!f || !meta) {
      await fail('This form is out of date; press Snooze on the reminder again.');
      return;
    }
    const teamId = body.team?.id ?? body.user.team_id ?? '';
    const text = view.state.values[SNOOZE_VIEW.whenBlock]?.[SNOOZE_VIEW.whenAction]?.value ?? '';
    let outcome: string;
    try {
      const enrolment = await f.enrolments.get(teamId, meta.enrolmentId);
      const zone = (
        await repProfile(
          { client, calendars: f.calendars, teamId, userId: body.user.id },
          enrolment?.timezone ?? f.defaultZone,
        )
      ).tz;
      const now = deps.now();
      const when = parseWhen(text, now, zone);
      if (!when.ok) {
        await fail(when.error);
        return;
      }
      await snoozeStep(f, { teamId, enrolmentId: meta.enrolmentId, step: meta.step, until: when.at, now });
      outcome = `:zzz: Snoozed by <@${body.user.id}> until ${localTime(when.at.toISOString(), zone)}; you will get a new reminder then.`;
    } catch (error) {
      if (error instanceof NotFoundError || error instanceof ConflictError) {
        await fail(error.message);
        return;
      }
      deps.metrics.errors.inc({ source: 'reminder_snooze' });
      deps.logger.error({ err: error, teamId }, 'could not snooze a reminder');
      await fail('Snoozing failed on our side and nothing changed; try again in a minute.');
      return;
    }
    await ack();
    if (meta.channel && meta.ts) {
      await markSnoozed(client, meta.channel, meta.ts, outcome).catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'could not mark the reminder as snoozed'),
      );
    }
  });
}

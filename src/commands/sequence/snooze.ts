import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { reminderWithOutcome } from '../../blocks/reminder-outcome.js';
import { localTime } from '../../blocks/sequence-format.js';
import { snoozeStep } from '../../jobs/enrolment-actions.js';
import { onView } from '../../slack/listener.js';
import { readSnoozeMetadata, SNOOZE_VIEW } from '../../views/snooze/snooze-view.js';
import { parseWhen } from '../../views/snooze/when.js';
import { whenText } from '../../views/snooze/when-modal.js';
import { personZone } from '../person-zone.js';
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
  const f = deps.followups;
  onView(app, deps, SNOOZE_VIEW.callbackId, {
    // NotFound and Conflict (the step was done meanwhile) show on the form with the policy's words.
    errorBlock: () => SNOOZE_VIEW.whenBlock,
    async check(ctx, view) {
      const fail = (message: string) => ({ errors: { [SNOOZE_VIEW.whenBlock]: message } });
      const meta = readSnoozeMetadata(view.private_metadata);
      if (!meta) return fail('This form is out of date; press Snooze on the reminder again.');
      const text = whenText(SNOOZE_VIEW, view.state.values);
      const enrolment = await f.enrolments.get(ctx.teamId, meta.enrolmentId);
      const zone = await personZone(ctx, deps, enrolment?.timezone);
      const now = deps.now();
      const when = parseWhen(text, now, zone);
      if (!when.ok) return fail(when.error);
      await snoozeStep(f, {
        teamId: ctx.teamId,
        enrolmentId: meta.enrolmentId,
        step: meta.step,
        until: when.at,
        now,
      });
      const outcome = `:zzz: Snoozed by <@${ctx.userId}> until ${localTime(when.at.toISOString(), zone)}; you will get a new reminder then.`;
      return { ok: { meta, outcome } };
    },
    async after(ctx, { meta, outcome }) {
      if (!meta.channel || !meta.ts) return;
      await markSnoozed(ctx.client, meta.channel, meta.ts, outcome).catch((error: unknown) =>
        deps.logger.warn({ err: error }, 'could not mark the reminder as snoozed'),
      );
    },
  });
}

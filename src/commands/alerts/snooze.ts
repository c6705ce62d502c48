import type { App } from '@slack/bolt';
import { localTime } from '../../blocks/sequence-format.js';
import { onView } from '../../slack/listener.js';
import { ALERT_SNOOZE_VIEW } from '../../views/alerts/ids.js';
import { alertSnoozeText, readAlertSnoozeMetadata } from '../../views/alerts/snooze.js';
import { parseWhen } from '../../views/snooze/when.js';
import { personZone } from '../person-zone.js';
import type { CommandDeps } from '../types.js';
import { markAlert } from './actions.js';

/**
 * The alert snooze modal's submission: "next monday" read with chrono in the person's time zone; an
 * unreadable or past time is an inline error, and nothing changes then. The alert stays quiet until then.
 */
export function registerAlertSnooze(app: App, deps: CommandDeps): void {
  onView(app, deps, ALERT_SNOOZE_VIEW.callbackId, {
    errorBlock: () => ALERT_SNOOZE_VIEW.whenBlock,
    async check(ctx, view) {
      const fail = (message: string) => ({ errors: { [ALERT_SNOOZE_VIEW.whenBlock]: message } });
      const meta = readAlertSnoozeMetadata(view.private_metadata);
      if (!meta) return fail('This form is out of date; press Snooze on the alert again.');
      const fallback = (await deps.store.settings.get(ctx.teamId)).timezone;
      const zone = await personZone(ctx, deps, fallback);
      const when = parseWhen(alertSnoozeText(view.state.values), deps.now(), zone);
      if (!when.ok) return fail(when.error);
      const until = when.at.toISOString();
      await deps.store.alerts.snooze(ctx.teamId, meta.dealId, meta.rule, until);
      return {
        ok: { meta, outcome: `:zzz: Snoozed by <@${ctx.userId}> until ${localTime(until, zone)}.` },
      };
    },
    async after(ctx, { meta, outcome }) {
      if (!meta.channel || !meta.ts) return;
      const history = await ctx.client.conversations
        .history({ channel: meta.channel, latest: meta.ts, inclusive: true, limit: 1 })
        .catch(() => undefined);
      const original = history?.messages?.find((m) => m.ts === meta.ts);
      await markAlert(
        ctx,
        deps,
        { channel: meta.channel, ts: meta.ts, blocks: original?.blocks ?? [] },
        meta,
        outcome,
      );
    },
  });
}

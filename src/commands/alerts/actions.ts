import type { App, BlockAction, ButtonAction, OverflowAction } from '@slack/bolt';
import { alertWithOutcome } from '../../blocks/alert-outcome.js';
import { alertListBlocks } from '../../blocks/alerts.js';
import { ALERT_RULES, type AlertRuleId } from '../../engines/alerts/index.js';
import { alertItem, crmLink } from '../../jobs/alerts-flush.js';
import { onAction, type RequestContext } from '../../slack/listener.js';
import {
  ALERT_MENU_ACTION_ID,
  ALERT_OPEN_CRM_ACTION_ID,
  ALERT_RULE_TOGGLE_ACTION_ID,
  ALERT_SHOW_ALL_ACTION_ID,
  type AlertVerb,
  parseAlertActionValue,
  parseRuleToggle,
} from '../../views/alerts/ids.js';
import { alertSnoozeView } from '../../views/alerts/snooze.js';
import { personZone } from '../person-zone.js';
import type { CommandDeps } from '../types.js';
import { ADMINS_ONLY, mayChangeAlerts, rulesMessage } from './service.js';

/** Sections of the "Show all" list per reply, well inside Slack's block text budget of one message. */
const SECTIONS_PER_REPLY = 3;

type Body = BlockAction<ButtonAction | OverflowAction>;

/** The message an action came from, to show its outcome on it. */
function messageOf(body: Body): { channel: string; ts: string; blocks: unknown[] } | undefined {
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string') return undefined;
  return { channel, ts, blocks: (body.message?.blocks as unknown[] | undefined) ?? [] };
}

/** Shows what happened on the alert's message; the change itself is already saved. */
export async function markAlert(
  ctx: RequestContext,
  deps: Pick<CommandDeps, 'logger'>,
  where: { channel: string; ts: string; blocks: unknown[] },
  alert: { rule: AlertRuleId; dealId: string },
  outcome: string,
): Promise<void> {
  const suffix = `:${ALERT_RULES.indexOf(alert.rule)}:${alert.dealId}`;
  await ctx.client.chat
    .update({
      channel: where.channel,
      ts: where.ts,
      text: outcome,
      blocks: alertWithOutcome(where.blocks, suffix, outcome),
    })
    .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not show the alert outcome'));
}

async function act(
  ctx: RequestContext,
  deps: CommandDeps,
  body: Body,
  verb: AlertVerb,
  alert: { rule: AlertRuleId; dealId: string },
): Promise<void> {
  const where = messageOf(body);
  switch (verb) {
    case 'open':
      return; // A URL button: Slack opens the link; the app only acknowledges it.
    case 'mute': {
      await deps.store.alerts.mute(ctx.teamId, alert.dealId, alert.rule);
      ctx.saved('the mute');
      const outcome = `:no_bell: Muted by <@${ctx.userId}>: this rule stays quiet for this deal.`;
      if (where) await markAlert(ctx, deps, where, alert, outcome);
      else await ctx.reply({ text: outcome });
      return;
    }
    case 'done': {
      const outcome = `:white_check_mark: Done by <@${ctx.userId}>.`;
      if (where) await markAlert(ctx, deps, where, alert, outcome);
      else await ctx.reply({ text: outcome });
      return;
    }
    case 'snooze': {
      if (!ctx.triggerId) throw new Error('the Snooze button came without a trigger id');
      const fallback = (await deps.store.settings.get(ctx.teamId)).timezone;
      const zone = await personZone(ctx, deps, fallback);
      const meta = { ...alert, ...(where ? { channel: where.channel, ts: where.ts } : {}) };
      await ctx.client.views.open({
        trigger_id: ctx.triggerId,
        view: alertSnoozeView(meta, alert.dealId, zone),
      });
      return;
    }
  }
}

/** Registers the alert menu (Snooze, Mute, Open in CRM, Done), the big win's link, "Show all" and the rule toggles. */
export function registerAlertActions(app: App, deps: CommandDeps): void {
  // A URL button: Slack opens the link; the app only acknowledges it.
  onAction<ButtonAction>(app, deps, ALERT_OPEN_CRM_ACTION_ID, async () => {});
  onAction<OverflowAction>(app, deps, ALERT_MENU_ACTION_ID, async (ctx, action, body) => {
    const alert = parseAlertActionValue(action.selected_option?.value);
    if (alert === undefined) throw new Error('the alert menu came without its alert');
    await act(ctx, deps, body, alert.verb, alert);
  });
  onAction<ButtonAction>(app, deps, ALERT_SHOW_ALL_ACTION_ID, async (ctx, action) => {
    const [alerts, settings] = await Promise.all([
      deps.store.alerts.batch(ctx.teamId, action.value ?? ''),
      deps.store.alerts.settings(ctx.teamId),
    ]);
    if (alerts === undefined) {
      await ctx.reply({
        text: 'This list is no longer kept (lists last 30 days); the daily alerts carry what is still open.',
      });
      return;
    }
    const link = crmLink(settings.recordUrl);
    const blocks = alertListBlocks(alerts.map((a) => alertItem(a, link)));
    for (let i = 0; i < blocks.length; i += SECTIONS_PER_REPLY) {
      const part = Math.floor(i / SECTIONS_PER_REPLY) + 1;
      await ctx.reply({
        text: `All ${alerts.length} deal alerts (part ${part})`,
        blocks: blocks.slice(i, i + SECTIONS_PER_REPLY),
      });
    }
  });
  onAction<ButtonAction>(app, deps, ALERT_RULE_TOGGLE_ACTION_ID, async (ctx, action) => {
    const toggle = parseRuleToggle(action.value);
    if (toggle === undefined) throw new Error('the rule button came without its rule');
    if (!(await mayChangeAlerts(ctx.client, ctx.userId, deps.logger))) {
      await ctx.reply({ text: ADMINS_ONLY });
      return;
    }
    await deps.store.alerts.setRule(ctx.teamId, toggle.rule, toggle.on);
    ctx.saved(`the ${toggle.rule} rule ${toggle.on ? 'on' : 'off'}`);
    await ctx.reply(await rulesMessage(deps, ctx.teamId, true));
  });
}

import type { KnownBlock } from '@slack/types';
import type { AlertRuleId } from '../engines/alerts/index.js';
import { ALERT_RULE_TOGGLE_ACTION_ID } from '../views/alerts/ids.js';
import { mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';

/** One rule as `/sales-ops alerts` lists it. */
export interface AlertRuleView {
  id: AlertRuleId;
  title: string;
  threshold: string;
  on: boolean;
  /** Why the rule can raise nothing for the team now, and what to do about it. */
  idle?: string | undefined;
}

/** The team's alert settings as the list shows them. */
export interface AlertSettingsView {
  channel?: string | undefined;
  quiet: { start: string; end: string };
  recordUrl?: string | undefined;
  /** Owners mapped by hand: owner as imported → Slack user id. */
  mappings: readonly (readonly [string, string])[];
}

/** The rules with their thresholds, and an on/off button on each for an admin. */
export function renderAlertRules(
  rules: readonly AlertRuleView[],
  settings: AlertSettingsView,
  admin: boolean,
): { text: string; blocks: KnownBlock[] } {
  const where = settings.channel === undefined ? 'no alert channel yet' : `channel <#${settings.channel}>`;
  const head = [
    `*Deal alerts* · ${where} · quiet ${settings.quiet.start}–${settings.quiet.end}`,
    settings.recordUrl === undefined
      ? 'No CRM record link.'
      : `CRM record link: ${mrkdwn(settings.recordUrl, 200)}`,
    ...(settings.mappings.length === 0
      ? []
      : [
          `Mapped owners: ${truncate(settings.mappings.map(([o, id]) => `${mrkdwn(o, 40)} → <@${id}>`).join(', '), 1000)}`,
        ]),
  ].join('\n');
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text: head } }];
  for (const rule of rules) {
    const text = truncate(
      `${rule.on ? ':large_green_circle:' : ':white_circle:'} *${mrkdwn(rule.title, 80)}* (\`${rule.id}\`)${rule.on ? '' : ' · off'}\n${mrkdwn(rule.threshold, 400)}${rule.idle === undefined ? '' : `\n:warning: ${rule.idle}`}`,
      LIMITS.sectionText,
    );
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text },
      ...(admin
        ? {
            accessory: {
              type: 'button' as const,
              text: { type: 'plain_text' as const, text: rule.on ? 'Turn off' : 'Turn on' },
              action_id: ALERT_RULE_TOGGLE_ACTION_ID,
              value: `${rule.id}:${rule.on ? 'off' : 'on'}`,
            },
          }
        : {}),
    });
  }
  if (!admin)
    blocks.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: 'A workspace admin can turn rules on or off.' }],
    });
  return { text: 'Deal alert rules', blocks };
}

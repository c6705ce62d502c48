import { ALERT_RULES, type AlertRuleId } from '../../engines/alerts/index.js';

/** Every id of the deal alert messages; renderers, handlers and tests import them here. */

/** What a person can do with an alert from its menu. */
const VERBS = ['snooze', 'mute', 'open', 'done'] as const;
export type AlertVerb = (typeof VERBS)[number];

/** The overflow menu of each alert in a daily message; its options carry `<verb>:` action values. */
export const ALERT_MENU_ACTION_ID = 'alert_menu';
/** The big win's Open in CRM link button: Slack opens the link, the app only acknowledges it. */
export const ALERT_OPEN_CRM_ACTION_ID = 'alert_open_crm';
/** The "Show all" button of a summary; its value is the batch key (store.alerts.batch). */
export const ALERT_SHOW_ALL_ACTION_ID = 'alert_show_all';

/** The longest value Slack allows on an overflow option. */
const OPTION_VALUE_MAX = 75;

/**
 * The value of an alert's menu option: `verb:rule#:deal id`, compact enough for an overflow
 * option (75 characters). Undefined when the deal id is too long to fit: the alert then has no actions.
 */
export function alertActionValue(verb: AlertVerb, rule: AlertRuleId, dealId: string): string | undefined {
  const value = `${verb}:${ALERT_RULES.indexOf(rule)}:${dealId}`;
  return value.length <= OPTION_VALUE_MAX ? value : undefined;
}

/** Reads an alert action value; undefined when it is not one. */
export function parseAlertActionValue(
  value: string | undefined,
): { verb: AlertVerb; rule: AlertRuleId; dealId: string } | undefined {
  const match = /^(snooze|mute|open|done):(\d):(.+)$/.exec(value ?? '');
  const verb = VERBS.find((v) => v === match?.[1]);
  const rule = ALERT_RULES[Number(match?.[2])];
  if (!match?.[3] || verb === undefined || rule === undefined) return undefined;
  return { verb, rule, dealId: match[3] };
}

/** The on/off button of a rule in `/sales-ops alerts`; its value is `<rule>:on` or `<rule>:off`. */
export const ALERT_RULE_TOGGLE_ACTION_ID = 'alert_rule_toggle';

/** Reads a rule toggle's value; undefined when it is not one. */
export function parseRuleToggle(value: string | undefined): { rule: AlertRuleId; on: boolean } | undefined {
  const match = /^([a-z-]+):(on|off)$/.exec(value ?? '');
  const rule = ALERT_RULES.find((r) => r === match?.[1]);
  return rule === undefined ? undefined : { rule, on: match?.[2] === 'on' };
}

/** The alert snooze modal's ids. */
export const ALERT_SNOOZE_VIEW = {
  callbackId: 'alert_snooze',
  whenBlock: 'alert_snooze_when',
  whenAction: 'value',
} as const;

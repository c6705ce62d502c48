import { ALERT_RULES, type AlertRuleId } from '../../engines/alerts/index.js';

/** What `/sales-ops alerts …` asks for. */
export type AlertsRequest =
  | { kind: 'show' }
  | { kind: 'channel'; channelId: string }
  | { kind: 'here' }
  | { kind: 'quiet'; start: string; end: string }
  | { kind: 'link'; url: string }
  | { kind: 'map'; owner: string; person: Person }
  | { kind: 'rule'; rule: AlertRuleId; on: boolean }
  | { kind: 'error'; message: string };

export const ALERTS_USAGE = [
  '`/sales-ops alerts` lists the deal alert rules with their thresholds.',
  '`/sales-ops alerts here` (typed in the channel) sets where alerts of unmatched owners and big wins go.',
  '`/sales-ops alerts quiet 19:00-07:30` sets the quiet hours (no alert messages then).',
  '`/sales-ops alerts link https://crm.example.com/deals/{id}` sets the CRM record link.',
  '`/sales-ops alerts map "Moses Frase" @moses` sends that owner\'s alerts to that person.',
  '`/sales-ops alerts off stuck` (or `on`) turns a rule off or on; admins only.',
].join('\n');

const CHANNEL = /^<#([A-Z0-9]{2,32})(?:\|[^>]*)?>$/;
const MENTION = /^<@([A-Z0-9]{2,32})(?:\|[^>]*)?>$/;
const QUOTED = /^["\u201c\u2018']([^"\u201d\u2019']+)["\u201d\u2019']\s*(.*)$/;

/** "7:30" or "19:00" as HH:MM; undefined when it is not a time of day. */
export function clockTime(text: string): string | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (h > 23 || m > 59) return undefined;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** A person as the command text names them: Slack's escaped mention, or `@handle` as typed. */
export type Person = { userId: string } | { handle: string };

/**
 * A person named in the command: `<@U123|moses>` (Slack escapes mentions so when asked to) gives the id;
 * `@moses` as typed gives the handle, which users.list resolves.
 */
export function mentionedUser(text: string): Person | undefined {
  const trimmed = text.trim();
  const id = MENTION.exec(trimmed)?.[1];
  if (id !== undefined) return { userId: id };
  const handle = /^@([\w.-]{1,80})$/.exec(trimmed)?.[1];
  return handle === undefined ? undefined : { handle };
}

function readMap(rest: string): AlertsRequest {
  const example = 'try `/sales-ops alerts map "Moses Frase" @moses`';
  const quoted = QUOTED.exec(rest.trim());
  if (!quoted?.[1]?.trim())
    return { kind: 'error', message: `Put the owner's name in quotes as the CRM exports it; ${example}.` };
  const person = mentionedUser(quoted[2] ?? '');
  if (person === undefined)
    return {
      kind: 'error',
      message: `Mention the person to send ${quoted[1].trim()}'s alerts to with @; ${example}.`,
    };
  return { kind: 'map', owner: quoted[1].trim(), person };
}

/** Reads the text after `alerts`; pure, so the grammar is a table in the tests. */
export function parseAlerts(args: string): AlertsRequest {
  const text = args.trim();
  if (text === '' || /^(show|list|rules)$/i.test(text)) return { kind: 'show' };
  const space = text.indexOf(' ');
  const word = (space === -1 ? text : text.slice(0, space)).toLowerCase();
  const rest = space === -1 ? '' : text.slice(space + 1).trim();
  const channel = CHANNEL.exec(text);
  if (channel?.[1]) return { kind: 'channel', channelId: channel[1] };
  if (word.startsWith('#') || word.startsWith('<#'))
    return {
      kind: 'error',
      message:
        'Run `/sales-ops alerts here` in the channel the alerts should go to (or pick it from the list Slack offers as you type #).',
    };
  if (word === 'here') return { kind: 'here' };
  if (word === 'map') return readMap(rest);
  if (word === 'quiet') {
    const [a = '', b = ''] = rest.split(/\s*(?:-|–|to)\s*/);
    const start = clockTime(a);
    const end = clockTime(b);
    if (start === undefined || end === undefined || start === end)
      return {
        kind: 'error',
        message:
          'Give the quiet hours as two different times, such as `/sales-ops alerts quiet 19:00-07:30`.',
      };
    return { kind: 'quiet', start, end };
  }
  if (word === 'link') {
    if (!/^<?https:\/\/\S+$/.test(rest) || !rest.includes('{id}'))
      return {
        kind: 'error',
        message:
          'Give an https link with `{id}` where the deal id goes, such as `/sales-ops alerts link https://app.hubspot.com/contacts/123/deal/{id}`.',
      };
    return { kind: 'link', url: rest.replace(/^<|>$/g, '').split('|')[0] ?? rest };
  }
  if (word === 'on' || word === 'off') {
    const rule = ALERT_RULES.find((r) => r === rest.toLowerCase());
    if (rule === undefined)
      return {
        kind: 'error',
        message: `Name one of the rules: ${ALERT_RULES.map((r) => `\`${r}\``).join(', ')}.`,
      };
    return { kind: 'rule', rule, on: word === 'on' };
  }
  return { kind: 'error', message: `I did not understand \`${text.slice(0, 60)}\`.\n${ALERTS_USAGE}` };
}

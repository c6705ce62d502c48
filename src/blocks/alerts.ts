import type { KnownBlock } from '@slack/types';
import type { AlertRuleId } from '../engines/alerts/index.js';
import { formatMoney } from '../engines/format.js';
import {
  ALERT_MENU_ACTION_ID,
  ALERT_OPEN_CRM_ACTION_ID,
  ALERT_SHOW_ALL_ACTION_ID,
  type AlertVerb,
  alertActionValue,
} from '../views/alerts/ids.js';
import { mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';

/** One alert as a message shows it. */
export interface AlertItem {
  rule: AlertRuleId;
  dealId: string;
  account?: string | undefined;
  stage: string;
  amount?: number | undefined;
  /** The engine's sentence, e.g. "Close date slipped 30 days, from … to …". */
  text: string;
  /** The deal in the CRM, when the team set a record link. */
  crmUrl?: string | undefined;
  /** Who owns the deal: `<@U…>` when matched, else the name as imported (channel messages show it). */
  owner?: string | undefined;
}

export const RULE_LABELS: Record<AlertRuleId, string> = {
  stuck: ':hourglass: Stuck',
  'close-date-passed': ':calendar: Close date passed',
  'close-date-slipped': ':arrow_right: Close date slipped',
  'amount-dropped': ':chart_with_downwards_trend: Amount dropped',
  'stage-skipped': ':fast_forward: Stage skipped',
  'big-win': ':trophy: Big win',
  'icp-match': ':dart: Strong ICP match',
};

/** Alerts a daily message shows one by one; any beyond go in one closing list (Slack allows 50 blocks). */
const MAX_ITEM_BLOCKS = LIMITS.messageBlocks - 2;
/** Each alert line stays short, so 48 of them keep inside Slack's 11,000 characters of block text. */
const ITEM_TEXT = 200;
/** The closing list of alerts beyond those shown one by one. */
const REST_TEXT = 1500;

function title(item: AlertItem): string {
  const amount = item.amount === undefined ? '' : ` · ${formatMoney(item.amount)}`;
  const who =
    item.owner === undefined ? '' : ` · ${item.owner.startsWith('<@') ? item.owner : mrkdwn(item.owner, 60)}`;
  return `${mrkdwn(item.account ?? item.dealId, 60)}${amount}${who}`;
}

/** One line per alert: `*Rule* · Account · $amount — what happened`, at most `max` characters. */
export function alertLine(item: AlertItem, max = ITEM_TEXT + 150): string {
  return truncate(`*${RULE_LABELS[item.rule]}* · ${title(item)}\n${mrkdwn(item.text, ITEM_TEXT)}`, max);
}

const MENU: { verb: AlertVerb; text: string }[] = [
  { verb: 'snooze', text: 'Snooze…' },
  { verb: 'mute', text: 'Mute this rule for this deal' },
  { verb: 'open', text: 'Open in CRM' },
  { verb: 'done', text: 'Done' },
];

function menuFor(item: AlertItem) {
  const options = MENU.flatMap(({ verb, text }) => {
    if (verb === 'open' && item.crmUrl === undefined) return [];
    const value = alertActionValue(verb, item.rule, item.dealId);
    if (value === undefined) return [];
    return [
      {
        text: { type: 'plain_text' as const, text },
        value,
        ...(verb === 'open' && item.crmUrl ? { url: item.crmUrl } : {}),
      },
    ];
  });
  return options.length === 0
    ? undefined
    : { type: 'overflow' as const, action_id: ALERT_MENU_ACTION_ID, options };
}

/** Characters an alert's menu adds to the message's block text (its option labels). */
const MENU_TEXT = MENU.reduce((sum, m) => sum + m.text.length, 0);

function itemSection(item: AlertItem, max?: number): KnownBlock {
  const menu = menuFor(item);
  return {
    type: 'section',
    text: { type: 'mrkdwn', text: alertLine(item, max) },
    ...(menu ? { accessory: menu } : {}),
  };
}

/** Lines of alerts packed into as few sections as Slack's 3,000 characters a section allow. */
export function alertListBlocks(items: readonly AlertItem[]): KnownBlock[] {
  const blocks: KnownBlock[] = [];
  let text = '';
  for (const line of items.map(alertLine)) {
    if (text !== '' && text.length + line.length + 2 > LIMITS.sectionText) {
      blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
      text = '';
    }
    text = text === '' ? line : `${text}\n\n${line}`;
  }
  if (text !== '') blocks.push({ type: 'section', text: { type: 'mrkdwn', text } });
  return blocks;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A person's alerts of the day in one message (50 at most; see renderAlertSummary above that). */
export function renderAlertDay(view: { items: readonly AlertItem[]; dayLabel: string }): {
  text: string;
  blocks: KnownBlock[];
} {
  const shown = view.items.slice(0, MAX_ITEM_BLOCKS);
  const rest = view.items.slice(MAX_ITEM_BLOCKS);
  const heading = `${plural(view.items.length, 'deal alert')} · ${view.dayLabel}`;
  // Slack counts all block text of a message together: share what is left after the header and the rest.
  const room = LIMITS.messageBlockText - LIMITS.headerText - (rest.length > 0 ? REST_TEXT : 0);
  const lineRoom = Math.min(ITEM_TEXT + 150, Math.floor(room / Math.max(1, shown.length)) - MENU_TEXT - 10);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: truncate(heading, LIMITS.headerText) } },
    ...shown.map((item) => itemSection(item, lineRoom)),
  ];
  if (rest.length > 0) {
    const lines = rest.map((i) => `• ${RULE_LABELS[i.rule]} · ${title(i)}`).join('\n');
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(`*And:*\n${lines}`, REST_TEXT) } });
  }
  return { text: heading, blocks };
}

/** More than 50 alerts at once: the top 10 by amount, and a button that lists all of them. */
export function renderAlertSummary(view: {
  top: readonly AlertItem[];
  total: number;
  dayLabel: string;
  /** The stored batch the "Show all" button opens. */
  batchKey: string;
}): { text: string; blocks: KnownBlock[] } {
  const heading = `${view.total} deal alerts · ${view.dayLabel}`;
  return {
    text: heading,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(heading, LIMITS.headerText) } },
      {
        type: 'context',
        elements: [
          { type: 'mrkdwn', text: `Too many to list one by one: the ${view.top.length} largest by amount.` },
        ],
      },
      ...view.top.map((item) => itemSection(item)),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            text: { type: 'plain_text', text: `Show all ${view.total}` },
            action_id: ALERT_SHOW_ALL_ACTION_ID,
            value: view.batchKey,
          },
        ],
      },
    ],
  };
}

/** The big win, posted once to the team's channel. */
export function renderBigWin(item: AlertItem): { text: string; blocks: KnownBlock[] } {
  const text = `:trophy: *Big win!* ${title(item)}\n${mrkdwn(item.text, ITEM_TEXT)}`;
  const link = item.crmUrl
    ? [
        {
          type: 'actions' as const,
          elements: [
            {
              type: 'button' as const,
              text: { type: 'plain_text' as const, text: 'Open in CRM' },
              action_id: ALERT_OPEN_CRM_ACTION_ID,
              url: item.crmUrl,
            },
          ],
        },
      ]
    : [];
  return {
    text: truncate(`Big win: ${item.account ?? item.dealId}: ${item.text}`, 300),
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }, ...link],
  };
}

/** Deal owners nobody in Slack matched, listed once for an admin to map. */
export function renderUnmatchedOwners(owners: readonly string[]): { text: string; blocks: KnownBlock[] } {
  const first = owners[0] ?? 'Name';
  const names = truncate(owners.map((o) => `• ${mrkdwn(o, 80)}`).join('\n'), 2000);
  const text =
    `*${plural(owners.length, 'deal owner')} matched nobody in Slack* by e-mail or name, so their alerts come here:\n${names}\n` +
    `Map each one with \`/sales-ops alerts map "${mrkdwn(first, 80)}" @person\`.`;
  return {
    text: `${plural(owners.length, 'deal owner')} matched nobody in Slack`,
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
  };
}

import type { ActionsBlock, KnownBlock } from '@slack/types';
import { QUICK_ACTION_IDS, SLASH_COMMAND } from '../ids.js';
import type { SubcommandName } from '../router.js';
import type { CommandHandler, ReplyMessage } from '../types.js';

export { QUICK_ACTION_IDS, SLASH_COMMAND };

/** One line of usage per subcommand, in the order of SPEC §2. */
export const USAGE_LINES: { name: SubcommandName; usage: string; summary: string }[] = [
  { name: 'design', usage: 'YourCompany', summary: 'design the full sales operations blueprint' },
  {
    name: 'design',
    usage: 'design "Pipeline Inc"',
    summary: 'the same, for a name that starts with a command word',
  },
  {
    name: 'pipeline',
    usage: 'pipeline',
    summary: 'stages, exit criteria, probabilities, funnel and bottlenecks',
  },
  { name: 'crm', usage: 'crm', summary: 'CRM fields, automation and hygiene rules, with an import file' },
  {
    name: 'qualify',
    usage: 'qualify Acme',
    summary: 'qualification scorecard; answers inline: `budget=50k authority=vp`',
  },
  {
    name: 'sequence',
    usage: 'sequence',
    summary: 'follow-up sequences: design one, enrol a lead, list or stop',
  },
  {
    name: 'digest',
    usage: 'digest every monday 9am | digest me',
    summary: 'weekly pipeline digest in this channel; `me`: your own figures by DM',
  },
  {
    name: 'import',
    usage: 'import',
    summary: 'import a CRM export (CSV from HubSpot, Salesforce or Pipedrive)',
  },
  {
    name: 'icp',
    usage: 'icp [business] | icp history',
    summary: "the team's shared ideal customer profile card",
  },
  { name: 'abtest', usage: 'abtest', summary: 'results of the follow-up template A/B tests' },
  { name: 'ooo', usage: 'ooo until 2027-01-10', summary: 'move your due follow-ups past an absence' },
  {
    name: 'alerts',
    usage: 'alerts | alerts #channel | alerts map "Name" @person',
    summary: 'deal alert rules and thresholds; where alerts go (admins change them)',
  },
  {
    name: 'quota',
    usage: 'quota @rep 250k',
    summary: "a rep's quarterly quota for the digest's section by rep",
  },
  { name: 'help', usage: 'help', summary: 'this list' },
];

/** The action buttons: design, qualify, pipeline, CRM spec. */
export function quickActionsBlock(): ActionsBlock {
  const button = (text: string, actionId: string) =>
    ({ type: 'button', text: { type: 'plain_text', text }, action_id: actionId }) as const;
  return {
    type: 'actions',
    block_id: 'quick_actions',
    elements: [
      { ...button('Design a blueprint', QUICK_ACTION_IDS.design), style: 'primary' },
      button('Qualify a lead', QUICK_ACTION_IDS.qualify),
      button('Pipeline', QUICK_ACTION_IDS.pipeline),
      button('CRM spec', QUICK_ACTION_IDS.crm),
    ],
  };
}

/** The usage message: a header, one line per command, and the quick action buttons. */
export function usageMessage(): ReplyMessage {
  const lines = USAGE_LINES.map((l) => `\`${SLASH_COMMAND} ${l.usage}\`  ${l.summary}`);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'sales-ops: your sales process as a system' } },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
    quickActionsBlock(),
  ];
  const names = [...new Set(USAGE_LINES.map((l) => l.name).filter((n) => n !== 'design'))];
  return { text: `Usage: ${SLASH_COMMAND} [business] | ${names.join(' | ')}`, blocks };
}

/** `/sales-ops` and `/sales-ops help`: the usage message. */
export const help: CommandHandler = async (request) => {
  await request.reply(usageMessage());
};

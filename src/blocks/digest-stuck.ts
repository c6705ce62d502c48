import type { SectionBlock } from '@slack/types';
import { formatCount, formatMoney } from '../engines/blueprint/index.js';
import type { StuckDeal } from '../engines/pipeline/index.js';
import { mrkdwn } from './format.js';

/** How many stuck deals a digest lists; the rest are counted. */
export const STUCK_LISTED = 10;

const SLACK_USER = /^[UW][A-Z0-9]{2,20}$/;

/** An owner as mrkdwn: a mention when it is a Slack user id (`<@U123>`), the escaped name otherwise. */
export function ownerText(owner: string | undefined): string {
  if (owner === undefined || owner.trim() === '') return 'no owner';
  const id = owner.trim();
  return SLACK_USER.test(id) ? `<@${id}>` : mrkdwn(id, 50);
}

function stuckLine(deal: StuckDeal): string {
  const name =
    deal.account === undefined ? mrkdwn(deal.id, 40) : `${mrkdwn(deal.account, 50)} (${mrkdwn(deal.id, 40)})`;
  const parts = [
    `*${name}*`,
    `${mrkdwn(deal.stage, 40)} ${formatCount(Math.round(deal.days))} days (p90 ${formatCount(Math.round(deal.p90))})`,
  ];
  if (deal.amount !== undefined) parts.push(formatMoney(deal.amount));
  parts.push(ownerText(deal.owner));
  return `• ${parts.join(' · ')}`;
}

/** The stuck deals section: the most overdue first, at most ten, then "+N more". */
export function stuckSection(stuck: readonly StuckDeal[]): SectionBlock {
  if (stuck.length === 0) {
    return {
      type: 'section',
      text: { type: 'mrkdwn', text: "*Stuck deals*\nNo open deal is past its stage's p90." },
    };
  }
  const count = stuck.length === 1 ? '1 open deal' : `${formatCount(stuck.length)} open deals`;
  const lines = [
    `*Stuck deals* · ${count} past their stage's p90`,
    ...stuck.slice(0, STUCK_LISTED).map(stuckLine),
  ];
  const more = stuck.length - STUCK_LISTED;
  if (more > 0) lines.push(`+${formatCount(more)} more`);
  return { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } };
}

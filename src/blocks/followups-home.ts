import type { KnownBlock } from '@slack/types';
import type { Channel } from '../engines/optimizer/index.js';
import { mrkdwn } from './format.js';
import { channelLabel, slackTime } from './sequence-format.js';

/** Lines listed per group; the rest are counted. */
const MAX_LINES = 10;

/** One follow-up a rep still owes, as the Home tab lists it. */
export interface FollowupItem {
  leadName: string;
  step: number;
  stepCount: number;
  channel: Channel;
  dueAt: string;
}

function lines(items: readonly FollowupItem[], zone: string): string {
  const shown = items
    .slice(0, MAX_LINES)
    .map(
      (i) =>
        `• *${mrkdwn(i.leadName, 100)}*: step ${i.step + 1} of ${i.stepCount}, ${channelLabel(i.channel)}, due ${slackTime(i.dueAt, zone)}`,
    );
  if (items.length > MAX_LINES) shown.push(`…and ${items.length - MAX_LINES} more`);
  return shown.join('\n');
}

/** The Home tab's "My follow-ups" section: overdue first, then due today, or a line saying there are none. */
export function followupsHomeBlocks(
  data: { overdue: FollowupItem[]; today: FollowupItem[] },
  zone: string,
): KnownBlock[] {
  const section = (blockId: string, text: string): KnownBlock => ({
    type: 'section',
    block_id: blockId,
    text: { type: 'mrkdwn', text },
  });
  const blocks: KnownBlock[] = [];
  if (data.overdue.length === 0 && data.today.length === 0) {
    blocks.push(
      section(
        'home_followups',
        '*My follow-ups*\nNothing due today. Enrol a lead with `/sales-ops sequence start Acme`.',
      ),
    );
    return blocks;
  }
  blocks.push(section('home_followups', '*My follow-ups*'));
  if (data.overdue.length > 0) {
    blocks.push(
      section(
        'home_followups_overdue',
        `:warning: *Overdue (${data.overdue.length})*\n${lines(data.overdue, zone)}`,
      ),
    );
  }
  if (data.today.length > 0) {
    blocks.push(
      section('home_followups_today', `*Due today (${data.today.length})*\n${lines(data.today, zone)}`),
    );
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: 'Act on each one from its reminder in your DMs with the app: Done, Snooze, Lead replied or Stop.',
      },
    ],
  });
  return blocks;
}

import type { KnownBlock } from '@slack/types';
import type { Channel, Template } from '../engines/optimizer/index.js';
import type { Problem } from '../errors.js';
import { mrkdwn, truncate } from './format.js';
import { REMINDER_ACTIONS, reminderValue } from './reminder-ids.js';
import { channelLabel, slackTime } from './sequence-format.js';

/** What the reminder DM shows: the lead, the step, and the filled-in template or what it is missing. */
export interface ReminderContent {
  enrolmentId: string;
  step: number;
  stepCount: number;
  channel: Channel;
  leadName: string;
  sequenceId: string;
  sequenceName: string;
  dueAt: string;
  timezone: string;
  variant?: 'a' | 'b';
  message: { rendered: Template } | { missing: Problem[]; template: Template };
}

const quote = (text: string, max: number) =>
  mrkdwn(text, max)
    .split('\n')
    .map((line) => `>${line}`)
    .join('\n');

function templateBlocks(content: ReminderContent): KnownBlock[] {
  if ('rendered' in content.message) {
    const { subject, body } = content.message.rendered;
    const lines = [subject ? `*Subject:* ${mrkdwn(subject, 200)}` : '', quote(body, 2600)].filter(Boolean);
    return [{ type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } }];
  }
  const names = content.message.missing.map((p) => `\`{{${p.path}}}\``).join(', ');
  const plural = content.message.missing.length === 1 ? 'variable' : 'variables';
  const { subject, body } = content.message.template;
  const fix =
    `:warning: The template needs the ${plural} ${names}, and ${mrkdwn(content.leadName, 100)} has no value for it. ` +
    `Fill it in on the lead with \`/sales-ops qualify ${mrkdwn(content.leadName, 100)}\`, or take it out of the template with \`/sales-ops sequence edit ${content.sequenceId}\`. ` +
    'Here is the template as written, so nothing goes out with a blank:';
  return [
    { type: 'section', text: { type: 'mrkdwn', text: fix } },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: [subject ? `*Subject:* ${mrkdwn(subject, 200)}` : '', quote(body, 2400)]
          .filter(Boolean)
          .join('\n'),
      },
    },
  ];
}

const button = (text: string, actionId: string, value: string) =>
  ({ type: 'button', text: { type: 'plain_text', text }, action_id: actionId, value }) as const;

/** The reminder DM: header, step line, the template, and Done · Snooze · Lead replied · Stop. */
export function reminderMessage(content: ReminderContent): { text: string; blocks: KnownBlock[] } {
  const value = reminderValue(content.enrolmentId, content.step);
  const variant = content.variant ? ` · variant ${content.variant.toUpperCase()}` : '';
  const stepLine =
    `*Step ${content.step + 1} of ${content.stepCount}: ${channelLabel(content.channel)}*` +
    ` · ${mrkdwn(content.sequenceName, 200)}${variant}\nDue ${slackTime(content.dueAt, content.timezone)}`;
  const blocks: KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: truncate(`Follow up with ${content.leadName}`, 150) },
    },
    { type: 'section', text: { type: 'mrkdwn', text: stepLine } },
    ...templateBlocks(content),
    {
      type: 'actions',
      block_id: 'reminder_actions',
      elements: [
        { ...button('Done', REMINDER_ACTIONS.done, value), style: 'primary' },
        button('Snooze', REMINDER_ACTIONS.snooze, value),
        button('Lead replied', REMINDER_ACTIONS.replied, value),
        {
          ...button('Stop', REMINDER_ACTIONS.stop, value),
          style: 'danger',
          confirm: {
            title: { type: 'plain_text', text: 'Stop this sequence?' },
            text: { type: 'plain_text', text: truncate(`No more follow-ups for ${content.leadName}.`, 300) },
            confirm: { type: 'plain_text', text: 'Stop it' },
            deny: { type: 'plain_text', text: 'Keep going' },
          },
        },
      ],
    },
  ];
  const text = truncate(
    `Follow-up due: ${content.leadName}, step ${content.step + 1} of ${content.stepCount} (${content.channel})`,
    300,
  );
  return { text, blocks };
}

import type { KnownBlock } from '@slack/types';
import type { Channel, Sequence, Variant } from '../engines/optimizer/index.js';
import { CHANNELS } from '../engines/optimizer/index.js';
import { SEQUENCE_ACTIONS } from '../views/sequence/ids.js';
import { mrkdwn, truncate } from './format.js';
import { LIMITS } from './limits.js';
import { channelLabel, slackTime } from './sequence-format.js';

/** One step of an enrolment, as the list and the enrolment reply show it. */
export interface EnrolmentStepView {
  /** 0-based position in the sequence. */
  index: number;
  channel: Channel;
  day: number;
  /** ISO instant in UTC. */
  dueAt: string;
  variant?: Variant;
  /** Still to come: scheduled, or due and not yet acted on. */
  open: boolean;
}

/** An enrolment, as the list and the enrolment reply show it. */
export interface EnrolmentView {
  id: string;
  leadName: string;
  sequenceName: string;
  /** The rep the reminders go to. */
  ownerId: string;
  /** The rep's time zone, for the due times. */
  timezone: string;
  steps: readonly EnrolmentStepView[];
}

/** Enrolments listed at most; the rest are counted. */
const MAX_LISTED = 15;
const MAX_SEQUENCES_LISTED = 15;

/** One line per sequence: `Email d2 · Call d4 · …`, noting steps under A/B test. */
export function cadenceLine(sequence: Sequence): string {
  return sequence.steps
    .map((s) => `${CHANNELS[s.channel].label} d${s.day}${s.variants ? ' (A/B)' : ''}`)
    .join(' · ');
}

function sequenceBlock(sequence: Sequence): KnownBlock {
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${mrkdwn(sequence.name, 200)}* \`${sequence.id}\`\n${cadenceLine(sequence)}`,
    },
    accessory: {
      type: 'button',
      text: { type: 'plain_text', text: 'Edit' },
      action_id: SEQUENCE_ACTIONS.edit,
      value: sequence.id,
    },
  };
}

function enrolmentBlock(e: EnrolmentView): KnownBlock {
  const next = e.steps.find((s) => s.open);
  const nextText = next
    ? `next: step ${next.index + 1} of ${e.steps.length}, ${channelLabel(next.channel)} due ${slackTime(next.dueAt, e.timezone)}`
    : 'all steps done';
  return {
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: `*${mrkdwn(e.leadName, 150)}* · ${mrkdwn(e.sequenceName, 150)} · <@${e.ownerId}>\n${nextText}`,
    },
    accessory: {
      type: 'button',
      text: { type: 'plain_text', text: 'Stop' },
      style: 'danger',
      action_id: SEQUENCE_ACTIONS.stopEnrolment,
      value: e.id,
      confirm: {
        title: { type: 'plain_text', text: 'Stop this sequence?' },
        text: { type: 'plain_text', text: truncate(`No more follow-ups for ${e.leadName}.`, 300) },
        confirm: { type: 'plain_text', text: 'Stop it' },
        deny: { type: 'plain_text', text: 'Keep going' },
      },
    },
  };
}

/** `/sales-ops sequence`: the team's sequences with Edit buttons, how to enrol, and the active enrolments with Stop. */
export function sequenceListMessage(sequences: readonly Sequence[], active: readonly EnrolmentView[]) {
  const shown = active.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Follow-up sequences' } },
    ...sequences.slice(0, MAX_SEQUENCES_LISTED).map(sequenceBlock),
    {
      type: 'actions',
      block_id: 'sequence_list_actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'New sequence' },
          action_id: SEQUENCE_ACTIONS.create,
        },
      ],
    },
    {
      type: 'context',
      elements: [
        {
          type: 'mrkdwn',
          text: "Enrol a lead: `/sales-ops sequence start Acme` (add `using <id>` for another sequence) · stop one: `/sales-ops sequence stop Acme` · days count working days in the rep's time zone, skipping holidays (`/sales-ops sequence holidays`) and absences (`/sales-ops ooo`).",
        },
      ],
    },
    { type: 'divider' },
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          active.length === 0
            ? '*Active enrolments:* none yet.'
            : `*Active enrolments (${active.length})*${active.length > shown.length ? `, the first ${shown.length} shown` : ''}`,
      },
    },
    ...shown.map(enrolmentBlock),
  ];
  const text = `${sequences.length} follow-up ${sequences.length === 1 ? 'sequence' : 'sequences'}, ${active.length} active ${active.length === 1 ? 'enrolment' : 'enrolments'}`;
  return { text, blocks };
}

/** The answer to an enrolment: the lead, the sequence, and every step with its due time. */
export function enrolledMessage(e: EnrolmentView) {
  const lines = e.steps.map(
    (s) =>
      `${s.index + 1}. ${channelLabel(s.channel)}: day ${s.day}, ${slackTime(s.dueAt, e.timezone)}${s.variant ? ` (variant ${s.variant.toUpperCase()})` : ''}`,
  );
  const text = `Enrolled ${e.leadName} in "${e.sequenceName}"; the first follow-up is due ${e.steps[0]?.dueAt.slice(0, 10) ?? ''}.`;
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:white_check_mark: *${mrkdwn(e.leadName, 150)}* is enrolled in *${mrkdwn(e.sequenceName, 200)}*. <@${e.ownerId}> gets a DM when each step is due, at 09:00 their time (${e.timezone}).`,
      },
    },
    { type: 'section', text: { type: 'mrkdwn', text: lines.join('\n') } },
  ];
  return { text: truncate(text, 300), blocks };
}

/** A lead a bulk start did not enrol, and why. */
export interface NotEnrolledView {
  leadName: string;
  reason: string;
}

/** Lines a bulk start's answer lists of each kind; the rest are counted. */
const BULK_LISTED = 20;

/**
 * The answer to a start of several leads: who was enrolled, with the rep and the first follow-up, and who
 * was not and why (already in a sequence); long lists are cut and counted.
 */
export function enrolledManyMessage(
  sequenceName: string,
  enrolled: readonly EnrolmentView[],
  refused: readonly NotEnrolledView[],
) {
  const total = enrolled.length + refused.length;
  const text = `Enrolled ${enrolled.length} of ${total} leads in "${sequenceName}".`;
  // Each list goes in sections of whole lines, each within Slack's 3,000 characters.
  const sections = (items: readonly string[], heading = '') => {
    const lines = items.slice(0, BULK_LISTED);
    if (items.length > BULK_LISTED) lines.push(`…and ${items.length - BULK_LISTED} more`);
    const chunks: string[] = [heading];
    for (const line of lines) {
      const last = chunks.length - 1;
      const joined = chunks[last] === '' ? line : `${chunks[last]}\n${line}`;
      if (joined.length <= LIMITS.sectionText) chunks[last] = joined;
      else chunks.push(line);
    }
    return chunks.map((chunk): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: chunk } }));
  };
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:white_check_mark: *${enrolled.length} of ${total} leads* enrolled in *${mrkdwn(sequenceName, 200)}*. Each lead's owner gets a DM when each step is due, at 09:00 their time.`,
      },
    },
  ];
  if (enrolled.length > 0)
    blocks.push(
      ...sections(
        enrolled.map(
          (e) =>
            `• *${mrkdwn(e.leadName, 80)}* → <@${e.ownerId}>, first ${channelLabel(e.steps[0]?.channel ?? 'email')} ${e.steps[0] ? slackTime(e.steps[0].dueAt, e.timezone) : ''}`,
        ),
      ),
    );
  if (refused.length > 0)
    blocks.push(
      ...sections(
        refused.map((r) => `• *${mrkdwn(r.leadName, 80)}*: ${mrkdwn(r.reason, 200)}`),
        '*Not enrolled:*',
      ),
    );
  return { text: truncate(text, 300), blocks };
}

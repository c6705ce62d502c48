import type { KnownBlock, ModalView } from '@slack/types';
import { mrkdwn, truncate } from '../../blocks/format.js';
import {
  INTAKE_BACK_ACTION_ID,
  INTAKE_CALLBACK_ID,
  INTAKE_NAV_BLOCK_ID,
  INTAKE_NOTICE_BLOCK_ID,
  INTAKE_PROGRESS_BLOCK_ID,
} from './ids.js';
import { encodeIntakeMetadata } from './metadata.js';

/** What a step builder needs besides the draft; `notice` explains why someone was sent back to this step. */
export interface StepContext {
  step: number;
  totalSteps: number;
  teamId: string;
  channelId: string;
  notice?: string;
}

/** The modal title of a step, e.g. `Sales design · 2/5` (Slack allows 24 characters). */
export function stepTitle(step: number, totalSteps: number): string {
  return truncate(`Sales design · ${step}/${totalSteps}`, 24);
}

/** Wraps a step's input blocks in the modal every step shares: progress, notice, inputs, Back, save note. */
export function stepView(ctx: StepContext, name: string, inputs: KnownBlock[], intro?: string): ModalView {
  const last = ctx.step === ctx.totalSteps;
  const dots = '●'.repeat(ctx.step) + '○'.repeat(Math.max(ctx.totalSteps - ctx.step, 0));
  const blocks: KnownBlock[] = [
    {
      type: 'context',
      block_id: INTAKE_PROGRESS_BLOCK_ID,
      elements: [
        { type: 'mrkdwn', text: mrkdwn(`${dots}  Step ${ctx.step} of ${ctx.totalSteps} · ${name}`, 3000) },
      ],
    },
  ];
  if (ctx.notice !== undefined) {
    blocks.push({
      type: 'section',
      block_id: INTAKE_NOTICE_BLOCK_ID,
      text: { type: 'mrkdwn', text: `:warning: ${mrkdwn(ctx.notice, 2900)}` },
    });
  }
  if (intro !== undefined)
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn(intro, 3000) } });
  blocks.push(...inputs);
  if (ctx.step > 1) {
    blocks.push({
      type: 'actions',
      block_id: INTAKE_NAV_BLOCK_ID,
      elements: [
        {
          type: 'button',
          action_id: INTAKE_BACK_ACTION_ID,
          text: { type: 'plain_text', text: '← Back', emoji: true },
          value: String(ctx.step - 1),
        },
      ],
    });
  }
  blocks.push({
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: last
          ? 'Only the business name and sales model are required; anything left empty is assumed and listed in the blueprint.'
          : 'Closing keeps your answers as a draft: run the same command again to continue where you left off.',
      },
    ],
  });
  return {
    type: 'modal',
    callback_id: INTAKE_CALLBACK_ID,
    title: { type: 'plain_text', text: stepTitle(ctx.step, ctx.totalSteps) },
    submit: { type: 'plain_text', text: last ? 'Build blueprint' : 'Next' },
    close: { type: 'plain_text', text: 'Close' },
    notify_on_close: true,
    private_metadata: encodeIntakeMetadata({ teamId: ctx.teamId, channelId: ctx.channelId, step: ctx.step }),
    blocks,
  };
}

import type { ViewOutput } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { truncate } from '../../blocks/limits.js';
import { TRIGGERS } from '../../engines/qualification/index.js';
import { escapeMrkdwn } from '../../slack/reply.js';
import { DISQUALIFY_VIEW } from './ids.js';
import { encodeMetadata, type QualifyMetadata } from './metadata.js';

/** The reasons offered: the engine's hard disqualification rules, then "Other". */
export const DISQUALIFY_REASONS: readonly { value: string; text: string }[] = [
  ...TRIGGERS.map((t) => ({ value: t.id, text: t.name })),
  { value: 'other', text: 'Other (say why below)' },
];

const MAX_NOTE_LENGTH = 300;
const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** The modal asking why a lead is disqualified. */
export function buildDisqualifyModal(company: string, metadata: QualifyMetadata): ModalView {
  const { blocks, actions } = DISQUALIFY_VIEW;
  return {
    type: 'modal',
    callback_id: DISQUALIFY_VIEW.callbackId,
    title: plain('Disqualify lead'),
    submit: plain('Disqualify'),
    close: plain('Cancel'),
    private_metadata: encodeMetadata(metadata),
    blocks: [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: `Why is *${escapeMrkdwn(truncate(company, 200))}* not a fit?` },
      },
      {
        type: 'input',
        block_id: blocks.reason,
        label: plain('Reason'),
        element: {
          type: 'static_select',
          action_id: actions.reason,
          options: DISQUALIFY_REASONS.map((r) => ({ text: plain(truncate(r.text, 75)), value: r.value })),
        },
      },
      {
        type: 'input',
        block_id: blocks.note,
        optional: true,
        label: plain('Details'),
        element: {
          type: 'plain_text_input',
          action_id: actions.note,
          multiline: true,
          max_length: MAX_NOTE_LENGTH,
          placeholder: plain('e.g. Signed a 3-year deal with a competitor last month'),
        },
      },
    ],
  };
}

const schema = z
  .object({
    [DISQUALIFY_VIEW.blocks.reason]: z.enum(DISQUALIFY_REASONS.map((r) => r.value) as [string, ...string[]], {
      error: 'Choose a reason.',
    }),
    [DISQUALIFY_VIEW.blocks.note]: z.string().trim().max(MAX_NOTE_LENGTH).default(''),
  })
  .refine((v) => v[DISQUALIFY_VIEW.blocks.reason] !== 'other' || v[DISQUALIFY_VIEW.blocks.note] !== '', {
    path: [DISQUALIFY_VIEW.blocks.note],
    message: 'Say why the lead is not a fit when the reason is Other.',
  });

/** The reason as recorded ("No budget and none creatable: spent it on X"), or one message per input block. */
export function readDisqualifySubmission(
  values: ViewOutput['state']['values'],
): { ok: true; reason: string } | { ok: false; errors: Record<string, string> } {
  const { blocks, actions } = DISQUALIFY_VIEW;
  const parsed = schema.safeParse({
    [blocks.reason]: values[blocks.reason]?.[actions.reason]?.selected_option?.value ?? undefined,
    [blocks.note]: values[blocks.note]?.[actions.note]?.value ?? undefined,
  });
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const [block, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors)) {
      const first = (messages as string[] | undefined)?.[0];
      if (first) errors[block] = first;
    }
    return { ok: false, errors };
  }
  const value = parsed.data[blocks.reason];
  const note = parsed.data[blocks.note];
  const name = DISQUALIFY_REASONS.find((r) => r.value === value && value !== 'other')?.text;
  return { ok: true, reason: name ? (note ? `${name}: ${note}` : name) : note };
}

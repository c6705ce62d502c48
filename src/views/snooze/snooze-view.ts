import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { truncate } from '../../blocks/format.js';

/** The snooze modal's ids. */
export const SNOOZE_VIEW = {
  callbackId: 'reminder_snooze',
  whenBlock: 'snooze_when',
  whenAction: 'value',
} as const;

const metadataSchema = z.object({
  enrolmentId: z.string().regex(/^e[0-9a-f]{12}$/),
  step: z.number().int().min(0),
  /** The reminder DM, to show the snooze on it. */
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type SnoozeMetadata = z.output<typeof metadataSchema>;

/** Reads the modal's private metadata; undefined when it is not one this app wrote. */
export function readSnoozeMetadata(raw: string | undefined): SnoozeMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The snooze modal: one line for when, read in the rep's time zone. */
export function snoozeView(meta: SnoozeMetadata, leadName: string, zone: string): ModalView {
  return {
    type: 'modal',
    callback_id: SNOOZE_VIEW.callbackId,
    title: { type: 'plain_text', text: 'Snooze follow-up' },
    submit: { type: 'plain_text', text: 'Snooze' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: 'input',
        block_id: SNOOZE_VIEW.whenBlock,
        label: { type: 'plain_text', text: truncate(`Remind me about ${leadName} again`, 2000) },
        element: {
          type: 'plain_text_input',
          action_id: SNOOZE_VIEW.whenAction,
          max_length: 100,
          placeholder: { type: 'plain_text', text: 'tomorrow 3pm, in 2 days, friday at 10am' },
        },
        hint: {
          type: 'plain_text',
          text: `Read in your time zone (${zone}); a day without a time means 09:00.`,
        },
      },
    ],
  };
}

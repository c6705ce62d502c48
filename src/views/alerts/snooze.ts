import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { truncate } from '../../blocks/format.js';
import { ALERT_RULES } from '../../engines/alerts/index.js';
import { ALERT_SNOOZE_VIEW } from './ids.js';

const metadataSchema = z.object({
  rule: z.enum(ALERT_RULES),
  dealId: z.string().min(1).max(200),
  /** The alert's message, to show the snooze on it. */
  channel: z.string().optional(),
  ts: z.string().optional(),
});
export type AlertSnoozeMetadata = z.output<typeof metadataSchema>;

/** Reads the modal's private metadata; undefined when it is not one this app wrote. */
export function readAlertSnoozeMetadata(raw: string | undefined): AlertSnoozeMetadata | undefined {
  try {
    const parsed = metadataSchema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The "when" the person typed into the modal. */
export function alertSnoozeText(values: Record<string, Record<string, { value?: string | null }>>): string {
  return values[ALERT_SNOOZE_VIEW.whenBlock]?.[ALERT_SNOOZE_VIEW.whenAction]?.value ?? '';
}

/** The alert snooze modal: one line for when ("next monday"), read in the person's time zone. */
export function alertSnoozeView(meta: AlertSnoozeMetadata, label: string, zone: string): ModalView {
  return {
    type: 'modal',
    callback_id: ALERT_SNOOZE_VIEW.callbackId,
    title: { type: 'plain_text', text: 'Snooze alert' },
    submit: { type: 'plain_text', text: 'Snooze' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(meta),
    blocks: [
      {
        type: 'input',
        block_id: ALERT_SNOOZE_VIEW.whenBlock,
        label: { type: 'plain_text', text: truncate(`Quiet this alert about ${label} until`, 2000) },
        element: {
          type: 'plain_text_input',
          action_id: ALERT_SNOOZE_VIEW.whenAction,
          max_length: 100,
          placeholder: { type: 'plain_text', text: 'next monday, in 2 weeks, jan 15' },
        },
        hint: { type: 'plain_text', text: `Read in your time zone (${zone}).` },
      },
    ],
  };
}

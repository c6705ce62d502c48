import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { readModalMetadata, whenModal } from './when-modal.js';

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
  return readModalMetadata(metadataSchema, raw);
}

/** The snooze modal: one line for when, read in the rep's time zone. */
export function snoozeView(meta: SnoozeMetadata, leadName: string, zone: string): ModalView {
  return whenModal({
    ids: SNOOZE_VIEW,
    title: 'Snooze follow-up',
    label: `Remind me about ${leadName} again`,
    placeholder: 'tomorrow 3pm, in 2 days, friday at 10am',
    hint: `Read in your time zone (${zone}); a day without a time means 09:00.`,
    metadata: meta,
  });
}

import type { ModalView } from '@slack/types';
import { z } from 'zod';
import { ALERT_RULES } from '../../engines/alerts/index.js';
import { readModalMetadata, whenModal, whenText } from '../snooze/when-modal.js';
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
  return readModalMetadata(metadataSchema, raw);
}

/** The "when" the person typed into the modal. */
export function alertSnoozeText(values: Record<string, Record<string, { value?: string | null }>>): string {
  return whenText(ALERT_SNOOZE_VIEW, values);
}

/** The alert snooze modal: one line for when ("next monday"), read in the person's time zone. */
export function alertSnoozeView(meta: AlertSnoozeMetadata, label: string, zone: string): ModalView {
  return whenModal({
    ids: ALERT_SNOOZE_VIEW,
    title: 'Snooze alert',
    label: `Quiet this alert about ${label} until`,
    placeholder: 'next monday, in 2 weeks, jan 15',
    hint: `Read in your time zone (${zone}).`,
    metadata: meta,
  });
}

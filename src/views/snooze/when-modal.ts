import type { ModalView } from '@slack/types';
import type { z } from 'zod';
import { truncate } from '../../blocks/format.js';

/** Where a "when" modal keeps its one field. */
export interface WhenModalIds {
  callbackId: string;
  whenBlock: string;
  whenAction: string;
}

/** A modal with one line for a moment ("next monday", "tomorrow 3pm"), read in the person's time zone. */
export function whenModal(options: {
  ids: WhenModalIds;
  title: string;
  label: string;
  placeholder: string;
  hint: string;
  metadata: unknown;
}): ModalView {
  const { ids } = options;
  return {
    type: 'modal',
    callback_id: ids.callbackId,
    title: { type: 'plain_text', text: options.title },
    submit: { type: 'plain_text', text: 'Snooze' },
    close: { type: 'plain_text', text: 'Cancel' },
    private_metadata: JSON.stringify(options.metadata),
    blocks: [
      {
        type: 'input',
        block_id: ids.whenBlock,
        label: { type: 'plain_text', text: truncate(options.label, 2000) },
        element: {
          type: 'plain_text_input',
          action_id: ids.whenAction,
          max_length: 100,
          placeholder: { type: 'plain_text', text: options.placeholder },
        },
        hint: { type: 'plain_text', text: options.hint },
      },
    ],
  };
}

/** What the person typed into a "when" modal. */
export function whenText(
  ids: WhenModalIds,
  values: Record<string, Record<string, { value?: string | null }>>,
) {
  return values[ids.whenBlock]?.[ids.whenAction]?.value ?? '';
}

/** A modal's private metadata read with `schema`; undefined when it is not one this app wrote. */
export function readModalMetadata<S extends z.ZodType>(
  schema: S,
  raw: string | undefined,
): z.output<S> | undefined {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

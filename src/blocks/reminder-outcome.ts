import type { KnownBlock } from '@slack/types';
import { truncate } from './format.js';

function isBlock(value: unknown): value is KnownBlock {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** The reminder DM after someone acted on it: the same content without its buttons, plus what happened. */
export function reminderWithOutcome(original: readonly unknown[], outcome: string): KnownBlock[] {
  const kept = original
    .filter(isBlock)
    .filter((b) => b.type !== 'actions' && b.block_id !== 'reminder_outcome');
  return [
    ...kept.slice(0, 48),
    {
      type: 'context',
      block_id: 'reminder_outcome',
      elements: [{ type: 'mrkdwn', text: truncate(outcome, 2000) }],
    },
  ];
}

import type { KnownBlock } from '@slack/types';
import { truncate } from './format.js';
import { LIMITS } from './limits.js';

function isBlock(value: unknown): value is KnownBlock {
  return (
    typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string'
  );
}

/** Whether a block's button or menu carries an action value that ends with this alert's `:rule#:deal`. */
function holds(block: Record<string, unknown>, suffix: string): boolean {
  const values: string[] = [];
  const collect = (el: unknown) => {
    if (typeof el !== 'object' || el === null) return;
    const e = el as { value?: unknown; options?: unknown };
    if (typeof e.value === 'string') values.push(e.value);
    if (Array.isArray(e.options)) for (const o of e.options) collect(o);
  };
  collect(block.accessory);
  if (Array.isArray(block.elements)) for (const el of block.elements) collect(el);
  return values.some((v) => v.endsWith(suffix));
}

/**
 * The alert message after someone acted on one alert: that alert loses its buttons or menu and shows what
 * happened (`outcome`); the other alerts of the message keep theirs. `suffix` is `:<rule#>:<deal id>`.
 */
export function alertWithOutcome(
  original: readonly unknown[],
  suffix: string,
  outcome: string,
): KnownBlock[] {
  const note = truncate(outcome, 500);
  const out: KnownBlock[] = [];
  for (const block of original.filter(isBlock)) {
    const raw = block as unknown as Record<string, unknown>;
    if (!holds(raw, suffix)) {
      out.push(block);
      continue;
    }
    if (block.type === 'actions') {
      out.push({ type: 'context', elements: [{ type: 'mrkdwn', text: note }] });
    } else if (block.type === 'section' && block.text) {
      const { accessory: _dropped, ...rest } = block;
      out.push({
        ...rest,
        text: { ...block.text, text: truncate(`${block.text.text}\n${note}`, LIMITS.sectionText) },
      });
    } else out.push(block);
  }
  return out;
}

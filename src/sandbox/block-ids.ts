import { shortId } from './ids.js';
import { isRecord, type Json } from './json.js';

/** Copies blocks, giving every block a block_id and every interactive element an action_id, as Slack does. */
export function withIds(blocks: readonly unknown[]): Json[] {
  return blocks.filter(isRecord).map((source) => {
    const block = structuredClone(source);
    block.block_id ??= shortId();
    const elements = [
      block.accessory,
      block.element,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    for (const element of elements) {
      if (isRecord(element) && block.type !== 'context' && element.type !== 'image')
        element.action_id ??= shortId();
    }
    return block;
  });
}

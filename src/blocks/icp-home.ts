import type { KnownBlock } from '@slack/types';
import { ICP_ACTIONS } from '../views/icp/ids.js';
import { truncate } from './format.js';
import { LIMITS } from './limits.js';

/** One business's ICP as the Home tab lists it. */
export interface IcpHomeItem {
  slug: string;
  business: string;
  version: number;
  finalVersion?: number | undefined;
  suggestions: number;
  /** Where its card is, when it was posted. */
  channel?: string | undefined;
}

/** The Home tab's ICP section: each ICP's current version, open suggestions and a button to its card. */
export function icpHomeBlocks(items: readonly IcpHomeItem[]): KnownBlock[] {
  if (items.length === 0) {
    return [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: '*Ideal customer profile:* none yet. Run `/sales-ops icp` in a channel to build it with your team.',
        },
      },
    ];
  }
  return items.map((item): KnownBlock => {
    const final =
      item.finalVersion === undefined ? 'not finalized yet' : `version ${item.finalVersion} final`;
    const open = item.suggestions === 1 ? '1 open suggestion' : `${item.suggestions} open suggestions`;
    const where = item.channel ? ` · card in <#${item.channel}>` : '';
    const text = truncate(
      `*Ideal customer profile: ${item.business}*\nEditing version ${item.version} (${final}) · ${open}${where}`,
      LIMITS.sectionText,
    );
    return {
      type: 'section',
      text: { type: 'mrkdwn', text },
      ...(item.channel
        ? {
            accessory: {
              type: 'button',
              action_id: ICP_ACTIONS.showCard,
              text: { type: 'plain_text', text: 'Show the card' },
              value: item.slug,
            },
          }
        : {}),
    };
  });
}

import type { RespondFn } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Reply, ReplyMessage } from '../commands/types.js';

/** Title of every small modal the app opens to answer where no channel exists (Home tab, global shortcut). */
export const REPLY_MODAL_TITLE = 'sales-ops';

/** Replies through the request's response_url, as an ephemeral message that leaves the original in place. */
export function replyWithRespond(respond: RespondFn): Reply {
  return async (message) => {
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    });
  };
}

function blocksOf(message: ReplyMessage): KnownBlock[] {
  return message.blocks ?? [{ type: 'section', text: { type: 'mrkdwn', text: message.text } }];
}

/** Replies in a small modal, for requests that carry a trigger but no response_url. */
export function replyWithModal(client: WebClient, triggerId: string): Reply {
  return async (message) => {
    await client.views.open({
      trigger_id: triggerId,
      view: {
        type: 'modal',
        title: { type: 'plain_text', text: REPLY_MODAL_TITLE },
        close: { type: 'plain_text', text: 'Close' },
        blocks: blocksOf(message),
      },
    });
  };
}

import type { WebClient } from '@slack/web-api';
import { DELIVERY_EVENT_TYPE } from '../../blocks/reminder-ids.js';

/** History pages read when looking for a message an earlier run may have posted. */
const MAX_PAGES = 5;
/** Look this far before the claim, in case the clocks of Slack and the worker disagree a little. */
const CLOCK_SKEW_SECONDS = 60;

/** The channel id to read history from: a user id is turned into the bot's DM with them. */
export async function conversationId(client: WebClient, channel: string): Promise<string> {
  if (!/^[UW]/.test(channel)) return channel;
  const opened = await client.conversations.open({ users: channel });
  const id = opened.channel?.id;
  if (!id) throw new Error(`conversations.open returned no DM channel for ${channel}`);
  return id;
}

/**
 * The ts of a message carrying the delivery key in its metadata, posted since `sinceMs`; undefined when
 * there is none. Reads `conversations.history` with `include_all_metadata`, newest first.
 */
export async function findPosted(
  client: WebClient,
  channelId: string,
  key: string,
  sinceMs: number,
): Promise<string | undefined> {
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const result = await client.conversations.history({
      channel: channelId,
      include_all_metadata: true,
      oldest: String(Math.floor(sinceMs / 1000) - CLOCK_SKEW_SECONDS),
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const message of result.messages ?? []) {
      const metadata = message.metadata;
      const payload: Record<string, unknown> = { ...metadata?.event_payload };
      if (metadata?.event_type === DELIVERY_EVENT_TYPE && payload.key === key && message.ts) {
        return message.ts;
      }
    }
    cursor = result.response_metadata?.next_cursor || undefined;
    if (!result.has_more || !cursor) return undefined;
  }
  return undefined;
}

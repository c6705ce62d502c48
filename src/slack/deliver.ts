import type { WebClient } from '@slack/web-api';
import type { ReplyMessage } from '../commands/types.js';
import type { Logger } from '../logger.js';

/**
 * Shows a message only to the rep: as an ephemeral message in the channel the flow started in, or, where
 * there is none or the app cannot post there, in the rep's DM with the app.
 */
export async function deliverToRep(
  client: WebClient,
  logger: Logger,
  to: { userId: string; channelId?: string | undefined },
  message: ReplyMessage,
): Promise<void> {
  const content = { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
  if (to.channelId !== undefined) {
    try {
      await client.chat.postEphemeral({ channel: to.channelId, user: to.userId, ...content });
      return;
    } catch (error) {
      // A channel the app is not in (or a DM between people) refuses app messages; the rep's DM never does.
      logger.info({ err: error }, 'could not post in the channel; sending to the DM instead');
    }
  }
  await client.chat.postMessage({ channel: to.userId, ...content });
}

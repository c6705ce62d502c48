import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { SLASH_COMMAND } from '../ids.js';
import { conversationFor, type UnreachableError, unreachableReason } from './blueprint-post.js';

/** The bot's handle people type in `/invite`. */
export const BOT_HANDLE = '@sales-ops';

/**
 * What to say when the bot could not post: which conversation, why, how to invite it, and what to run next.
 * `what` is mrkdwn already escaped (e.g. `the blueprint for *Acme Corp*`); `after` ends the message.
 */
export function unreachableText(
  reason: UnreachableError,
  input: { what: string; channel: string; retry: string; after?: string },
): string {
  const where =
    reason === 'not_in_channel' && /^[CG][A-Z0-9]+$/.test(input.channel)
      ? `in <#${input.channel}>: I am not a member of that channel. Type \`/invite ${BOT_HANDLE}\` there`
      : `where you ran the command: I cannot see that conversation (a private channel I was not invited to, or a direct message between people). Type \`/invite ${BOT_HANDLE}\` in the channel you want it in`;
  const retry = `\`${SLASH_COMMAND} ${input.retry}\``;
  return [`:warning: I could not post ${input.what} ${where}, then run ${retry} again.`, input.after]
    .filter((part) => part !== undefined && part !== '')
    .join(' ');
}

/**
 * Tells one person something privately: an ephemeral message in the channel when the bot may post there,
 * otherwise a message in their DM with the app.
 */
export async function tellPrivately(
  client: WebClient,
  input: { channel: string; userId: string; text: string; logger: Logger },
): Promise<void> {
  if (input.channel !== '') {
    try {
      await client.chat.postEphemeral({ channel: input.channel, user: input.userId, text: input.text });
      return;
    } catch (error) {
      if (unreachableReason(error) === undefined)
        input.logger.warn({ err: error }, 'could not send an ephemeral message; sending a DM instead');
    }
  }
  const dm = await conversationFor(client, '', input.userId);
  await client.chat.postMessage({ channel: dm, text: input.text });
}

import type { WebClient } from '@slack/web-api';
import { WebAPIPlatformError } from '@slack/web-api';
import { type BlueprintMessage, renderBlueprintMessages } from '../../blocks/blueprint-messages.js';
import { checkMessage } from '../../blocks/limits.js';
import { renderBlueprint, renderBlueprintMarkdown } from '../../engines/blueprint/index.js';
import type { Design } from '../../engines/design.js';
import type { Logger } from '../../logger.js';

/** Slack's answers when the bot may not post in a conversation. */
export const UNREACHABLE_ERRORS = ['not_in_channel', 'channel_not_found'] as const;
export type UnreachableError = (typeof UNREACHABLE_ERRORS)[number];

/** The reason a post failed when the bot is not in (or cannot see) the conversation, else undefined. */
export function unreachableReason(error: unknown): UnreachableError | undefined {
  if (!(error instanceof WebAPIPlatformError)) return undefined;
  return UNREACHABLE_ERRORS.find((code) => code === error.data.error);
}

/** A file to attach: its name, title and text content. */
export interface ThreadFile {
  filename: string;
  title: string;
  content: string;
}

/** Where a thread was posted: the conversation and the ts of its first message. */
export interface PostedThread {
  channel: string;
  ts: string;
}

/** The conversation to post in: the given channel, or the person's DM with the app when there is none. */
export async function conversationFor(client: WebClient, channelId: string, userId: string): Promise<string> {
  if (channelId !== '') return channelId;
  const opened = await client.conversations.open({ users: userId });
  const id = opened.channel?.id;
  if (id === undefined) throw new Error('conversations.open returned no channel');
  return id;
}

function assertWithinLimits(message: BlueprintMessage): void {
  const check = checkMessage(message);
  if (!check.ok) throw new Error(`a message is outside Slack's limits: ${check.problems.join('; ')}`);
}

/**
 * Posts the first message in the channel and the others as replies in its thread, then uploads the files
 * into the thread (files.getUploadURLExternal, the upload, files.completeUploadExternal). When any part
 * fails after the first message, the messages already posted are deleted, so no half thread stays behind.
 */
export async function postThread(
  client: WebClient,
  input: {
    channel: string;
    messages: readonly BlueprintMessage[];
    uploads?: readonly { comment: string; files: readonly ThreadFile[] }[];
    logger: Logger;
  },
): Promise<PostedThread> {
  const [first, ...rest] = input.messages;
  if (first === undefined) throw new Error('nothing to post');
  for (const message of input.messages) assertWithinLimits(message);
  const top = await client.chat.postMessage({
    channel: input.channel,
    text: first.text,
    blocks: first.blocks,
  });
  const channel = top.channel ?? input.channel;
  const ts = top.ts;
  if (ts === undefined) throw new Error('chat.postMessage returned no ts');
  const posted = [ts];
  try {
    for (const message of rest) {
      const reply = await client.chat.postMessage({
        channel,
        thread_ts: ts,
        text: message.text,
        blocks: message.blocks,
      });
      if (reply.ts !== undefined) posted.push(reply.ts);
    }
    for (const upload of input.uploads ?? []) {
      await client.files.uploadV2({
        channel_id: channel,
        thread_ts: ts,
        initial_comment: upload.comment,
        file_uploads: upload.files.map((f) => ({ filename: f.filename, title: f.title, content: f.content })),
      });
    }
  } catch (error) {
    await removeMessages(client, channel, posted.reverse(), input.logger);
    throw error;
  }
  return { channel, ts };
}

async function removeMessages(client: WebClient, channel: string, list: string[], logger: Logger) {
  for (const ts of list) {
    try {
      await client.chat.delete({ channel, ts });
    } catch (error) {
      logger.warn({ err: error, channel, ts }, 'could not remove a message of a failed post');
    }
  }
}

/** A file name part from a business name: `Smith & Sons, Inc.` → `smith-sons-inc`. */
export function fileSlug(business: string): string {
  const slug = business
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'business' : slug;
}

/** The files attached to a blueprint: the whole text blueprint and the markdown playbook. */
export function blueprintFiles(design: Design, now: string): ThreadFile[] {
  const slug = fileSlug(design.business);
  return [
    {
      filename: `sales-ops-blueprint-${slug}.txt`,
      title: `Sales operations blueprint: ${design.business}`,
      content: renderBlueprint(design, { now }),
    },
    {
      filename: `sales-ops-playbook-${slug}.md`,
      title: `Sales playbook: ${design.business}`,
      content: renderBlueprintMarkdown(design, { now }),
    },
  ];
}

/**
 * Posts a blueprint: the Block Kit summary in the channel, the text blueprint in code blocks in its thread,
 * and the text and markdown files attached to the thread.
 */
export async function postBlueprint(
  client: WebClient,
  input: { channel: string; design: Design; now: string; logger: Logger },
): Promise<PostedThread> {
  return postThread(client, {
    channel: input.channel,
    messages: renderBlueprintMessages(input.design, { now: input.now }),
    uploads: [
      {
        comment: 'The whole blueprint as a text file, and the playbook as Markdown for your wiki.',
        files: blueprintFiles(input.design, input.now),
      },
    ],
    logger: input.logger,
  });
}

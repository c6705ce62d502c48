import { blockTextLength, describeIssues, LIMITS, messageSchema } from '../blocks/limits.js';
import { withIds } from './block-ids.js';
import type { SandboxState } from './state.js';
import type { StoredMessage } from './types.js';

/**
 * Where Slack itself starts answering `msg_blocks_too_long`. It is undocumented (reports range from about
 * 12,000 to 13,300 characters), so the stand-in takes the low end; the app's own budget is lower still.
 */
export const SLACK_BLOCK_TEXT_REJECT = 12_000;

/** Why Slack would refuse a message's text and blocks: an error code and its explanation. */
export interface ContentProblem {
  error: string;
  messages?: string[];
}

/** Checks text and blocks the way chat.postMessage does; undefined when Slack would accept them. */
export function contentProblem(content: { text?: unknown; blocks?: unknown }): ContentProblem | undefined {
  if (typeof content.blocks === 'string') return { error: 'invalid_blocks_format' };
  if (typeof content.text === 'string' && content.text.length > LIMITS.messageText)
    return { error: 'msg_too_long' };
  const parsed = messageSchema.safeParse({
    ...(content.text !== undefined && { text: content.text }),
    ...(content.blocks !== undefined && { blocks: content.blocks }),
  });
  if (!parsed.success) {
    const messages = describeIssues(parsed.error.issues).map((p) => `[ERROR] ${p}`);
    return { error: 'invalid_blocks', messages };
  }
  if (parsed.data.blocks && blockTextLength(parsed.data.blocks) > SLACK_BLOCK_TEXT_REJECT)
    return { error: 'msg_blocks_too_long' };
  return undefined;
}

/** Whether a message has something to show: text or at least one block. */
export function hasContent(content: { text?: unknown; blocks?: unknown; attachments?: unknown }): boolean {
  return (
    (typeof content.text === 'string' && content.text.length > 0) ||
    (Array.isArray(content.blocks) && content.blocks.length > 0) ||
    (Array.isArray(content.attachments) && content.attachments.length > 0)
  );
}

/** A stored message as the Web API shows it; metadata only when asked for, as Slack does. */
export function toWire(message: StoredMessage, includeMetadata: boolean): Record<string, unknown> {
  const { channel: _channel, ephemeral: _ephemeral, ephemeralTo: _to, metadata, ...wire } = message;
  return includeMetadata && metadata ? { ...wire, metadata } : wire;
}

/** Everything needed to store a message the bot posts. */
export interface NewMessage {
  channel: string;
  text: string;
  blocks?: unknown[];
  threadTs?: string;
  metadata?: StoredMessage['metadata'];
  files?: StoredMessage['files'];
  ephemeralTo?: string;
  /** Who posted it; the bot unless a person's reply is being simulated. */
  user?: string;
}

/** Stores a new message (a thread reply updates its parent's reply counters) and returns it. */
export function storeMessage(state: SandboxState, nowMs: number, input: NewMessage): StoredMessage {
  const { workspace } = state;
  const fromBot = input.user === undefined || input.user === workspace.botUserId;
  const message: StoredMessage = {
    type: 'message',
    channel: input.channel,
    ts: state.ts.next(nowMs),
    user: input.user ?? workspace.botUserId,
    text: input.text,
    team: workspace.teamId,
    ...(fromBot && { bot_id: workspace.botId, app_id: workspace.appId }),
    ...(input.blocks !== undefined && { blocks: withIds(input.blocks) }),
    ...(input.threadTs !== undefined && { thread_ts: input.threadTs }),
    ...(input.metadata !== undefined && { metadata: input.metadata }),
    ...(input.files !== undefined && { files: input.files }),
    ephemeral: input.ephemeralTo !== undefined,
    ...(input.ephemeralTo !== undefined && { ephemeralTo: input.ephemeralTo }),
  };
  const parent = input.threadTs === undefined ? undefined : state.findMessage(input.channel, input.threadTs);
  if (parent && !message.ephemeral) {
    parent.thread_ts = parent.ts;
    parent.reply_count = (parent.reply_count ?? 0) + 1;
    parent.latest_reply = message.ts;
    parent.reply_users = [...new Set([...(parent.reply_users ?? []), message.user])];
  }
  state.messages.push(message);
  return message;
}

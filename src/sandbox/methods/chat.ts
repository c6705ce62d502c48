import { z } from 'zod';
import { withIds } from '../block-ids.js';
import { contentProblem, hasContent, storeMessage, toWire } from '../message-content.js';
import type { ChannelRecord } from '../state.js';
import type { Reply } from '../types.js';
import { fail, type MethodContext, type MethodHandler, metadataArg, ok, withArgs } from './common.js';

const content = {
  channel: z.string().default(''),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
};

/** Resolves a channel the bot must be able to post in, or the error Slack gives. */
function postable(ref: string, ctx: MethodContext): ChannelRecord | Reply {
  const channel = ctx.state.resolveChannel(ref, ctx.now);
  if (!channel) return fail('channel_not_found');
  if (!channel.botIsMember) return fail('not_in_channel');
  return channel;
}

const isChannel = (value: ChannelRecord | Reply): value is ChannelRecord => 'isIm' in value;

/** Resolves a thread_ts to the top-level message it belongs to, or the error Slack gives. */
function threadRoot(
  channel: string,
  threadTs: string | undefined,
  ctx: MethodContext,
): string | Reply | undefined {
  if (threadTs === undefined || threadTs === '') return undefined;
  const parent = ctx.state.findMessage(channel, threadTs);
  if (!parent) return fail('thread_not_found');
  return parent.thread_ts ?? parent.ts;
}

function contentError(args: {
  text?: string | undefined;
  blocks?: unknown;
  attachments?: unknown;
}): Reply | undefined {
  if (!hasContent(args)) return fail('no_text');
  const problem = contentProblem(args);
  return problem ? fail(problem.error, problem.messages) : undefined;
}

const postMessage = withArgs(
  z.looseObject({ ...content, thread_ts: z.string().optional(), metadata: metadataArg.optional() }),
  (args, ctx) => {
    const channel = postable(args.channel, ctx);
    if (!isChannel(channel)) return channel;
    const problem = contentError(args);
    if (problem) return problem;
    const root = threadRoot(channel.id, args.thread_ts, ctx);
    if (typeof root === 'object') return root;
    const message = storeMessage(ctx.state, ctx.now, {
      channel: channel.id,
      text: args.text ?? '',
      ...(Array.isArray(args.blocks) && { blocks: args.blocks }),
      ...(root !== undefined && { threadTs: root }),
      ...(args.metadata !== undefined && { metadata: args.metadata }),
    });
    return ok({ channel: channel.id, ts: message.ts, message: toWire(message, true) });
  },
);

const postEphemeral = withArgs(
  z.looseObject({ ...content, user: z.string().default(''), thread_ts: z.string().optional() }),
  (args, ctx) => {
    const channel = postable(args.channel, ctx);
    if (!isChannel(channel)) return channel;
    if (!ctx.state.users.has(args.user)) return fail('user_not_found');
    if (!ctx.state.isMember(channel, args.user)) return fail('user_not_in_channel');
    const problem = contentError(args);
    if (problem) return problem;
    const message = storeMessage(ctx.state, ctx.now, {
      channel: channel.id,
      text: args.text ?? '',
      ephemeralTo: args.user,
      ...(Array.isArray(args.blocks) && { blocks: args.blocks }),
      ...(args.thread_ts !== undefined && { threadTs: args.thread_ts }),
    });
    return ok({ message_ts: message.ts });
  },
);

const update = withArgs(
  z.looseObject({ ...content, ts: z.string().default(''), metadata: metadataArg.optional() }),
  (args, ctx) => {
    const channel = ctx.state.resolveChannel(args.channel, ctx.now);
    if (!channel) return fail('channel_not_found');
    const message = ctx.state.findMessage(channel.id, args.ts);
    if (!message) return fail('message_not_found');
    if (message.user !== ctx.state.workspace.botUserId) return fail('cant_update_message');
    const next = { text: args.text ?? message.text, blocks: args.blocks ?? message.blocks };
    if (!hasContent(next)) return fail('no_text');
    const problem = contentProblem(next);
    if (problem) return fail(problem.error, problem.messages);
    message.text = next.text;
    if (Array.isArray(args.blocks)) message.blocks = withIds(args.blocks);
    if (args.metadata !== undefined) message.metadata = args.metadata;
    message.edited = { user: ctx.state.workspace.botUserId, ts: ctx.state.ts.next(ctx.now) };
    return ok({ channel: channel.id, ts: message.ts, text: message.text, message: toWire(message, true) });
  },
);

const remove = withArgs(
  z.looseObject({ channel: z.string().default(''), ts: z.string().default('') }),
  (args, ctx) => {
    const channel = ctx.state.resolveChannel(args.channel, ctx.now);
    if (!channel) return fail('channel_not_found');
    const message = ctx.state.findMessage(channel.id, args.ts);
    if (!message) return fail('message_not_found');
    if (message.user !== ctx.state.workspace.botUserId) return fail('cant_delete_message');
    ctx.state.messages = ctx.state.messages.filter((m) => m !== message);
    return ok({ channel: channel.id, ts: message.ts });
  },
);

/** chat.* methods. */
export const chatMethods: Record<string, MethodHandler> = {
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
};

import { z } from 'zod';
import { toWire } from '../message-content.js';
import type { ChannelRecord } from '../state.js';
import type { StoredMessage } from '../types.js';
import { fail, flag, int, type MethodContext, type MethodHandler, ok, withArgs } from './common.js';

/** A ts as a string that sorts in time order (seconds and micros zero-padded). */
export function tsKey(ts: string): string {
  const [seconds = '0', micros = '0'] = ts.split('.');
  return `${seconds.padStart(12, '0')}.${micros.padEnd(6, '0')}`;
}

/** A channel the way conversations.info describes it. */
export function channelObject(channel: ChannelRecord, ctx: MethodContext): Record<string, unknown> {
  if (channel.isIm)
    return {
      id: channel.id,
      created: channel.created,
      is_im: true,
      is_org_shared: false,
      user: channel.user,
    };
  return {
    id: channel.id,
    name: channel.name,
    name_normalized: channel.name,
    created: channel.created,
    creator: ctx.state.workspace.botUserId,
    is_channel: !channel.isPrivate,
    is_group: channel.isPrivate,
    is_im: false,
    is_mpim: false,
    is_private: channel.isPrivate,
    is_archived: false,
    is_general: false,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    is_member: channel.botIsMember,
    context_team_id: ctx.state.workspace.teamId,
  };
}

const channelArg = { channel: z.string().default('') };

/** The channel to read from, or the error Slack gives when the bot may not read it. */
function readable(ref: string, ctx: MethodContext): ChannelRecord | string {
  const channel = ctx.state.resolveChannel(ref, ctx.now);
  if (!channel) return 'channel_not_found';
  if (!channel.botIsMember) return 'not_in_channel';
  return channel;
}

const encodeCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64');
const decodeCursor = (cursor: string | undefined) =>
  cursor ? Number(Buffer.from(cursor, 'base64').toString('utf8').replace('offset:', '')) || 0 : 0;

/** One page of messages, with Slack's cursor fields. */
function page(list: StoredMessage[], cursor: string | undefined, limit: number, metadata: boolean) {
  const start = decodeCursor(cursor);
  const slice = list.slice(start, start + limit);
  const hasMore = start + limit < list.length;
  return {
    messages: slice.map((m) => toWire(m, metadata)),
    has_more: hasMore,
    response_metadata: { next_cursor: hasMore ? encodeCursor(start + limit) : '' },
  };
}

const history = withArgs(
  z.looseObject({
    ...channelArg,
    limit: int.min(1).max(999).default(100),
    cursor: z.string().optional(),
    oldest: z.string().optional(),
    latest: z.string().optional(),
    inclusive: flag.default(false),
    include_all_metadata: flag.default(false),
  }),
  (args, ctx) => {
    const channel = readable(args.channel, ctx);
    if (typeof channel === 'string') return fail(channel);
    const after = (ts: string) =>
      args.oldest === undefined ||
      (args.inclusive ? tsKey(ts) >= tsKey(args.oldest) : tsKey(ts) > tsKey(args.oldest));
    const before = (ts: string) =>
      args.latest === undefined ||
      (args.inclusive ? tsKey(ts) <= tsKey(args.latest) : tsKey(ts) < tsKey(args.latest));
    const list = ctx.state.messages
      .filter((m) => m.channel === channel.id && !m.ephemeral && (m.thread_ts ?? m.ts) === m.ts)
      .filter((m) => after(m.ts) && before(m.ts))
      .sort((a, b) => (tsKey(a.ts) < tsKey(b.ts) ? 1 : -1));
    return ok({ ...page(list, args.cursor, args.limit, args.include_all_metadata), pin_count: 0 });
  },
);

const replies = withArgs(
  z.looseObject({
    ...channelArg,
    ts: z.string().default(''),
    limit: int.min(1).max(999).default(1000),
    cursor: z.string().optional(),
    include_all_metadata: flag.default(false),
  }),
  (args, ctx) => {
    const channel = readable(args.channel, ctx);
    if (typeof channel === 'string') return fail(channel);
    const parent = ctx.state.findMessage(channel.id, args.ts);
    if (!parent) return fail('thread_not_found');
    const root = parent.thread_ts ?? parent.ts;
    const list = ctx.state.messages
      .filter((m) => m.channel === channel.id && !m.ephemeral && (m.ts === root || m.thread_ts === root))
      .sort((a, b) => (tsKey(a.ts) < tsKey(b.ts) ? -1 : 1));
    return ok(page(list, args.cursor, args.limit, args.include_all_metadata));
  },
);

const info = withArgs(
  z.looseObject({ ...channelArg, include_num_members: flag.default(false) }),
  (args, ctx) => {
    const channel = ctx.state.resolveChannel(args.channel, ctx.now);
    if (!channel) return fail('channel_not_found');
    if (channel.isPrivate && !channel.botIsMember) return fail('channel_not_found');
    const members = channel.members?.length ?? ctx.state.users.size;
    return ok({
      channel: { ...channelObject(channel, ctx), ...(args.include_num_members && { num_members: members }) },
    });
  },
);

const join = withArgs(z.looseObject(channelArg), (args, ctx) => {
  const channel = ctx.state.resolveChannel(args.channel, ctx.now);
  if (!channel || (channel.isPrivate && !channel.botIsMember)) return fail('channel_not_found');
  if (channel.isIm) return fail('method_not_supported_for_channel_type');
  const already = channel.botIsMember;
  channel.botIsMember = true;
  return ok({ channel: channelObject(channel, ctx), ...(already && { warning: 'already_in_channel' }) });
});

const open = withArgs(
  z.looseObject({ users: z.string().default(''), channel: z.string().optional() }),
  (args, ctx) => {
    const ids = args.users.split(',').filter(Boolean);
    if (args.channel !== undefined) {
      const channel = ctx.state.channels.get(args.channel);
      return channel?.isIm ? ok({ channel: { id: channel.id } }) : fail('channel_not_found');
    }
    if (ids.length === 0) return fail('users_list_not_supplied');
    if (ids.length > 1) return fail('not_supported', ['[ERROR] the stand-in opens one-to-one DMs only']);
    const [userId = ''] = ids;
    if (!ctx.state.users.has(userId)) return fail('user_not_found');
    return ok({ channel: { id: ctx.state.openDm(userId, ctx.now).id } });
  },
);

/** conversations.* methods. */
export const conversationMethods: Record<string, MethodHandler> = {
  'conversations.history': history,
  'conversations.replies': replies,
  'conversations.info': info,
  'conversations.join': join,
  'conversations.open': open,
};

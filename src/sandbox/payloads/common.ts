import type { MethodContext } from '../methods/common.js';
import type { ChannelRecord } from '../state.js';

/** The verification token Slack puts in every payload (deprecated; Bolt ignores it). */
export const VERIFICATION_TOKEN = 'sandboxVerificationToken';

/** The team as interaction payloads name it. */
export function teamRef(ctx: MethodContext): { id: string; domain: string } {
  return { id: ctx.state.workspace.teamId, domain: ctx.state.workspace.teamDomain };
}

/** The person acting, as interaction payloads name them. */
export function actor(
  ctx: MethodContext,
  userId: string,
): { id: string; username: string; name: string; team_id: string } {
  const name = ctx.state.users.get(userId)?.name ?? userId;
  return { id: userId, username: name, name, team_id: ctx.state.workspace.teamId };
}

/** An action_ts / event_ts for now, in Slack's `seconds.micros` format. */
export function actionTs(ctx: MethodContext): string {
  return (ctx.now / 1000).toFixed(6);
}

/** The conversation a person acts in; a user id means their DM with the bot. */
export function conversation(ctx: MethodContext, channelId: string): ChannelRecord {
  const channel = ctx.state.resolveChannel(channelId, ctx.now);
  if (!channel) throw new Error(`Unknown channel ${channelId}: add it with addChannel() first`);
  return channel;
}

/** The channel name Slack reports for a conversation (DMs are `directmessage`). */
export function channelName(channel: ChannelRecord): string {
  return channel.isIm ? 'directmessage' : channel.name;
}

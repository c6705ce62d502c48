import type { GlobalShortcut, MessageShortcut, SlashCommand } from '@slack/bolt';
import { toWire } from '../message-content.js';
import type { MethodContext } from '../methods/common.js';
import { registerResponseUrl } from '../response-url.js';
import { actionTs, actor, channelName, conversation, teamRef, VERIFICATION_TOKEN } from './common.js';

/** A person typing a slash command. */
export interface SlashCommandInput {
  text?: string;
  userId: string;
  channelId: string;
  command?: string;
}

/** The form fields of a slash command, in the order Slack sends them. */
export function slashCommandPayload(ctx: MethodContext, input: SlashCommandInput): SlashCommand {
  const channel = conversation(ctx, input.channelId);
  const ws = ctx.state.workspace;
  return {
    token: VERIFICATION_TOKEN,
    team_id: ws.teamId,
    team_domain: ws.teamDomain,
    channel_id: channel.id,
    channel_name: channelName(channel),
    user_id: input.userId,
    user_name: actor(ctx, input.userId).username,
    command: input.command ?? '/sales-ops',
    text: input.text ?? '',
    api_app_id: ws.appId,
    is_enterprise_install: 'false',
    response_url: registerResponseUrl(ctx, { channel: channel.id, userId: input.userId }),
    trigger_id: ctx.state.issueTrigger(input.userId, ctx.now),
  };
}

/** A person running a shortcut: global, or on a message when `message` is given. */
export interface ShortcutInput {
  callbackId: string;
  userId: string;
  message?: { channel: string; ts: string };
}

/** A `shortcut` (global) or `message_action` (message shortcut) payload. */
export function shortcutPayload(ctx: MethodContext, input: ShortcutInput): GlobalShortcut | MessageShortcut {
  const person = actor(ctx, input.userId);
  const common = {
    callback_id: input.callbackId,
    trigger_id: ctx.state.issueTrigger(input.userId, ctx.now),
    team: teamRef(ctx),
    token: VERIFICATION_TOKEN,
    action_ts: actionTs(ctx),
    is_enterprise_install: false,
  };
  if (!input.message) return { type: 'shortcut', ...common, user: person };
  const channel = conversation(ctx, input.message.channel);
  const message = ctx.state.findMessage(channel.id, input.message.ts);
  if (!message) throw new Error(`No message ${input.message.ts} in ${channel.id} to run a shortcut on`);
  return {
    type: 'message_action',
    ...common,
    message_ts: message.ts,
    response_url: registerResponseUrl(ctx, {
      channel: channel.id,
      userId: input.userId,
      original: { channel: channel.id, ts: message.ts },
    }),
    message: { ...toWire(message, false), type: 'message', ts: message.ts },
    user: person,
    channel: { id: channel.id, name: channelName(channel) },
  };
}

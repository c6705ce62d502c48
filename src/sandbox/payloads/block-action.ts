import type { BlockAction, BlockElementAction, ViewOutput } from '@slack/bolt';
import { isRecord, type Json } from '../json.js';
import { toWire } from '../message-content.js';
import type { MethodContext } from '../methods/common.js';
import { findOption } from '../options.js';
import { registerResponseUrl } from '../response-url.js';
import type { StoredMessage } from '../types.js';
import { actionTs, actor, channelName, conversation, teamRef, VERIFICATION_TOKEN } from './common.js';

/** A person using an interactive element in a message the bot posted or in an open view. */
export interface BlockActionInput {
  userId: string;
  actionId: string;
  /** Needed only when the same action_id appears in several blocks. */
  blockId?: string;
  /** The choice for selects, pickers and inputs: an option value, a date, a user id; several for multi-selects. */
  value?: string | readonly string[];
  message?: { channel: string; ts: string };
  viewId?: string;
}

/** A block_actions payload; Slack leaves out `response_url` for actions inside views. */
export type BlockActionPayload = Omit<BlockAction, 'response_url'> & { response_url?: string };

function findElement(blocks: readonly unknown[], actionId: string, blockId?: string) {
  for (const block of blocks.filter(isRecord)) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    const elements = [
      block.accessory,
      block.element,
      ...(Array.isArray(block.elements) ? block.elements : []),
    ];
    const element = elements.filter(isRecord).find((e) => e.action_id === actionId);
    if (element) return { element, blockId: String(block.block_id ?? '') };
  }
  return undefined;
}

/** The `actions[0]` entry Slack sends for an element and the person's choice. */
function actionFor(
  element: Json,
  blockId: string,
  value: string | readonly string[] | undefined,
  ts: string,
): BlockElementAction {
  const base = { block_id: blockId, action_id: String(element.action_id), action_ts: ts };
  const one = typeof value === 'string' ? value : value?.[0];
  const many = value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
  const need = (what: string) => {
    if (one === undefined) throw new Error(`Element ${base.action_id} needs a value: ${what}`);
    return one;
  };
  const chosen = () => findOption(element, need('an option value'));
  const chosenAll = () => many.map((v) => findOption(element, v));
  switch (element.type) {
    case 'button':
      return {
        type: 'button',
        ...base,
        text: {
          type: 'plain_text',
          text: isRecord(element.text) ? String(element.text.text) : '',
          emoji: true,
        },
        ...(typeof element.value === 'string' && { value: element.value }),
      };
    case 'static_select':
      return { type: 'static_select', ...base, selected_option: chosen() };
    case 'overflow':
      return { type: 'overflow', ...base, selected_option: chosen() };
    case 'radio_buttons':
      return { type: 'radio_buttons', ...base, selected_option: chosen() };
    case 'multi_static_select':
      return { type: 'multi_static_select', ...base, selected_options: chosenAll() };
    case 'checkboxes':
      return { type: 'checkboxes', ...base, selected_options: chosenAll() };
    case 'users_select':
      return { type: 'users_select', ...base, selected_user: need('a user id') };
    case 'datepicker':
      return { type: 'datepicker', ...base, selected_date: need('a date as YYYY-MM-DD') };
    case 'timepicker':
      return { type: 'timepicker', ...base, selected_time: need('a time as HH:mm') };
    case 'plain_text_input':
      return { type: 'plain_text_input', ...base, value: one ?? '' };
    default:
      throw new Error(`The stand-in cannot act on a ${String(element.type)} element`);
  }
}

/** Builds a block_actions payload for an element the person can see. */
export function blockActionPayload(ctx: MethodContext, input: BlockActionInput): BlockActionPayload {
  const base = {
    type: 'block_actions' as const,
    user: actor(ctx, input.userId),
    api_app_id: ctx.state.workspace.appId,
    token: VERIFICATION_TOKEN,
    team: teamRef(ctx),
    is_enterprise_install: false,
  };
  if (input.viewId !== undefined) {
    const view: ViewOutput | undefined = ctx.state.views.get(input.viewId);
    if (!view) throw new Error(`No view ${input.viewId} is open`);
    const found = findElement(view.blocks, input.actionId, input.blockId);
    if (!found) throw new Error(`View ${view.id} has no element with action_id ${input.actionId}`);
    return {
      ...base,
      container: { type: 'view', view_id: view.id },
      trigger_id: ctx.state.issueTrigger(input.userId, ctx.now, view.id),
      view,
      state: view.state,
      actions: [actionFor(found.element, found.blockId, input.value, actionTs(ctx))],
    };
  }
  if (!input.message) throw new Error('A block action needs a message ({ channel, ts }) or a viewId');
  const channel = conversation(ctx, input.message.channel);
  const message: StoredMessage | undefined = ctx.state.messages.find(
    (m) => m.channel === channel.id && m.ts === input.message?.ts,
  );
  if (!message || (message.ephemeral && message.ephemeralTo !== input.userId))
    throw new Error(`User ${input.userId} sees no message ${input.message.ts} in ${channel.id}`);
  const found = findElement(message.blocks ?? [], input.actionId, input.blockId);
  if (!found) throw new Error(`Message ${message.ts} has no element with action_id ${input.actionId}`);
  return {
    ...base,
    container: {
      type: 'message',
      message_ts: message.ts,
      channel_id: channel.id,
      is_ephemeral: message.ephemeral,
    },
    trigger_id: ctx.state.issueTrigger(input.userId, ctx.now),
    channel: { id: channel.id, name: channelName(channel) },
    // Slack leaves the message out for ephemeral messages; only the container points at it.
    ...(!message.ephemeral && { message: { ...toWire(message, true), type: 'message', ts: message.ts } }),
    state: { values: {} },
    response_url: registerResponseUrl(ctx, {
      channel: channel.id,
      userId: input.userId,
      original: { channel: channel.id, ts: message.ts },
    }),
    actions: [actionFor(found.element, found.blockId, input.value, actionTs(ctx))],
  };
}

import { randomBytes } from 'node:crypto';
import { withIds } from './block-ids.js';
import { isRecord } from './json.js';
import { contentProblem, hasContent, storeMessage } from './message-content.js';
import type { MethodContext } from './methods/common.js';
import type { ResponseUrlRecord } from './state.js';
import type { RecordedResponse, ResponseEffect, StoredMessage } from './types.js';

/** A response_url takes at most this many POSTs… */
export const RESPONSE_URL_MAX_USES = 5;
/** …within this long after the interaction. */
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;

/** Creates a response_url on the stand-in for an interaction in `channel` by `userId`. */
export function registerResponseUrl(
  ctx: MethodContext,
  record: Omit<ResponseUrlRecord, 'createdAt' | 'uses'>,
): string {
  const id = randomBytes(12).toString('hex');
  ctx.state.responseUrls.set(id, { ...record, createdAt: ctx.now, uses: 0 });
  return `${ctx.baseUrl}/commands/${ctx.state.workspace.teamId}/${id}`;
}

type Outcome = { status: number; body: unknown; effect: ResponseEffect; message?: StoredMessage };

const refuse = (status: number, error: string, messages?: string[]): Outcome => ({
  status,
  body: messages ? { ok: false, error, response_metadata: { messages } } : { ok: false, error },
  effect: 'rejected',
});

function apply(ctx: MethodContext, record: ResponseUrlRecord, body: Record<string, unknown>): Outcome {
  const { state } = ctx;
  const original = record.original
    ? state.messages.find((m) => m.channel === record.original?.channel && m.ts === record.original.ts)
    : undefined;
  if (body.delete_original === true || body.delete_original === 'true') {
    if (!original) return refuse(404, 'message_not_found');
    state.messages = state.messages.filter((m) => m !== original);
    return { status: 200, body: { ok: true }, effect: 'deleted', message: original };
  }
  if (!hasContent(body)) return refuse(400, 'no_text');
  const problem = contentProblem(body);
  if (problem) return refuse(400, problem.error, problem.messages);
  const text = typeof body.text === 'string' ? body.text : '';
  const blocks = Array.isArray(body.blocks) ? body.blocks : undefined;
  if ((body.replace_original === true || body.replace_original === 'true') && original) {
    original.text = text;
    if (blocks) original.blocks = withIds(blocks);
    else delete original.blocks;
    return { status: 200, body: { ok: true }, effect: 'replaced', message: original };
  }
  const inChannel = body.response_type === 'in_channel';
  const message = storeMessage(state, ctx.now, {
    channel: record.channel,
    text,
    ...(blocks && { blocks }),
    ...(typeof body.thread_ts === 'string' && { threadTs: body.thread_ts }),
    ...(!inChannel && { ephemeralTo: record.userId }),
  });
  return { status: 200, body: { ok: true }, effect: inChannel ? 'in_channel' : 'ephemeral', message };
}

/** Shows the message an app put in a slash command's ack, as Slack does: to the person, or in the channel. */
export function showCommandAck(
  ctx: MethodContext,
  channel: string,
  userId: string,
  ackBody: unknown,
): StoredMessage | undefined {
  const body = typeof ackBody === 'string' && ackBody !== '' ? { text: ackBody } : ackBody;
  if (!isRecord(body)) return undefined;
  return apply(ctx, { channel, userId, createdAt: ctx.now, uses: 0 }, body).message;
}

/** Handles an app's POST to a response_url: at most 5 uses in 30 minutes, honouring the reply's flags. */
export function answerResponseUrl(ctx: MethodContext, id: string, url: string, body: unknown): Outcome {
  const record = ctx.state.responseUrls.get(id);
  let outcome: Outcome;
  if (!record) outcome = refuse(404, 'no_service');
  else if (ctx.now - record.createdAt > RESPONSE_URL_TTL_MS) outcome = refuse(404, 'expired_url');
  else if (record.uses >= RESPONSE_URL_MAX_USES) outcome = refuse(404, 'used_url');
  else if (!isRecord(body)) {
    record.uses += 1;
    outcome = refuse(400, 'invalid_payload');
  } else {
    record.uses += 1;
    outcome = apply(ctx, record, body);
  }
  const recorded: RecordedResponse = {
    url,
    body,
    status: outcome.status,
    effect: outcome.effect,
    at: ctx.now,
    ...(outcome.message && { message: outcome.message }),
  };
  ctx.state.responses.push(recorded);
  return outcome;
}

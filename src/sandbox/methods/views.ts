import type { ViewOutput } from '@slack/bolt';
import { z } from 'zod';
import { checkView, LIMITS } from '../../blocks/limits.js';
import type { Json } from '../json.js';
import type { StackRecord, TriggerRecord } from '../state.js';
import type { Reply } from '../types.js';
import { materialize, replaceContent } from '../view-model.js';
import { fail, type MethodContext, type MethodHandler, ok, withArgs } from './common.js';

/** How long a trigger_id stays exchangeable. */
export const TRIGGER_TTL_MS = 3000;
/** How many views one modal may hold. */
export const MAX_VIEW_STACK = 3;

/** A trigger that may still be exchanged, or the error Slack gives; it is not spent yet. */
function usableTrigger(id: string, ctx: MethodContext): TriggerRecord | Reply {
  const trigger = ctx.state.triggers.get(id);
  if (!trigger) return fail('invalid_trigger_id');
  if (trigger.used) return fail('exchanged_trigger_id');
  if (ctx.now - trigger.issuedAt > TRIGGER_TTL_MS) return fail('expired_trigger_id');
  return trigger;
}

const isTrigger = (value: TriggerRecord | Reply): value is TriggerRecord => 'issuedAt' in value;

/** Why a view would be refused: too large, not of the expected type, or outside Block Kit's limits. */
function viewError(view: unknown, type: 'modal' | 'home', ctx: MethodContext, selfId?: string) {
  if (typeof view !== 'object' || view === null) return fail('invalid_arguments', ['[ERROR] missing view']);
  if (Buffer.byteLength(JSON.stringify(view)) > LIMITS.viewPayloadBytes) return fail('view_too_large');
  const kind = (view as Json).type;
  if (kind !== type)
    return fail('invalid_arguments', [`[ERROR] view.type must be '${type}' [json-pointer:/view/type]`]);
  const check = checkView(view);
  if (!check.ok)
    return fail(
      'invalid_arguments',
      check.problems.map((p) => `[ERROR] view.${p}`),
    );
  const externalId = (view as Json).external_id;
  if (typeof externalId === 'string') {
    for (const other of ctx.state.views.values())
      if (other.external_id === externalId && other.id !== selfId) return fail('duplicate_external_id');
  }
  return undefined;
}

const viewArgs = { trigger_id: z.string().default(''), view: z.unknown() };

const open = withArgs(z.looseObject(viewArgs), (args, ctx) => {
  const trigger = usableTrigger(args.trigger_id, ctx);
  if (!isTrigger(trigger)) return trigger;
  const problem = viewError(args.view, 'modal', ctx);
  if (problem) return problem;
  trigger.used = true;
  const view = materialize(args.view as Json, ctx.state.workspace, ctx.now);
  ctx.state.views.set(view.id, view);
  ctx.state.stacks.push({
    userId: trigger.userId,
    rootViewId: view.id,
    viewIds: [view.id],
    errors: {},
    ackProblems: [],
  });
  return ok({ view });
});

/** The modal an interaction's trigger belongs to: the view it came from, else the person's newest modal. */
function stackFor(trigger: TriggerRecord, ctx: MethodContext): StackRecord | undefined {
  const fromView = trigger.viewId === undefined ? undefined : ctx.state.stackOf(trigger.viewId);
  return fromView ?? ctx.state.stacks.findLast((s) => s.userId === trigger.userId);
}

const push = withArgs(z.looseObject(viewArgs), (args, ctx) => {
  const trigger = usableTrigger(args.trigger_id, ctx);
  if (!isTrigger(trigger)) return trigger;
  const stack = stackFor(trigger, ctx);
  if (!stack) return fail('not_found', ['[ERROR] no modal is open for this trigger to push onto']);
  if (stack.viewIds.length >= MAX_VIEW_STACK) return fail('push_limit_reached');
  const problem = viewError(args.view, 'modal', ctx);
  if (problem) return problem;
  trigger.used = true;
  const view = materialize(args.view as Json, ctx.state.workspace, ctx.now, {
    rootViewId: stack.rootViewId,
    previousViewId: stack.viewIds.at(-1) ?? null,
  });
  ctx.state.views.set(view.id, view);
  stack.viewIds.push(view.id);
  return ok({ view });
});

function findView(
  args: { view_id?: string | undefined; external_id?: string | undefined },
  ctx: MethodContext,
) {
  if (args.view_id) return ctx.state.views.get(args.view_id);
  if (args.external_id)
    return [...ctx.state.views.values()].find((v: ViewOutput) => v.external_id === args.external_id);
  return undefined;
}

const update = withArgs(
  z.looseObject({
    view: z.unknown(),
    view_id: z.string().optional(),
    external_id: z.string().optional(),
    hash: z.string().optional(),
  }),
  (args, ctx) => {
    if (!args.view_id && !args.external_id)
      return fail('invalid_arguments', ['[ERROR] either view_id or external_id is required']);
    const current = findView(args, ctx);
    if (!current) return fail('not_found');
    if (args.hash !== undefined && args.hash !== current.hash) return fail('hash_conflict');
    const problem = viewError(args.view, current.type === 'home' ? 'home' : 'modal', ctx, current.id);
    if (problem) return problem;
    const view = replaceContent(current, args.view as Json, ctx.state.workspace, ctx.now);
    ctx.state.views.set(view.id, view);
    return ok({ view });
  },
);

const publish = withArgs(
  z.looseObject({ user_id: z.string().default(''), view: z.unknown(), hash: z.string().optional() }),
  (args, ctx) => {
    if (!ctx.state.users.has(args.user_id)) return fail('user_not_found');
    const currentId = ctx.state.homes.get(args.user_id);
    const current = currentId === undefined ? undefined : ctx.state.views.get(currentId);
    if (args.hash !== undefined && current && args.hash !== current.hash) return fail('hash_conflict');
    const problem = viewError(args.view, 'home', ctx, current?.id);
    if (problem) return problem;
    const view = current
      ? replaceContent(current, args.view as Json, ctx.state.workspace, ctx.now)
      : materialize(args.view as Json, ctx.state.workspace, ctx.now);
    ctx.state.views.set(view.id, view);
    ctx.state.homes.set(args.user_id, view.id);
    return ok({ view });
  },
);

/** views.* methods. */
export const viewMethods: Record<string, MethodHandler> = {
  'views.open': open,
  'views.push': push,
  'views.update': update,
  'views.publish': publish,
};

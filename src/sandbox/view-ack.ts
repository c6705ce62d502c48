import { checkView } from '../blocks/limits.js';
import { isRecord } from './json.js';
import type { MethodContext } from './methods/common.js';
import { MAX_VIEW_STACK } from './methods/views.js';
import type { StackRecord } from './state.js';
import type { AppReply } from './types.js';
import { materialize, replaceContent } from './view-model.js';

/** How long Slack waits for an app to acknowledge an interaction. */
export const ACK_TIMEOUT_MS = 3000;

/** Closes the top view of a modal, or the whole modal when `all`. */
export function closeViews(ctx: MethodContext, stack: StackRecord, all: boolean): void {
  const closing = all ? stack.viewIds : stack.viewIds.slice(-1);
  for (const id of closing) ctx.state.views.delete(id);
  stack.viewIds = all ? [] : stack.viewIds.slice(0, -1);
  if (stack.viewIds.length === 0) ctx.state.stacks = ctx.state.stacks.filter((s) => s !== stack);
}

/** Applies an app's answer to a view_submission to the open modal, the way Slack's client would. */
export function applySubmissionAck(ctx: MethodContext, viewId: string, reply: AppReply): void {
  const stack = ctx.state.stackOf(viewId);
  if (!stack) return;
  stack.errors = {};
  stack.ackProblems = [];
  if (reply.status !== 200) {
    stack.ackProblems = [
      `the app answered HTTP ${reply.status}; Slack shows "We had some trouble connecting"`,
    ];
    return;
  }
  if (reply.elapsedMs > ACK_TIMEOUT_MS) {
    stack.ackProblems = [
      `the app took ${Math.round(reply.elapsedMs)} ms to answer; Slack gives up after 3000 ms`,
    ];
    return;
  }
  const body = isRecord(reply.body) ? reply.body : {};
  const view = isRecord(body.view) ? body.view : undefined;
  const invalid = view && checkView(view);
  if (invalid && !invalid.ok) {
    stack.ackProblems = invalid.problems;
    return;
  }
  switch (body.response_action) {
    case undefined:
      closeViews(ctx, stack, false);
      return;
    case 'clear':
      closeViews(ctx, stack, true);
      return;
    case 'errors':
      recordErrors(ctx, stack, viewId, body.errors);
      return;
    case 'update': {
      const current = ctx.state.views.get(viewId);
      if (current && view)
        ctx.state.views.set(viewId, replaceContent(current, view, ctx.state.workspace, ctx.now));
      return;
    }
    case 'push': {
      if (!view) return;
      if (stack.viewIds.length >= MAX_VIEW_STACK) {
        stack.ackProblems = ['push_limit_reached: a modal holds at most 3 views'];
        return;
      }
      const pushed = materialize(view, ctx.state.workspace, ctx.now, {
        rootViewId: stack.rootViewId,
        previousViewId: stack.viewIds.at(-1) ?? null,
      });
      ctx.state.views.set(pushed.id, pushed);
      stack.viewIds.push(pushed.id);
      return;
    }
    default:
      stack.ackProblems = [`unknown response_action ${String(body.response_action)}`];
  }
}

function recordErrors(ctx: MethodContext, stack: StackRecord, viewId: string, errors: unknown): void {
  if (!isRecord(errors)) {
    stack.ackProblems = ['response_action errors needs an errors object keyed by block_id'];
    return;
  }
  const blocks: readonly unknown[] = ctx.state.views.get(viewId)?.blocks ?? [];
  const inputs = new Set(
    blocks
      .filter(isRecord)
      .filter((b) => b.type === 'input')
      .map((b) => b.block_id),
  );
  for (const [blockId, message] of Object.entries(errors)) {
    if (!inputs.has(blockId)) stack.ackProblems.push(`errors names ${blockId}, which is not an input block`);
    else stack.errors[blockId] = String(message);
  }
}

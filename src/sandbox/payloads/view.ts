import type { ViewClosedAction, ViewOutput, ViewSubmitAction } from '@slack/bolt';
import { checkView } from '../../blocks/limits.js';
import { isRecord, type Json } from '../json.js';
import type { MethodContext } from '../methods/common.js';
import { personUpload } from '../methods/files.js';
import { materialize } from '../view-model.js';
import { type FieldValue, submissionState } from '../view-state.js';
import { actor, teamRef, VERIFICATION_TOKEN } from './common.js';

/** Which view a person acts on: an open view's id, a view object the app built, or (omitted) their newest modal. */
export type ViewRef = string | Json | undefined;

/** Finds the view a submission or close refers to. */
export function resolveView(ctx: MethodContext, userId: string, ref: ViewRef): ViewOutput {
  if (typeof ref === 'string') {
    const view = ctx.state.views.get(ref);
    if (!view) throw new Error(`No view ${ref} is open`);
    return view;
  }
  if (ref === undefined) {
    const stack = ctx.state.stacks.findLast((s) => s.userId === userId);
    const top = stack?.viewIds.at(-1);
    const view = top === undefined ? undefined : ctx.state.views.get(top);
    if (!view) throw new Error(`User ${userId} has no open modal`);
    return view;
  }
  if (typeof ref.id === 'string' && ctx.state.views.has(ref.id)) return resolveView(ctx, userId, ref.id);
  const check = checkView(ref);
  if (!check.ok) throw new Error(`Slack would not show this view:\n${check.problems.join('\n')}`);
  return materialize(ref, ctx.state.workspace, ctx.now);
}

/** A person submitting a modal with the given values, keyed by input block_id. */
export interface ViewSubmissionInput {
  userId: string;
  view?: ViewRef;
  values?: Readonly<Record<string, FieldValue>>;
}

/** Builds the view_submission payload, with `view.state.values` shaped per element type as Slack sends them. */
export function viewSubmissionPayload(ctx: MethodContext, input: ViewSubmissionInput): ViewSubmitAction {
  const view = resolveView(ctx, input.userId, input.view);
  const state = submissionState(view, input.values ?? {}, (file) => personUpload(ctx, input.userId, file));
  return {
    type: 'view_submission',
    team: teamRef(ctx),
    user: actor(ctx, input.userId),
    api_app_id: ctx.state.workspace.appId,
    token: VERIFICATION_TOKEN,
    trigger_id: ctx.state.issueTrigger(input.userId, ctx.now, view.id),
    view: { ...view, state },
    response_urls: [],
    is_enterprise_install: false,
  };
}

/** A person closing a modal; `isCleared` when the whole stack closes at once. */
export interface ViewClosedInput {
  userId: string;
  view?: ViewRef;
  isCleared?: boolean;
}

/** Builds the view_closed payload; Slack sends one only for views opened with `notify_on_close: true`. */
export function viewClosedPayload(ctx: MethodContext, input: ViewClosedInput): ViewClosedAction {
  const view = resolveView(ctx, input.userId, input.view);
  const asked = view.notify_on_close || (isRecord(input.view) && input.view.notify_on_close === true);
  if (!asked)
    throw new Error(`Slack sends view_closed only for views with notify_on_close: true (view ${view.id})`);
  return {
    type: 'view_closed',
    team: teamRef(ctx),
    user: actor(ctx, input.userId),
    view,
    api_app_id: ctx.state.workspace.appId,
    token: VERIFICATION_TOKEN,
    is_cleared: input.isCleared ?? false,
    is_enterprise_install: false,
  };
}

import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { onAction, onView, type RequestContext } from '../../slack/listener.js';
import {
  IMPORT_CALLBACK_ID,
  IMPORT_CANCEL_ACTION_ID,
  IMPORT_CONFIRM_ACTION_ID,
} from '../../views/import/ids.js';
import { parseImportSubmission } from '../../views/import/modal.js';
import type { CommandDeps } from '../types.js';
import { cancelImport, confirmImport, type PreviewClick } from './confirm.js';
import { previewImport } from './preview.js';

type ClickBody = BlockAction<ButtonAction>;

/** The preview message and pending file a button click refers to, or undefined when it is not one of ours. */
function clickOf(ctx: RequestContext, body: ClickBody, action: ButtonAction): PreviewClick | undefined {
  const channel = body.channel?.id ?? body.container.channel_id;
  const ts = body.message?.ts ?? body.container.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string' || action.value === undefined) return undefined;
  return {
    client: ctx.client,
    teamId: ctx.teamId,
    ...(ctx.enterpriseId ? { enterpriseId: ctx.enterpriseId } : {}),
    userId: ctx.userId,
    channel,
    ts,
    previewId: action.value,
  };
}

/** Registers the import modal's submission and the preview's Import and Cancel buttons. */
export function registerImport(app: App, deps: CommandDeps): void {
  onView(app, deps, IMPORT_CALLBACK_ID, {
    async check(_ctx, view) {
      const parsed = parseImportSubmission(view.state.values);
      return parsed.ok ? { ok: parsed.data } : { errors: parsed.errors };
    },
    // Downloading and checking the file takes longer than Slack's 3 seconds: the modal closes first.
    async after(ctx, submission) {
      if (!ctx.botToken) throw new Error('no bot token for this workspace');
      await previewImport(
        { client: ctx.client, token: ctx.botToken, teamId: ctx.teamId, userId: ctx.userId, submission },
        deps,
      );
    },
  });

  onAction<ButtonAction>(app, deps, IMPORT_CONFIRM_ACTION_ID, async (ctx, action, body) => {
    const click = clickOf(ctx, body, action);
    if (click === undefined) throw new Error('the Import button came without its message or preview id');
    if (!ctx.botToken) throw new Error('no bot token for this workspace');
    await confirmImport({ ...click, token: ctx.botToken }, deps);
  });

  onAction<ButtonAction>(app, deps, IMPORT_CANCEL_ACTION_ID, async (ctx, action, body) => {
    const click = clickOf(ctx, body, action);
    if (click === undefined) throw new Error('the Cancel button came without its message or preview id');
    await cancelImport(click, deps);
  });
}

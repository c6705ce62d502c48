import type { App, BlockAction, ButtonAction, ViewSubmitAction } from '@slack/bolt';
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

/** The workspace a request belongs to, as the slash command's handlers name it. */
const teamOf = (body: {
  team: { id: string } | null;
  user: { team_id?: string };
  enterprise?: { id: string } | null;
}): string => body.team?.id ?? body.user.team_id ?? body.enterprise?.id ?? '';

/** The preview message and pending file a button click refers to, or undefined when it is not one of ours. */
function clickOf(
  body: ClickBody,
  action: ButtonAction,
  client: PreviewClick['client'],
): PreviewClick | undefined {
  const channel = body.channel?.id ?? body.container.channel_id;
  const ts = body.message?.ts ?? body.container.message_ts;
  if (typeof channel !== 'string' || typeof ts !== 'string' || action.value === undefined) return undefined;
  return { client, teamId: teamOf(body), userId: body.user.id, channel, ts, previewId: action.value };
}

/** Registers the import modal's submission and the preview's Import and Cancel buttons. */
export function registerImport(app: App, deps: CommandDeps): void {
  app.view<ViewSubmitAction>(IMPORT_CALLBACK_ID, async ({ ack, body, view, client, context }) => {
    const parsed = parseImportSubmission(view.state.values);
    if (!parsed.ok) {
      await ack({ response_action: 'errors', errors: parsed.errors });
      return;
    }
    // Downloading and checking the file takes longer than Slack's 3 seconds: close the modal first.
    await ack();
    try {
      if (!context.botToken) throw new Error('no bot token for this workspace');
      await previewImport(
        {
          client,
          token: context.botToken,
          teamId: teamOf(body),
          userId: body.user.id,
          submission: parsed.data,
        },
        deps,
      );
    } catch (error) {
      deps.metrics.errors.inc({ source: IMPORT_CALLBACK_ID });
      deps.logger.error({ err: error }, 'import: could not preview the file');
    }
  });

  app.action<ClickBody>(IMPORT_CONFIRM_ACTION_ID, async ({ ack, body, action, client, context }) => {
    await ack();
    const click = clickOf(body, action, client);
    try {
      if (click === undefined) throw new Error('the Import button came without its message or preview id');
      if (!context.botToken) throw new Error('no bot token for this workspace');
      await confirmImport({ ...click, token: context.botToken }, deps);
    } catch (error) {
      deps.metrics.errors.inc({ source: IMPORT_CONFIRM_ACTION_ID });
      deps.logger.error({ err: error }, 'import: could not run or report the import');
    }
  });

  app.action<ClickBody>(IMPORT_CANCEL_ACTION_ID, async ({ ack, body, action, client }) => {
    await ack();
    const click = clickOf(body, action, client);
    try {
      if (click === undefined) throw new Error('the Cancel button came without its message or preview id');
      await cancelImport(click, deps);
    } catch (error) {
      deps.metrics.errors.inc({ source: IMPORT_CANCEL_ACTION_ID });
      deps.logger.error({ err: error }, 'import: could not cancel');
    }
  });
}

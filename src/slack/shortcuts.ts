import type { App, GlobalShortcut } from '@slack/bolt';
import { dispatch } from '../commands/index.js';
import { replyWithModal } from '../commands/reply.js';
import type { CommandDeps } from '../commands/types.js';

/** The global shortcut "Qualify a lead" (manifest.yml names the same id). */
export const QUALIFY_SHORTCUT_CALLBACK_ID = 'qualify_lead';

/** Registers the global shortcuts; they have no channel, so they answer in a modal. */
export function registerShortcuts(app: App, deps: CommandDeps): void {
  app.shortcut<GlobalShortcut>(QUALIFY_SHORTCUT_CALLBACK_ID, async ({ ack, shortcut, client }) => {
    await ack();
    await dispatch(
      { name: 'qualify', args: '' },
      {
        teamId: shortcut.team?.id ?? shortcut.enterprise?.id ?? '',
        userId: shortcut.user.id,
        triggerId: shortcut.trigger_id,
        args: '',
        client,
        reply: replyWithModal(client, shortcut.trigger_id),
      },
      deps,
    );
  });
}

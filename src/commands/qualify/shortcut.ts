import type { App, GlobalShortcut } from '@slack/bolt';
import { replyToFailure } from '../../slack/failure.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { loadWorkspace } from './context.js';
import { deliverToRep } from './deliver.js';
import { openQualifyModal } from './modal.js';

/** The global shortcut "Qualify a lead" (manifest.yml names the same id). */
export const QUALIFY_SHORTCUT_CALLBACK_ID = 'qualify_lead';

/** Registers the global shortcuts: "Qualify a lead" opens the qualify modal; with no channel, the scorecard goes to the DM. */
export function registerShortcuts(app: App, deps: CommandDeps): void {
  app.shortcut<GlobalShortcut>(QUALIFY_SHORTCUT_CALLBACK_ID, async ({ ack, shortcut, client }) => {
    await ack();
    const teamId = shortcut.team?.id ?? shortcut.enterprise?.id ?? '';
    const userId = shortcut.user.id;
    try {
      const workspace = await loadWorkspace(deps.store, teamId);
      await openQualifyModal(
        client,
        shortcut.trigger_id,
        {
          framework: workspace.choice.framework,
          frameworkReason: workspace.choice.reason,
          metadata: { framework: workspace.choice.framework },
        },
        `Run the shortcut again, or type \`${SLASH_COMMAND} qualify Acme\`.`,
      );
    } catch (error) {
      await replyToFailure(error, {
        reply: (m) => deliverToRep(client, deps.logger, { userId }, m),
        logger: deps.logger,
        metrics: deps.metrics,
        source: QUALIFY_SHORTCUT_CALLBACK_ID,
      });
    }
  });
}

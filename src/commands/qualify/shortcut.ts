import type { App } from '@slack/bolt';
import { onShortcut } from '../../slack/listener.js';
import { SLASH_COMMAND } from '../ids.js';
import type { CommandDeps } from '../types.js';
import { loadWorkspace } from './context.js';
import { openQualifyModal } from './modal.js';

/** The global shortcut "Qualify a lead" (manifest.yml names the same id). */
export const QUALIFY_SHORTCUT_CALLBACK_ID = 'qualify_lead';

/** "Qualify a lead" opens the qualify modal; with no channel, the scorecard goes to the DM. */
export function registerQualifyShortcut(app: App, deps: CommandDeps): void {
  onShortcut(app, deps, QUALIFY_SHORTCUT_CALLBACK_ID, async (ctx, shortcut) => {
    const workspace = await loadWorkspace(deps.store, ctx.teamId);
    await openQualifyModal(
      ctx.client,
      shortcut.trigger_id,
      {
        framework: workspace.choice.framework,
        frameworkReason: workspace.choice.reason,
        metadata: { framework: workspace.choice.framework },
      },
      `Run the shortcut again, or type \`${SLASH_COMMAND} qualify Acme\`.`,
    );
  });
}

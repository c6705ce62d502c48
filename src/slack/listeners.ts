import type { App } from '@slack/bolt';
import { register as registerCommands } from '../commands/index.js';
import type { CommandDeps } from '../commands/types.js';
import { registerEventDedupe } from './dedupe.js';
import { registerHome } from './home.js';
import { registerIntakePlaceholder } from './intake-placeholder.js';
import { registerShortcuts } from './shortcuts.js';
import { registerUninstall } from './uninstall.js';

/** Registers every listener: event dedupe, `/sales-ops`, buttons, shortcuts, the intake step, Home, uninstall. */
export function registerListeners(app: App, deps: CommandDeps): void {
  registerEventDedupe(app, deps);
  registerCommands(app, deps);
  registerShortcuts(app, deps);
  // Goes with openIntakePlaceholder; both make way for the multi-step intake modal.
  registerIntakePlaceholder(app, deps);
  registerHome(app, deps);
  registerUninstall(app, deps);
}

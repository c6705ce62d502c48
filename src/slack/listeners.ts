import type { App } from '@slack/bolt';
import { registerIcp } from '../commands/icp/register.js';
import { register as registerCommands } from '../commands/index.js';
import type { CommandDeps } from '../commands/types.js';
import { registerEventDedupe } from './dedupe.js';
import { registerHome } from './home.js';
import { registerImport } from './import.js';
import { registerIntake } from './intake.js';
import { registerQualify } from './qualify.js';
import { registerFollowups } from './sequence-register.js';
import { registerShortcuts } from './shortcuts.js';
import { registerUninstall } from './uninstall.js';

/** Registers every listener: event dedupe, `/sales-ops`, buttons, shortcuts, the intake modal, Home, uninstall. */
export function registerListeners(app: App, deps: CommandDeps): void {
  registerEventDedupe(app, deps);
  registerCommands(app, deps);
  registerShortcuts(app, deps);
  registerQualify(app, deps);
  registerFollowups(app, deps);
  registerIntake(app, deps);
  registerImport(app, deps);
  registerIcp(app, deps);
  registerHome(app, deps);
  registerUninstall(app, deps);
}

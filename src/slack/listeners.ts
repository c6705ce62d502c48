import type { App } from '@slack/bolt';
import { registerIcp } from '../commands/icp/register.js';
import { registerImport } from '../commands/import/register.js';
import { register as registerCommands } from '../commands/index.js';
import { registerIntake } from '../commands/intake/register.js';
import { registerQualify } from '../commands/qualify/register.js';
import { registerShortcuts } from '../commands/qualify/shortcut.js';
import { registerFollowups } from '../commands/sequence/register.js';
import type { CommandDeps } from '../commands/types.js';
import { registerEventDedupe } from './dedupe.js';
import { registerHome } from './home.js';
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

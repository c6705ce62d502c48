import type { App } from '@slack/bolt';
import { registerAlerts } from '../commands/alerts/index.js';
import { registerIcp } from '../commands/icp/index.js';
import { registerImport } from '../commands/import/index.js';
import { register as registerCommands } from '../commands/index.js';
import { registerIntake } from '../commands/intake/index.js';
import { registerQualify } from '../commands/qualify/index.js';
import { registerFollowups } from '../commands/sequence/index.js';
import type { CommandDeps } from '../commands/types.js';
import type { AfterAck } from './after-ack.js';
import { registerEventDedupe } from './dedupe.js';
import { registerHome } from './home.js';
import { registerUninstall } from './uninstall.js';

/** Registers every listener: event dedupe, `/sales-ops`, each feature's buttons and modals, Home, uninstall. */
export function registerListeners(app: App, deps: CommandDeps & { afterAck: AfterAck }): void {
  registerEventDedupe(app, deps);
  registerCommands(app, deps);
  registerQualify(app, deps);
  registerFollowups(app, deps);
  registerIntake(app, deps);
  registerImport(app, deps);
  registerIcp(app, deps);
  registerAlerts(app, deps);
  registerHome(app, deps);
  registerUninstall(app, deps);
}

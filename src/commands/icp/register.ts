import type { App } from '@slack/bolt';
import type { CommandDeps } from '../types.js';
import { registerIcpActions } from './actions.js';
import { registerIcpSubmissions } from './submit.js';
import { registerIcpThread } from './thread.js';

/** Registers the ICP card's buttons and menus, its modal, and suggestions from its thread. */
export function registerIcp(app: App, deps: CommandDeps): void {
  registerIcpActions(app, deps);
  registerIcpSubmissions(app, deps);
  registerIcpThread(app, deps);
}

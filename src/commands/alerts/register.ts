import type { App } from '@slack/bolt';
import type { CommandDeps } from '../types.js';
import { registerAlertActions } from './actions.js';
import { registerAlertSnooze } from './snooze.js';

/** Registers the alert messages' buttons and menu, "Show all", the rule toggles and the snooze modal. */
export function registerAlerts(app: App, deps: CommandDeps): void {
  registerAlertActions(app, deps);
  registerAlertSnooze(app, deps);
}

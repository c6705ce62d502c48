import type { App } from '@slack/bolt';
import type { CommandDeps } from '../types.js';
import { registerScorecardActions } from './actions.js';
import { registerQualifyShortcut } from './shortcut.js';
import { registerQualifyViews } from './submit.js';

/** Registers the qualification flow: the "Qualify a lead" shortcut, its modals and the scorecard's controls. */
export function registerQualify(app: App, deps: CommandDeps): void {
  registerQualifyShortcut(app, deps);
  registerQualifyViews(app, deps);
  registerScorecardActions(app, deps);
}

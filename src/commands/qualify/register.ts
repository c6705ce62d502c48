import type { App } from '@slack/bolt';
import type { CommandDeps } from '../commands/types.js';
import { registerScorecardActions } from './qualify-actions.js';
import { registerQualifyViews } from './qualify-views.js';

/** Registers the qualification flow's modals and the scorecard's controls. */
export function registerQualify(app: App, deps: CommandDeps): void {
  registerQualifyViews(app, deps);
  registerScorecardActions(app, deps);
}

import type { App } from '@slack/bolt';
import type { CommandDeps } from '../types.js';
import { registerScorecardActions } from './actions.js';
import { registerQualifyViews } from './submit.js';

/** Registers the qualification flow's modals and the scorecard's controls. */
export function registerQualify(app: App, deps: CommandDeps): void {
  registerQualifyViews(app, deps);
  registerScorecardActions(app, deps);
}

import type { App } from '@slack/bolt';
import type { CommandDeps } from '../types.js';
import { registerSequenceActions } from './actions.js';
import { registerSequenceEditor } from './editor.js';
import { registerReminderActions } from './reminder-actions.js';

/** Registers the follow-up listeners: the sequence list and editor, the scorecard's start button, the reminder DM. */
export function registerFollowups(app: App, deps: CommandDeps): void {
  registerSequenceActions(app, deps);
  registerSequenceEditor(app, deps);
  registerReminderActions(app, deps);
}

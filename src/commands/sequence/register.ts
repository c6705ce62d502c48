import type { App } from '@slack/bolt';
import type { CommandDeps } from '../commands/types.js';
import { registerReminderActions } from './reminder-actions.js';
import { registerSequenceActions } from './sequence-actions.js';
import { registerSequenceEditor } from './sequence-editor.js';

/** Registers the follow-up listeners: the sequence list and editor, the scorecard's start button, the reminder DM. */
export function registerFollowups(app: App, deps: CommandDeps): void {
  registerSequenceActions(app, deps);
  registerSequenceEditor(app, deps);
  registerReminderActions(app, deps);
}

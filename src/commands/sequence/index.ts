/** Follow-up sequences: `/sales-ops sequence` and `ooo`, the editor, reminders with snooze, and the Home list. */
export { sequence } from './command.js';
export { homeFollowups } from './home.js';
export { ooo } from './ooo.js';
export { registerFollowups } from './register.js';

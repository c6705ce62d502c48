/** Help: the usage message, the quick action buttons, and suggestions for a word the router did not know. */
export { help, quickActionsBlock, USAGE_LINES, usageMessage } from './command.js';
export { suggestionMessage } from './suggest.js';

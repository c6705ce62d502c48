/** The qualify feature: `/sales-ops qualify`, the qualify modal and shortcut, the scorecard's controls. */
export { qualify } from './command.js';
export { registerQualify } from './register.js';

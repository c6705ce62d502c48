/** The digest feature: `/sales-ops digest`, its schedule and "post now". */
export { digest } from './command.js';

import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops sequence`: follow-up sequences: design or pick one, enrol a lead, list or stop enrolments. Not built yet, so it says so. */
export const sequence: CommandHandler = comingSoon('Follow-up sequences', 'sequence');

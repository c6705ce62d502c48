import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops qualify`: a qualification scorecard for a lead, with inline answers such as `budget=50k`. Not built yet, so it says so. */
export const qualify: CommandHandler = comingSoon('Lead qualification', 'qualify');

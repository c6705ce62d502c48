import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops ooo`: `ooo until DATE`: moves the rep's due follow-ups past an absence. Not built yet, so it says so. */
export const ooo: CommandHandler = comingSoon('Out of office', 'ooo');

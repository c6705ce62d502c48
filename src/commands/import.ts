import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops import`: importing a CRM export (CSV) through a file input in a modal. Not built yet, so it says so. */
export const importCsv: CommandHandler = comingSoon('CRM import', 'import');

import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops icp`: the team's collaborative ICP draft. Not built yet, so it says so. */
export const icp: CommandHandler = comingSoon('The shared ICP draft', 'icp');

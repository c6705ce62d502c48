import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops digest`: the weekly digest of this channel: show, create, change, pause or remove it. Not built yet, so it says so. */
export const digest: CommandHandler = comingSoon('The weekly digest', 'digest');

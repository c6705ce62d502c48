import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops pipeline`: pipeline design: stages, exit criteria, probabilities, funnel and bottlenecks. Not built yet, so it says so. */
export const pipeline: CommandHandler = comingSoon('Pipeline design', 'pipeline');

import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops abtest`: the results of the follow-up template A/B tests. Not built yet, so it says so. */
export const abtest: CommandHandler = comingSoon('A/B test results', 'abtest');

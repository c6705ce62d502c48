import { comingSoon } from './coming-soon.js';
import type { CommandHandler } from './types.js';

/** `/sales-ops crm`: the CRM structure: fields, automation, hygiene rules, integration mapping and an export. Not built yet, so it says so. */
export const crm: CommandHandler = comingSoon('The CRM spec', 'crm');

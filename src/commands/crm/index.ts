/** The CRM feature: `/sales-ops crm`, the CRM spec and its import files. */
export { crm } from './command.js';

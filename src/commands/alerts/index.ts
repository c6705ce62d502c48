/** Deal alerts: `/sales-ops alerts` and `quota`, the alert messages' buttons, and the snooze modal. */
export { alerts } from './command.js';
export { quota } from './quota.js';
export { registerAlerts } from './register.js';
export { queueImportAlerts, scheduleDailyAlerts } from './service.js';

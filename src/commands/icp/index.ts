/** The ICP feature: `/sales-ops icp`, its card, modal and thread, and the team ICP other features score against. */
export { icp } from './command.js';
export { fitBlocks, type ReferenceIcp, referenceIcp, takeCompanyFacts } from './fit.js';
export { icpHomeItems } from './home.js';
export { profileOverwriteRefusal, withFinalIcp } from './permission.js';
export { registerIcp } from './register.js';
export { isWorkspaceAdmin } from './service.js';
export { icpForFit, type TeamIcp, teamIcp } from './team-icp.js';

import { benchImportMemory } from './import-memory.js';
import { benchTeamMemory } from './team-memory.js';

await benchImportMemory();
// Needs Redis (REDIS_URL, or REDIS_CLUSTER_NODES for a cluster).
await benchTeamMemory();

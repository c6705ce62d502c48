import { benchImportMemory } from './import-memory.js';
import { benchReport } from './report.js';
import { benchTeamMemory } from './team-memory.js';

await benchImportMemory();
// Needs Redis (REDIS_URL, or REDIS_CLUSTER_NODES for a cluster).
await benchTeamMemory();
// Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and Redis.
await benchReport();

import { benchAck } from './ack.js';
import { benchEnrolment } from './enrolment.js';
import { benchFanout } from './fanout.js';
import { benchImportMemory } from './import-memory.js';
import { benchLateness } from './lateness.js';
import { benchReport } from './report.js';
import { benchTeamMemory } from './team-memory.js';

// `npm run bench -- --quick` runs the ack, enrolment, lateness and fan-out benchmarks at a smaller size.
await benchImportMemory();
// Needs Redis (REDIS_URL, or REDIS_CLUSTER_NODES for a cluster).
await benchTeamMemory();
// Needs PostgreSQL on 127.0.0.1:5432 (trust auth, user postgres) and Redis.
await benchReport();
await benchAck();
await benchEnrolment();
await benchLateness();
await benchFanout();

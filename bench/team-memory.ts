import { randomBytes } from 'node:crypto';
import { loadToolConfig } from '../src/config.js';
import { DEFAULT_SEQUENCE } from '../src/engines/optimizer/index.js';
import { designStages } from '../src/engines/pipeline/index.js';
import { enrol } from '../src/jobs/enrol.js';
import { createFollowups } from '../src/jobs/followups.js';
import { createQueues, queuePrefix } from '../src/jobs/queues.js';
import { openRedis, redisTarget } from '../src/redis.js';
import { type RedisClient, scanKeys, unlinkEach } from '../src/redis-client.js';
import { createStore } from '../src/store/index.js';

const TEAM = 'T0BENCH001';
const LEADS = 500;
const DEALS = 20_000;

/** Bytes Redis spends on the keys matching `pattern` (MEMORY USAGE, which counts each key's overhead). */
async function bytesUnder(redis: RedisClient, pattern: string): Promise<{ keys: string[]; bytes: number }> {
  const keys: string[] = [];
  for await (const batch of scanKeys(redis, pattern)) keys.push(...batch);
  let bytes = 0;
  for (const key of keys) bytes += Number((await redis.memory('USAGE', key, 'SAMPLES', '0')) ?? 0);
  return { keys, bytes };
}

/**
 * Redis memory of one team: `LEADS` qualified leads each enrolled in the default 5-step sequence (with
 * their reminder jobs), and an import of `DEALS` deals. Runs on REDIS_URL or REDIS_CLUSTER_NODES.
 */
export async function benchTeamMemory(): Promise<void> {
  const target = redisTarget(loadToolConfig());
  const redis = openRedis(target, { maxRetriesPerRequest: 2 });
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const store = createStore(redis, { prefix });
  const queues = createQueues(redis, queuePrefix(prefix));
  const followups = createFollowups({ redis, keys: store.keys, queues });
  const now = new Date();
  try {
    for (let i = 0; i < LEADS; i++) {
      const { lead } = await store.leads.qualify(TEAM, {
        company: `Company ${i}`,
        contact: `Contact ${i}`,
        framework: 'bant',
        answers: { budget: { level: 'confirmed', evidence: 'Budget $50,000 approved' } },
        score: 3,
        maxScore: 4,
        verdict: 'qualified',
        by: `U0REP${i % 20}`,
        at: now,
        firstStage: 'Lead',
      });
      await enrol(followups, {
        teamId: TEAM,
        leadId: lead.id,
        leadName: lead.company,
        ownerId: lead.ownerId,
        enrolledBy: lead.ownerId,
        sequence: DEFAULT_SEQUENCE,
        now,
        timezone: 'America/New_York',
      });
    }
    const teamBefore = await bytesUnder(redis, `${prefix}:*`);
    const jobs = await bytesUnder(redis, `${queuePrefix(prefix)}:*`);
    const staged = store.deals.startImport(TEAM);
    const stages = ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation'];
    for (let start = 0; start < DEALS; start += 1000) {
      await staged.write(
        Array.from({ length: 1000 }, (_, n) => {
          const stage = stages[(start + n) % stages.length] ?? 'Lead';
          return {
            id: String(100000 + start + n),
            stage,
            status: 'open' as const,
            amount: 500 + ((start + n) % 97) * 150,
            account: `Account ${(start + n) % 3000}`,
            owner: `Rep ${(start + n) % 40}`,
            createdAt: '2026-01-15',
            history: [{ stage, enteredAt: '2026-02-01' }],
          };
        }),
      );
    }
    await staged.commit({
      meta: {
        source: 'hubspot',
        rows: DEALS,
        accepted: DEALS,
        rejected: 0,
        importedAt: now.toISOString(),
        by: 'U0REP0',
      },
      stages: designStages({ model: 'inside', framework: 'bant' }),
    });
    const teamAfter = await bytesUnder(redis, `${prefix}:*`);
    const kb = (bytes: number) => (bytes / 1024).toFixed(2);
    console.log(`team memory (${LEADS} leads enrolled in 5 steps, then ${DEALS} imported deals)`);
    console.log(`  per lead, its enrolment and indexes: ${kb(teamBefore.bytes / LEADS)} KB`);
    console.log(`  per reminder job (BullMQ):           ${kb(jobs.bytes / (LEADS * 5))} KB`);
    console.log(
      `  per imported deal:                   ${((teamAfter.bytes - teamBefore.bytes) / DEALS).toFixed(1)} B`,
    );
    console.log(`  team total:                          ${kb(teamAfter.bytes + jobs.bytes)} KB`);
  } finally {
    await queues.reminders.obliterate({ force: true });
    await queues.sender.obliterate({ force: true });
    await queues.close();
    for await (const batch of scanKeys(redis, `${prefix}:*`)) await unlinkEach(redis, batch);
    await redis.quit();
  }
}

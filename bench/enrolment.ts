import { randomBytes } from 'node:crypto';
import { DEFAULT_SEQUENCE } from '../src/engines/optimizer/index.js';
import { type EnrolInput, enrolMany } from '../src/jobs/enrol.js';
import { createFollowups } from '../src/jobs/followups.js';
import { reminderJobId } from '../src/jobs/ids.js';
import { createQueues, JOB_NAMES, queuePrefix } from '../src/jobs/queues.js';
import { openRedis } from '../src/redis.js';
import { type RedisClient, scanKeys, unlinkEach } from '../src/redis-client.js';
import { createKeys } from '../src/store/keys.js';
import { startRedis } from '../test/reliability/support/redis-server.js';
import { median, printTable, sized, usedMemory } from './support.js';

const TEAM = 'T0BENCHENR';
const STEPS = DEFAULT_SEQUENCE.steps.length;
/** Leads per enrolMany call and per raw addBulk: a bulk `sequence start` of a stage's leads. */
const BATCH = 100;
/** Rounds of each side; the table gives each side's median. */
const ROUNDS = sized(3, 1);

interface Measured {
  perSecond: number;
  bytesPerReminder: number;
}

/** The median throughput and the median memory of several rounds. */
function medianOf(runs: readonly Measured[]): Measured {
  return {
    perSecond: median(runs.map((r) => r.perSecond)),
    bytesPerReminder: median(runs.map((r) => r.bytesPerReminder)),
  };
}

async function drop(redis: RedisClient, prefix: string): Promise<void> {
  for await (const batch of scanKeys(redis, `${prefix}*`)) await unlinkEach(redis, batch);
}

/**
 * The delayed jobs sales-ops files for `leads` leads, added with plain addBulk: the floor. The queue is made
 * as the app makes its reminders queue, so each job carries the same stored options (attempts, backoff).
 */
async function rawAddBulk(redis: RedisClient, leads: number, now: number): Promise<Measured> {
  const prefix = `bench-raw-${randomBytes(4).toString('hex')}`;
  const queues = createQueues(redis, prefix);
  const queue = queues.reminders;
  await queue.waitUntilReady();
  const before = await usedMemory(() => redis.info('memory'));
  const started = performance.now();
  for (let from = 0; from < leads; from += BATCH) {
    const jobs = [];
    for (let lead = from; lead < Math.min(leads, from + BATCH); lead++) {
      const enrolmentId = `e${lead.toString(16).padStart(12, '0')}`;
      for (let step = 0; step < STEPS; step++) {
        jobs.push({
          name: JOB_NAMES.reminder,
          data: { teamId: TEAM, enrolmentId, step },
          opts: {
            jobId: reminderJobId(TEAM, enrolmentId, step),
            delay: (step + 2) * 86_400_000,
            timestamp: now,
          },
        });
      }
    }
    await queue.addBulk(jobs);
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = (await usedMemory(() => redis.info('memory'))) - before;
  await queue.obliterate({ force: true });
  await queues.close();
  await drop(redis, prefix);
  return { perSecond: (leads * STEPS) / seconds, bytesPerReminder: bytes / (leads * STEPS) };
}

/** sales-ops enrolling `leads` leads in the 5-step sequence, BATCH leads per enrolMany. */
async function salesOps(redis: RedisClient, leads: number, now: Date): Promise<Measured> {
  const prefix = `bench-enr-${randomBytes(4).toString('hex')}`;
  const keys = createKeys(prefix);
  const queues = createQueues(redis, queuePrefix(prefix));
  const followups = createFollowups({ redis, keys, queues });
  await queues.reminders.waitUntilReady();
  const input = (i: number): EnrolInput => ({
    teamId: TEAM,
    leadId: `c:company-${i}`,
    leadName: `Company ${i}`,
    ownerId: `U0REP${String(i % 20).padStart(5, '0')}`,
    enrolledBy: 'U0REP00000',
    sequence: DEFAULT_SEQUENCE,
    now,
    timezone: 'America/New_York',
  });
  const before = await usedMemory(() => redis.info('memory'));
  const started = performance.now();
  for (let from = 0; from < leads; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, leads - from) }, (_, j) => input(from + j));
    const outcomes = await enrolMany(followups, batch);
    if (outcomes.some((o) => 'error' in o)) throw new Error('a lead was not enrolled');
  }
  const seconds = (performance.now() - started) / 1000;
  const bytes = (await usedMemory(() => redis.info('memory'))) - before;
  await queues.reminders.obliterate({ force: true });
  await Promise.all([queues.reminders.close(), queues.sender.close()]);
  await drop(redis, prefix);
  return { perSecond: (leads * STEPS) / seconds, bytesPerReminder: bytes / (leads * STEPS) };
}

/**
 * Enrolling leads in the 5-step sequence against raw BullMQ addBulk of the same delayed jobs: reminders
 * per second, and Redis bytes per pending reminder (INFO memory used_memory delta ÷ reminders). Both run on
 * a redis-server of the benchmark's own, so nothing else moves `used_memory` during the run.
 */
export async function benchEnrolment(): Promise<void> {
  const server = await startRedis();
  const redis = openRedis({ url: server.url }, { maxRetriesPerRequest: 2 });
  const leads = sized(4000, 1000);
  const now = new Date();
  try {
    // A warm-up of each, so neither pays for loading scripts.
    await rawAddBulk(redis, BATCH, now.getTime());
    await salesOps(redis, BATCH, now);
    // Rounds alternate which side goes first, and each side's median is reported: the machine is shared,
    // and one slow moment would otherwise decide the ratio.
    const raws: Measured[] = [];
    const ourRuns: Measured[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const runRaw = async () => raws.push(await rawAddBulk(redis, leads, now.getTime()));
      const runOurs = async () => ourRuns.push(await salesOps(redis, leads, now));
      if (round % 2 === 0) await runRaw().then(runOurs);
      else await runOurs().then(runRaw);
    }
    const raw = medianOf(raws);
    const ours = medianOf(ourRuns);
    const speed = ours.perSecond / raw.perSecond;
    const memory = ours.bytesPerReminder / raw.bytesPerReminder;
    const perRound = ourRuns.map((o, i) => (o.perSecond / (raws[i]?.perSecond ?? Number.NaN)).toFixed(2));
    console.log(`rounds: speed ratio ${perRound.join(', ')}`);
    printTable(
      `Enrolment (${leads} leads × ${STEPS} steps, ${BATCH} leads per batch, ${ROUNDS === 1 ? 'one round' : `median of ${ROUNDS} rounds`})`,
      [
        {
          what: 'reminders filed per second',
          measured: `${Math.round(ours.perSecond)}/s`,
          floor: `raw addBulk ${Math.round(raw.perSecond)}/s`,
          ratio: speed,
          target: '≥ 0.8×',
          holds: speed >= 0.8,
        },
        {
          what: 'Redis per pending reminder, enrolment included',
          measured: `${Math.round(ours.bytesPerReminder)} B`,
          floor: `bare delayed job ${Math.round(raw.bytesPerReminder)} B`,
          ratio: memory,
          target: '≤ 1,400 B',
          holds: ours.bytesPerReminder <= 1400,
        },
      ],
    );
  } finally {
    await redis.quit();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchEnrolment();

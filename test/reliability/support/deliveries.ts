import { Redis } from 'ioredis';
import { createFollowups, type Followups } from '../../../src/jobs/followups.js';
import { createQueues, openProducerConnection, queuePrefix } from '../../../src/jobs/queues.js';
import { enqueuePost } from '../../../src/jobs/sender.js';
import { SlackStandIn } from '../../../src/sandbox/index.js';
import { createKeys } from '../../../src/store/keys.js';
import { type Spawned, spawnEntry } from './processes.js';
import { type SuiteRedis, startRedis } from './redis-server.js';

export const TEAM = 'T0SALESOPS';
export const TOKEN = 'xoxb-reliability-bot-token';
export const SIGNING_SECRET = 'reliability-signing-secret';
const PREFIX = 'rel';

/** Redis, the stand-in, the queues seen from outside, and spawned workers, for one delivery scenario. */
export interface DeliveryRig {
  redis: SuiteRedis;
  slack: SlackStandIn;
  followups: Followups;
  reps: string[];
  workers: Spawned[];
  /** Hands `count` reminders to the sender queue, spread over the reps; returns their delivery keys. */
  enqueue(count: number): Promise<string[]>;
  /** Spawns one `npm run worker` process and waits until it runs. */
  startWorker(): Promise<Spawned>;
  /** How many times each delivery key shows in the reps' DMs. */
  seen(): Map<string, number>;
  /** Waits until every key is in a DM, or fails after `timeoutMs` saying how many are missing. */
  waitDelivered(keys: string[], timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function openRig(options: { reps?: number; aof?: boolean } = {}): Promise<DeliveryRig> {
  const redis = await startRedis({ aof: options.aof ?? false });
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: TOKEN,
    teamId: TEAM,
    // The same faults on every run: the fault counts a scenario asserts are never left to chance.
    faultSeed: 'deliveries',
  });
  const reps = Array.from({ length: options.reps ?? 20 }, (_, i) => `U0REP${String(i).padStart(5, '0')}`);
  for (const id of reps) slack.addUser({ id, name: id.toLowerCase(), tz: 'Europe/Paris' });
  const store = new Redis(redis.url);
  const producer = openProducerConnection({ url: redis.url });
  // The suite's own view of Redis rides out the restart scenario quietly; the processes under test log theirs.
  for (const connection of [store, producer]) connection.on('error', () => undefined);
  const queues = createQueues(producer, queuePrefix(PREFIX));
  const followups = createFollowups({ redis: store, keys: createKeys(PREFIX), queues });
  const workers: Spawned[] = [];
  let next = 0;
  const rig: DeliveryRig = {
    redis,
    slack,
    followups,
    reps,
    workers,
    async enqueue(count) {
      const keys: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const n = next++;
        const key = `rem-${TEAM}-e${String(n).padStart(8, '0')}-s1-r0`;
        const channel = reps[n % reps.length] ?? reps[0] ?? '';
        await enqueuePost(followups, { teamId: TEAM, channel, deliveryKey: key, text: `Follow up ${n}` });
        keys.push(key);
      }
      return keys;
    },
    async startWorker() {
      const worker = spawnEntry('worker', {
        REDIS_URL: redis.url,
        REDIS_KEY_PREFIX: PREFIX,
        SLACK_BOT_TOKEN: TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        WORKER_LOCK_MS: '1000',
      });
      workers.push(worker);
      await worker.waitFor('workers started');
      return worker;
    },
    seen() {
      const counts = new Map<string, number>();
      for (const rep of reps) {
        for (const message of slack.messages(rep)) {
          const key = String((message.metadata?.event_payload as { key?: unknown } | undefined)?.key ?? '');
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
      }
      return counts;
    },
    async waitDelivered(keys, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = rig.seen();
        const missing = keys.filter((k) => !seen.has(k));
        if (missing.length === 0) return;
        if (Date.now() > deadline)
          throw new Error(`${missing.length} of ${keys.length} reminders never arrived`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    async close() {
      for (const worker of workers) await worker.kill('SIGKILL');
      await queues.close();
      producer.disconnect();
      store.disconnect();
      await slack.stop();
      await redis.stop();
    },
  };
  return rig;
}

/** Keys seen more than once, with how many times. */
export function duplicates(seen: Map<string, number>): [string, number][] {
  return [...seen].filter(([, n]) => n > 1);
}

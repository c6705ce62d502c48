import type { WebClient } from '@slack/web-api';
import { createFollowups, type Followups } from '../../../src/jobs/followups.js';
import type { LeadReader } from '../../../src/jobs/leads.js';
import {
  createQueues,
  openProducerConnection,
  openWorkerConnection,
  type Queues,
  queuePrefix,
} from '../../../src/jobs/queues.js';
import { createClientFactory } from '../../../src/jobs/slack-client.js';
import { startWorkers, type WorkerDeps, type Workers } from '../../../src/jobs/worker.js';
import { createLogger } from '../../../src/logger.js';
import type { RedisClient } from '../../../src/redis-client.js';
import { createKeys } from '../../../src/store/keys.js';
import { deleteKeysUnder, openTestRedis, randomPrefix, TEST_REDIS_TARGET } from '../../support/redis.js';

/** Real Redis and real BullMQ queues under a random prefix, with the follow-up repositories on top. */
export interface JobHarness {
  redis: RedisClient;
  prefix: string;
  queues: Queues;
  followups: Followups;
  /** Starts the workers against a Slack Web API at `apiUrl` with `token`. */
  startWorkers(options: {
    apiUrl: string;
    token: string;
    extra?: Partial<Pick<WorkerDeps, 'afterPost' | 'workerOptions' | 'settleDelayMs' | 'alerts'>>;
  }): Workers;
  /** A Web API client the way the workers build theirs. */
  client(apiUrl: string, token: string): Promise<WebClient>;
  /** Closes workers, obliterates the queues, deletes every key and closes every connection. */
  close(): Promise<void>;
}

/** Opens a harness; `paceMs` shortens nothing by default (Slack's 1 s per channel). */
export async function openHarness(
  options: { leads?: LeadReader; paceMs?: number } = {},
): Promise<JobHarness> {
  const redis = openTestRedis();
  const prefix = randomPrefix();
  const producer = openProducerConnection(TEST_REDIS_TARGET);
  const queues = createQueues(producer, queuePrefix(prefix));
  const followups = createFollowups({
    redis,
    keys: createKeys(prefix),
    queues,
    ...(options.leads ? { leads: options.leads } : {}),
    ...(options.paceMs ? { paceMs: options.paceMs } : {}),
  });
  const workerConnections: RedisClient[] = [];
  const started: Workers[] = [];
  const logger = createLogger('silent');
  return {
    redis,
    prefix,
    queues,
    followups,
    startWorkers({ apiUrl, token, extra }) {
      const connection = openWorkerConnection(TEST_REDIS_TARGET);
      workerConnections.push(connection);
      const workers = startWorkers({
        connection,
        prefix: queues.prefix,
        followups,
        clientFor: createClientFactory({ tokens: async () => token, slackApiUrl: apiUrl }),
        logger,
        ...extra,
      });
      started.push(workers);
      return workers;
    },
    async client(apiUrl, token) {
      const client = await createClientFactory({ tokens: async () => token, slackApiUrl: apiUrl })({
        teamId: 'T0',
      });
      if (!client) throw new Error('no client');
      return client;
    },
    async close() {
      await Promise.all(started.map((w) => w.close()));
      await queues.reminders.obliterate({ force: true });
      await queues.sender.obliterate({ force: true });
      await queues.close();
      await deleteKeysUnder(redis, prefix);
      for (const c of workerConnections) await c.quit();
      await producer.quit();
      await redis.quit();
    },
  };
}

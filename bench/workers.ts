import { randomBytes } from 'node:crypto';
import { loadToolConfig } from '../src/config.js';
import { createFollowups, type Followups } from '../src/jobs/followups.js';
import {
  createQueues,
  openProducerConnection,
  openWorkerConnection,
  type Queues,
  queuePrefix,
} from '../src/jobs/queues.js';
import { enqueuePost } from '../src/jobs/sender.js';
import { createClientFactory } from '../src/jobs/slack-client.js';
import { startWorkers, type Workers } from '../src/jobs/worker.js';
import { createLogger } from '../src/logger.js';
import { redisTarget } from '../src/redis.js';
import { scanKeys, unlinkEach } from '../src/redis-client.js';
import { createKeys } from '../src/store/keys.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';
import { type RemoteStandIn, startRemoteStandIn } from './stand-in-process.js';

export const TEAM = 'T0BENCHJOB';

/** The channel of the one post that warms the workers up before a benchmark starts its clock. */
export const WARM_UP_CHANNEL = 'C0WARMUP00';

/** The production workers (their default concurrency) on a fresh prefix, posting to a stand-in that keeps Slack's pace. */
export interface WorkerRig {
  /** The stand-in, in a process of its own. */
  slack: RemoteStandIn;
  queues: Queues;
  followups: Followups;
  workers: Workers;
  close(): Promise<void>;
}

/** Starts a stand-in enforcing one message per second per channel (in its own process), and the workers posting to it. */
export async function startRig(): Promise<WorkerRig> {
  const target = redisTarget(loadToolConfig());
  const slack = await startRemoteStandIn({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    enforceChannelPace: true,
  });
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const producer = openProducerConnection(target);
  const connection = openWorkerConnection(target);
  const queues = createQueues(producer, queuePrefix(prefix));
  const followups = createFollowups({ redis: producer, keys: createKeys(prefix), queues });
  const workers = startWorkers({
    connection,
    prefix: queues.prefix,
    followups,
    clientFor: createClientFactory({ tokens: async () => BOT_TOKEN, slackApiUrl: slack.apiUrl }),
    logger: createLogger('silent'),
  });
  // One post through the workers first, so what is timed is running workers, not their first connections.
  const warm = WARM_UP_CHANNEL;
  await slack.addChannels([{ id: warm, name: 'warm-up' }]);
  await enqueuePost(followups, { teamId: TEAM, channel: warm, deliveryKey: 'warm-up', text: 'warm-up' });
  await until(async () => (await slack.messageChannels()).includes(warm), 30_000);
  return {
    slack,
    queues,
    followups,
    workers,
    async close() {
      await workers.close();
      await Promise.all([
        queues.reminders.obliterate({ force: true }),
        queues.sender.obliterate({ force: true }),
      ]);
      await Promise.all([queues.reminders.close(), queues.sender.close()]);
      for await (const batch of scanKeys(producer, `${prefix}*`)) await unlinkEach(producer, batch);
      await Promise.all([producer.quit(), connection.quit()]);
      await slack.stop();
    },
  };
}

/** Resolves once `done()` holds, polling; rejects after `timeoutMs`. */
export async function until(done: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not done after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

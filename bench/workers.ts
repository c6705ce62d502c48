import { loadToolConfig } from '../src/config.js';
import { createFollowups, type Followups } from '../src/jobs/followups.js';
import { createQueues, openProducerConnection, type Queues, queuePrefix } from '../src/jobs/queues.js';
import { enqueuePost } from '../src/jobs/sender.js';
import { redisTarget } from '../src/redis.js';
import { createKeys } from '../src/store/keys.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../test/support/app.js';
import { deleteAppKeys, randomPrefix, TEST_REDIS_ENV } from '../test/support/redis.js';
import { spawnProduction, stopProduction } from './production.js';
import { type RemoteStandIn, startRemoteStandIn } from './stand-in-process.js';

export const TEAM = 'T0BENCHJOB';

/** The channel of the one post that warms the workers up before a benchmark starts its clock. */
export const WARM_UP_CHANNEL = 'C0WARMUP00';

/**
 * The production workers (`node dist/worker.js`, one process as `npm run worker` starts it, at its default
 * concurrency) on a fresh prefix, posting to a stand-in that keeps Slack's pace; the benchmark hands them
 * work through the queues and stores, as the app does.
 */
export interface WorkerRig {
  /** The stand-in, in a process of its own. */
  slack: RemoteStandIn;
  queues: Queues;
  followups: Followups;
  close(): Promise<void>;
}

/** Starts a stand-in enforcing one message per second per channel (in its own process), and the workers posting to it. */
export async function startRig(): Promise<WorkerRig> {
  const slack = await startRemoteStandIn({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
    enforceChannelPace: true,
  });
  const prefix = randomPrefix();
  const producer = openProducerConnection(redisTarget(loadToolConfig(TEST_REDIS_ENV)));
  const queues = createQueues(producer, queuePrefix(prefix));
  const followups = createFollowups({ redis: producer, keys: createKeys(prefix), queues });
  const worker = spawnProduction('worker', { apiUrl: slack.apiUrl, prefix });
  // One post through the workers first, so what is timed is running workers, not their first connections.
  const warm = WARM_UP_CHANNEL;
  await slack.addChannels([{ id: warm, name: 'warm-up' }]);
  await enqueuePost(followups, { teamId: TEAM, channel: warm, deliveryKey: 'warm-up', text: 'warm-up' });
  await until(async () => {
    if (worker.exitCode !== null) throw new Error(`dist/worker.js exited with ${worker.exitCode}`);
    return (await slack.messageChannels()).includes(warm);
  }, 30_000);
  return {
    slack,
    queues,
    followups,
    async close() {
      await stopProduction(worker);
      await Promise.all([
        queues.reminders.obliterate({ force: true }),
        queues.sender.obliterate({ force: true }),
      ]);
      await Promise.all([queues.reminders.close(), queues.sender.close()]);
      await deleteAppKeys(producer, prefix);
      await producer.quit();
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

import { composeApp } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import type { JobRuntime } from '../../../src/jobs/runtime.js';
import type { Workers } from '../../../src/jobs/worker.js';
import { createLogger } from '../../../src/logger.js';
import { connectRedis, redisTarget } from '../../../src/redis.js';
import type { RedisClient } from '../../../src/redis-client.js';
import { SlackStandIn } from '../../../src/sandbox/index.js';
import { EVENTS_PATH, type SlackApp } from '../../../src/slack/create-app.js';
import { createStore, type Store } from '../../../src/store/index.js';
import { BOT_ID, BOT_TOKEN, BOT_USER_ID, SIGNING_SECRET } from '../../support/app.js';
import { deleteKeysUnder, randomPrefix, TEST_REDIS_ENV } from '../../support/redis.js';
import { waitUntil } from './wait.js';

export const TEAM_ID = 'T0SALESOPS';
export const REP_ID = 'U0REP00001';
export const REP_ZONE = 'America/New_York';
export const CHANNEL_ID = 'C0SALES001';

/** The app wired as app.ts wires it (job runtime included), against a Slack stand-in. */
export interface FollowupsWorkspace {
  slack: SlackStandIn;
  app: SlackApp;
  redis: RedisClient;
  store: Store;
  jobs: JobRuntime;
  workers?: Workers;
  /** Runs `/sales-ops <text>` as the rep in #sales and returns the first reply it posts to the response_url. */
  command(text: string): Promise<{ text: string; blocks: unknown[] }>;
  stop(): Promise<void>;
}

/** Starts the stand-in and the app; `workers: true` also runs the job workers in-process (RUN_WORKERS). */
export async function startFollowupsWorkspace(
  options: { now?: () => Date; workers?: boolean } = {},
): Promise<FollowupsWorkspace> {
  const slack = await SlackStandIn.start({
    signingSecret: SIGNING_SECRET,
    botToken: BOT_TOKEN,
    teamId: TEAM_ID,
    botId: BOT_ID,
    botUserId: BOT_USER_ID,
  });
  slack.addUser({ id: REP_ID, name: 'ana', realName: 'Ana Silva', tz: REP_ZONE });
  slack.addChannel({ id: CHANNEL_ID, name: 'sales' });
  const prefix = randomPrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...TEST_REDIS_ENV,
    REDIS_KEY_PREFIX: prefix,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER_ID,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  const logger = createLogger('silent');
  const redis = await connectRedis(redisTarget(config.env));
  const store = createStore(redis, { prefix });
  const { slack: app, jobs } = composeApp(
    { config, logger, redis, store },
    { ...(options.now ? { now: options.now } : {}), clientOptions: { retryConfig: { retries: 0 } } },
  );
  const port = await app.start(0);
  slack.setAppUrl(`http://127.0.0.1:${port}${EVENTS_PATH}`);
  const workers = options.workers ? jobs.startWorkers() : undefined;
  return {
    slack,
    app,
    redis,
    store,
    jobs,
    ...(workers ? { workers } : {}),
    async command(text) {
      const before = slack.responses().length;
      const reply = await slack.sendSlashCommand({ text, userId: REP_ID, channelId: CHANNEL_ID });
      if (reply.status !== 200) throw new Error(`the app answered ${reply.status}`);
      await waitUntil(() => slack.responses().length > before, 3000, `a reply to "${text}"`);
      const body = slack.responses()[before]?.body;
      const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      return {
        text: typeof record.text === 'string' ? record.text : '',
        blocks: Array.isArray(record.blocks) ? record.blocks : [],
      };
    },
    async stop() {
      await app.stop();
      await workers?.close();
      await jobs.followups.queues.reminders.obliterate({ force: true });
      await jobs.followups.queues.sender.obliterate({ force: true });
      await jobs.close();
      await deleteKeysUnder(redis, prefix);
      await redis.quit();
      await slack.stop();
    },
  };
}

import { composeApp } from '../../src/app.js';
import { loadConfig, type RawEnv } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { connectRedis, redisTarget } from '../../src/redis.js';
import type { RedisClient } from '../../src/redis-client.js';
import type { AfterAck } from '../../src/slack/after-ack.js';
import { EVENTS_PATH, type SlackApp } from '../../src/slack/create-app.js';
import type { Metrics } from '../../src/slack/metrics.js';
import { createStore, type Store } from '../../src/store/index.js';
import { deleteAppKeys, randomPrefix, TEST_REDIS_ENV } from './redis.js';

export const SIGNING_SECRET = 'test-signing-secret';
export const BOT_TOKEN = 'xoxb-test-bot-token';
export const BOT_ID = 'B0TESTBOT';
export const BOT_USER_ID = 'U0TESTBOT';
export const ENCRYPTION_KEY = '5e'.repeat(32);

/** The app as production wires it, on a free port, with its own Redis key prefix. */
export interface RunningApp {
  slack: SlackApp;
  redis: RedisClient;
  store: Store;
  metrics: Metrics;
  /** The queue the work after each ack runs in. */
  afterAck: AfterAck;
  prefix: string;
  baseUrl: string;
  eventsUrl: string;
  /** Stops the server, deletes every key the app and its queues wrote and closes Redis. */
  stop(): Promise<void>;
}

/** Starts the app over HTTP with `env` laid over a quiet test environment; `now` pins the app's clock. */
export async function startApp(env: RawEnv, options: { now?: () => Date } = {}): Promise<RunningApp> {
  const now = options.now ?? (() => new Date());
  const prefix = randomPrefix();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    ...TEST_REDIS_ENV,
    REDIS_KEY_PREFIX: prefix,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_ID: BOT_ID,
    SLACK_BOT_USER_ID: BOT_USER_ID,
    ...env,
  });
  const logger = createLogger(config.env.LOG_LEVEL);
  const redis = await connectRedis(redisTarget(config.env));
  const store = createStore(redis, { prefix, encryptionKey: config.env.TOKEN_ENCRYPTION_KEY });
  const { slack, jobs, metrics, afterAck } = composeApp(
    { config, logger, redis, store },
    { now, clientOptions: { retryConfig: { retries: 0 } } },
  );
  const port = await slack.start(0);
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    slack,
    redis,
    store,
    metrics,
    afterAck,
    prefix,
    baseUrl,
    eventsUrl: `${baseUrl}${EVENTS_PATH}`,
    async stop() {
      await slack.stop();
      await afterAck.idle();
      await jobs.close();
      await deleteAppKeys(redis, prefix);
      await redis.quit();
    },
  };
}

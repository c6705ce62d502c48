#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config.js';
import { ConfigError, RedisSetupError } from './errors.js';
import { createJobRuntime } from './jobs/runtime.js';
import { createLogger } from './logger.js';
import { checkRedis, connectRedis } from './redis.js';
import { createApp } from './slack/create-app.js';
import { createOpenIntake } from './slack/intake-open.js';
import { registerListeners } from './slack/listeners.js';
import { createMetrics } from './slack/metrics.js';
import { createStore } from './store/index.js';

/** A hung close must not keep a stopping container alive forever. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Starts the Slack app: config, Redis, Bolt, listeners, then serve until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);

  const redis = await connectRedis(config.env.REDIS_URL);
  await checkRedis(redis, logger);

  const store = createStore(redis, {
    prefix: config.env.REDIS_KEY_PREFIX,
    encryptionKey: config.env.TOKEN_ENCRYPTION_KEY,
  });
  const metrics = createMetrics();
  const jobs = createJobRuntime({ config, redis, store, logger });
  const slack = createApp(config, { redis, store, logger, metrics });
  registerListeners(slack.app, {
    store,
    logger,
    metrics,
    openIntake: createOpenIntake({ store, now: () => new Date() }),
    now: () => new Date(),
    followups: jobs.followups,
  });
  // RUN_WORKERS=false leaves the jobs to `npm run worker` processes.
  if (config.env.RUN_WORKERS) jobs.startWorkers();
  await slack.start(config.env.PORT);

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await slack.stop();
      // Workers finish the jobs in hand before their queues and connections close.
      await jobs.close();
      await redis.quit();
    } catch (error) {
      logger.error({ err: error }, 'shutdown was not clean');
      process.exitCode = 1;
    }
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    // Config and Redis problems are the operator's to fix: print the instructions, not a stack trace.
    if (error instanceof ConfigError || error instanceof RedisSetupError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

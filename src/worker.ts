#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
import { loadConfig } from './config.js';
import { ConfigError, RedisSetupError } from './errors.js';
import { createJobRuntime } from './jobs/runtime.js';
import { createLogger } from './logger.js';
import { checkRedis, connectRedis } from './redis.js';
import { createStore } from './store/index.js';

/** How long SIGTERM waits for the jobs in hand before giving up; reminders and posts take seconds. */
const SHUTDOWN_TIMEOUT_MS = 30_000;

/** Runs the job workers alone (`npm run worker`): reminders and the sender, until SIGTERM or SIGINT. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.env.LOG_LEVEL);
  const redis = await connectRedis(config.env.REDIS_URL);
  await checkRedis(redis, logger);
  const store = createStore(redis, {
    prefix: config.env.REDIS_KEY_PREFIX,
    encryptionKey: config.env.TOKEN_ENCRYPTION_KEY,
  });
  const jobs = createJobRuntime({ config, redis, store, logger });
  jobs.startWorkers();

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'worker shutting down: finishing the jobs in hand');
    setTimeout(() => process.exit(1), SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await jobs.close();
      await redis.quit();
    } catch (error) {
      logger.error({ err: error }, 'worker shutdown was not clean');
      process.exitCode = 1;
    }
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof RedisSetupError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

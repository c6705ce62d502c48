import { type Config, loadConfig, type RawEnv } from './config.js';
import { ConfigError, RedisSetupError } from './errors.js';
import { createLogger, type Logger } from './logger.js';
import { checkRedis, connectRedis, redisTarget } from './redis.js';
import { createStore, type Store } from './store/index.js';

/** What every process (the app, a worker) starts from. */
export interface Services {
  config: Config;
  logger: Logger;
  redis: Awaited<ReturnType<typeof connectRedis>>;
  store: Store;
}

/** Reads the config (the process environment unless `raw` is given), connects and checks Redis, and opens the store. */
export async function startServices(raw?: RawEnv): Promise<Services> {
  const config = loadConfig(raw);
  const { env } = config;
  const logger = createLogger(env.LOG_LEVEL, undefined, {
    secrets: [
      env.SLACK_SIGNING_SECRET,
      env.SLACK_CLIENT_SECRET,
      env.SLACK_STATE_SECRET,
      env.TOKEN_ENCRYPTION_KEY,
    ],
  });
  const redis = await connectRedis(redisTarget(config.env));
  await checkRedis(redis, logger);
  const store = createStore(redis, {
    prefix: config.env.REDIS_KEY_PREFIX,
    encryptionKey: config.env.TOKEN_ENCRYPTION_KEY,
  });
  return { config, logger, redis, store };
}

/**
 * On SIGTERM or SIGINT runs `close` once, then quits Redis; a close that hangs past `timeoutMs`
 * ends the process anyway, so a stopping container is never kept alive forever.
 */
export function closeOnSignal(services: Services, timeoutMs: number, close: () => Promise<void>): void {
  const shutdown = async (signal: string) => {
    services.logger.info({ signal }, 'shutting down: finishing the jobs in hand');
    setTimeout(() => process.exit(1), timeoutMs).unref();
    try {
      await close();
      await services.redis.quit();
    } catch (error) {
      services.logger.error({ err: error }, 'shutdown was not clean');
      process.exitCode = 1;
    }
  };
  process.once('SIGTERM', (s) => void shutdown(s));
  process.once('SIGINT', (s) => void shutdown(s));
}

/** Runs a process's main; config and Redis problems are the operator's to fix, so they print as instructions. */
export function runMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof ConfigError || error instanceof RedisSetupError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  });
}

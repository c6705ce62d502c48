import { Redis } from 'ioredis';
import { RedisSetupError } from './errors.js';
import type { Logger } from './logger.js';

/** The URL with any password hidden, safe to print. */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'an unparseable URL';
  }
}

/** Opens a Redis connection and waits until it answers; throws RedisSetupError naming REDIS_URL when it cannot. */
export async function connectRedis(url: string, options: { connectTimeoutMs?: number } = {}): Promise<Redis> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    // Commands fail fast instead of queueing forever while Redis is away, so /healthz and Slack replies stay prompt.
    maxRetriesPerRequest: 2,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // ioredis emits 'error' on every failed reconnect; without a listener Node prints each one as unhandled.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new RedisSetupError(
      `Redis at ${describeRedisUrl(url)} is not reachable (${reason}). Start Redis or set REDIS_URL to a running server, e.g. redis://127.0.0.1:6379.`,
    );
  }
  return redis;
}

export interface RedisCheck {
  evictionPolicy?: string;
  warnings: string[];
}

/** Checks that Redis answers and keeps every key (noeviction); logs a warning that says how to fix it if not. */
export async function checkRedis(redis: Redis, logger: Logger): Promise<RedisCheck> {
  const pong = await redis.ping();
  if (pong !== 'PONG') throw new RedisSetupError(`Redis answered PING with "${pong}"; check REDIS_URL.`);
  const warnings: string[] = [];
  let evictionPolicy: string | undefined;
  try {
    const reply = (await redis.config('GET', 'maxmemory-policy')) as unknown;
    if (Array.isArray(reply) && typeof reply[1] === 'string') evictionPolicy = reply[1];
  } catch {
    warnings.push(
      'Could not read maxmemory-policy (CONFIG GET is disabled on this server). Make sure it is noeviction, or Redis may silently drop drafts, installations and scheduled jobs.',
    );
  }
  if (evictionPolicy !== undefined && evictionPolicy !== 'noeviction') {
    warnings.push(
      `Redis maxmemory-policy is ${evictionPolicy}; it must be noeviction or Redis may drop installations and scheduled jobs. Run \`redis-cli config set maxmemory-policy noeviction\` and set \`maxmemory-policy noeviction\` in redis.conf so it survives a restart.`,
    );
  }
  for (const message of warnings) logger.warn({ evictionPolicy }, message);
  return evictionPolicy === undefined ? { warnings } : { evictionPolicy, warnings };
}

/** The one command the health check needs; a Redis connection is one. */
export interface Pingable {
  ping(): Promise<string>;
}

/** Resolves true when Redis answers PING within `timeoutMs`, false otherwise; never throws. */
export async function redisAnswers(redis: Pingable, timeoutMs = 1000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const answer = await Promise.race([redis.ping().then((r) => r === 'PONG'), timeout]);
    return answer;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

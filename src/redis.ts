import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { ClusterNode, Env } from './config.js';
import { RedisSetupError } from './errors.js';
import type { Logger } from './logger.js';
import { masters, type RedisClient } from './redis-client.js';

/** Where Redis is: one server's URL, or the seed nodes of a Redis Cluster (REDIS_CLUSTER_NODES). */
export type RedisTarget = { url: string } | { clusterNodes: ClusterNode[] };

/** The target the configuration names: the cluster when REDIS_CLUSTER_NODES is set, else REDIS_URL. */
export function redisTarget(env: Pick<Env, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>): RedisTarget {
  return env.REDIS_CLUSTER_NODES ? { clusterNodes: env.REDIS_CLUSTER_NODES } : { url: env.REDIS_URL };
}

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

/** The target as an operator reads it, safe to print. */
export function describeRedisTarget(target: RedisTarget): string {
  if ('url' in target) return `Redis at ${describeRedisUrl(target.url)}`;
  return `Redis Cluster at ${target.clusterNodes.map((n) => `${n.host}:${n.port}`).join(',')}`;
}

export interface OpenOptions {
  /** null for BullMQ workers (their blocking commands wait on purpose); a small number elsewhere. */
  maxRetriesPerRequest: number | null;
  connectTimeoutMs?: number;
  lazyConnect?: boolean;
}

/** Opens a connection to a server or a cluster (without waiting for it); the options apply to every node. */
export function openRedis(target: RedisTarget, options: OpenOptions): RedisClient {
  const retryStrategy = (times: number) => Math.min(times * 200, 2000);
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: options.maxRetriesPerRequest,
    connectTimeout: options.connectTimeoutMs ?? 10_000,
  };
  const lazyConnect = options.lazyConnect ?? false;
  if ('url' in target) return new Redis(target.url, { ...redisOptions, retryStrategy, lazyConnect });
  return new Cluster(target.clusterNodes, { redisOptions, clusterRetryStrategy: retryStrategy, lazyConnect });
}

/** Opens a Redis connection and waits until it answers; throws RedisSetupError naming the variable to fix. */
export async function connectRedis(
  target: RedisTarget,
  options: { connectTimeoutMs?: number } = {},
): Promise<RedisClient> {
  const timeoutMs = options.connectTimeoutMs ?? 5000;
  // Commands fail fast instead of queueing forever while Redis is away, so /healthz and Slack replies stay prompt.
  const redis = openRedis(target, {
    maxRetriesPerRequest: 2,
    connectTimeoutMs: timeoutMs,
    lazyConnect: true,
  });
  // ioredis emits 'error' on every failed reconnect; without a listener Node prints each one as unhandled.
  let lastError: Error | undefined;
  redis.on('error', (error: Error) => {
    lastError = error;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    // A cluster keeps retrying its seed nodes on its own, so the wait is bounded here.
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([redis.connect().then(() => redis.ping()), gaveUp]);
  } catch (error) {
    redis.disconnect();
    const cause = lastError ?? error;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const fix =
      'url' in target
        ? 'Start Redis or set REDIS_URL to a running server, e.g. redis://127.0.0.1:6379.'
        : 'Start the cluster or set REDIS_CLUSTER_NODES to its nodes, e.g. 10.0.0.1:7000,10.0.0.2:7000.';
    throw new RedisSetupError(`${describeRedisTarget(target)} is not reachable (${reason}). ${fix}`);
  } finally {
    clearTimeout(timer);
  }
  return redis;
}

export interface RedisCheck {
  evictionPolicy?: string;
  warnings: string[];
}

/** Checks that Redis answers and keeps every key (noeviction); logs a warning that says how to fix it if not. */
export async function checkRedis(redis: RedisClient, logger: Logger): Promise<RedisCheck> {
  const pong = await redis.ping();
  if (pong !== 'PONG') throw new RedisSetupError(`Redis answered PING with "${pong}"; check REDIS_URL.`);
  const warnings: string[] = [];
  let evictionPolicy: string | undefined;
  try {
    // On a cluster each master keeps its own setting; the first one that is not noeviction is reported.
    for (const node of await masters(redis)) {
      const reply = (await node.config('GET', 'maxmemory-policy')) as unknown;
      if (Array.isArray(reply) && typeof reply[1] === 'string') evictionPolicy = reply[1];
      if (evictionPolicy !== 'noeviction') break;
    }
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

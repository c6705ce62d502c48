import { randomBytes } from 'node:crypto';
import { loadToolConfig } from '../../src/config.js';
import { queuePrefix } from '../../src/jobs/queues.js';
import { openRedis, redisTarget } from '../../src/redis.js';
import { type RedisClient, scanKeys, unlinkEach } from '../../src/redis-client.js';

/** The single Redis the integration tests talk to unless a cluster is named: `REDIS_URL` when set, else the default port (CI starts one there). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * The Redis variables the tests run the app with: `npm run test:cluster` sets REDIS_CLUSTER_NODES, and then
 * every store, queue and worker of the tests runs on that Redis Cluster instead.
 */
export const TEST_REDIS_ENV: { REDIS_URL: string; REDIS_CLUSTER_NODES?: string } = process.env
  .REDIS_CLUSTER_NODES
  ? { REDIS_URL: TEST_REDIS_URL, REDIS_CLUSTER_NODES: process.env.REDIS_CLUSTER_NODES }
  : { REDIS_URL: TEST_REDIS_URL };

/** Where the tests' Redis is, as the app reads it from TEST_REDIS_ENV. */
export const TEST_REDIS_TARGET = redisTarget(loadToolConfig(TEST_REDIS_ENV));

/** A key prefix no other test uses, so tests never see each other's keys. */
export function randomPrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Opens a connection to the test Redis (a cluster connection under `npm run test:cluster`). */
export function openTestRedis(): RedisClient {
  return openRedis(TEST_REDIS_TARGET, { maxRetriesPerRequest: 1 });
}

/** Every key under the prefix, sorted; on a cluster, from every master. */
export async function keysUnder(redis: RedisClient, prefix: string): Promise<string[]> {
  const found: string[] = [];
  for await (const batch of scanKeys(redis, `${prefix}:*`)) found.push(...batch);
  return found.sort();
}

/** Deletes every key under the prefix. */
export async function deleteKeysUnder(redis: RedisClient, prefix: string): Promise<void> {
  await unlinkEach(redis, await keysUnder(redis, prefix));
}

/** Deletes every key an app run with REDIS_KEY_PREFIX `prefix` wrote: its own, and its job queues' (meta). */
export async function deleteAppKeys(redis: RedisClient, prefix: string): Promise<void> {
  await deleteKeysUnder(redis, prefix);
  await deleteKeysUnder(redis, queuePrefix(prefix));
}

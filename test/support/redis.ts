import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis every integration test talks to: `REDIS_URL` when set, else the default port (CI starts one there). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A key prefix no other test uses, so tests never see each other's keys. */
export function randomPrefix(): string {
  return `test-${randomBytes(6).toString('hex')}`;
}

/** Opens a connection to the test Redis. */
export function openTestRedis(): Redis {
  return new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
}

/** Every key under the prefix, sorted. */
export async function keysUnder(redis: Redis, prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    cursor = next;
    found.push(...batch);
  } while (cursor !== '0');
  return found.sort();
}

/** Deletes every key under the prefix. */
export async function deleteKeysUnder(redis: Redis, prefix: string): Promise<void> {
  const keys = await keysUnder(redis, prefix);
  if (keys.length > 0) await redis.unlink(...keys);
}

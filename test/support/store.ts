import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { RedisClient } from '../../src/redis-client.js';
import { createStore, type Store, type StoreOptions } from '../../src/store/index.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from './redis.js';

/** The current test's RedisClient connection, key prefix and store. */
export interface TestStore {
  readonly redis: RedisClient;
  readonly prefix: string;
  readonly store: Store;
}

/** Options passed to `createStore`, apart from the prefix each test gets. */
export type TestStoreOptions = Omit<StoreOptions, 'prefix'>;

/**
 * Opens the test RedisClient once for the file and gives each test a store under a fresh random prefix,
 * deleting that prefix's keys after the test.
 */
export function useTestStore(options: TestStoreOptions = {}): TestStore {
  let redis: RedisClient | undefined;
  let current: { prefix: string; store: Store } | undefined;

  beforeAll(() => {
    redis = openTestRedis();
  });
  afterAll(async () => {
    await redis?.quit();
  });
  beforeEach(() => {
    const prefix = randomPrefix();
    current = { prefix, store: createStore(connection(), { ...options, prefix }) };
  });
  afterEach(async () => {
    if (current) await deleteKeysUnder(connection(), current.prefix);
  });

  function connection(): RedisClient {
    if (!redis) throw new Error('The test RedisClient is only open inside tests and their hooks.');
    return redis;
  }
  function inTest(): { prefix: string; store: Store } {
    if (!current) throw new Error('The test store only exists while a test runs.');
    return current;
  }

  return {
    get redis() {
      return connection();
    },
    get prefix() {
      return inTest().prefix;
    },
    get store() {
      return inTest().store;
    },
  };
}

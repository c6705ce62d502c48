import { describe, expect, it } from 'vitest';
import { RedisSetupError } from '../../src/errors.js';
import { createLogger } from '../../src/logger.js';
import { checkRedis, connectRedis, describeRedisUrl, redisAnswers, redisTarget } from '../../src/redis.js';
import type { RedisClient } from '../../src/redis-client.js';
import { TEST_REDIS_URL } from '../support/redis.js';

function fakeRedis(policy: string | Error): RedisClient {
  const fake = {
    ping: async () => 'PONG',
    config: async () => {
      if (policy instanceof Error) throw policy;
      return ['maxmemory-policy', policy];
    },
  };
  return fake as unknown as RedisClient;
}

function capture() {
  const lines: string[] = [];
  return { lines, logger: createLogger('info', { write: (l: string) => void lines.push(l) }) };
}

describe('connectRedis', () => {
  it('answers when Redis is up', async () => {
    const redis = await connectRedis({ url: TEST_REDIS_URL });
    expect(await redisAnswers(redis)).toBe(true);
    await redis.quit();
  });

  it('fails with a message naming REDIS_URL when Redis is unreachable', async () => {
    const connecting = connectRedis({ url: 'redis://:hunter2@127.0.0.1:1' }, { connectTimeoutMs: 500 });
    await expect(connecting).rejects.toBeInstanceOf(RedisSetupError);
    await expect(
      connectRedis({ url: 'redis://:hunter2@127.0.0.1:1' }, { connectTimeoutMs: 500 }),
    ).rejects.toThrow(/redis:\/\/:\*\*\*@127\.0\.0\.1:1.*REDIS_URL/);
  });

  it('fails with a message naming REDIS_CLUSTER_NODES when no cluster node answers', async () => {
    const target = { clusterNodes: [{ host: '127.0.0.1', port: 1 }] };
    const connecting = connectRedis(target, { connectTimeoutMs: 500 });
    await expect(connecting).rejects.toBeInstanceOf(RedisSetupError);
    await expect(connectRedis(target, { connectTimeoutMs: 500 })).rejects.toThrow(
      /Redis Cluster at 127\.0\.0\.1:1 is not reachable.*REDIS_CLUSTER_NODES/,
    );
  });

  it('picks the cluster when REDIS_CLUSTER_NODES is set, and REDIS_URL otherwise', () => {
    const nodes = [{ host: '10.0.0.1', port: 7000 }];
    expect(redisTarget({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: nodes })).toEqual({
      clusterNodes: nodes,
    });
    expect(redisTarget({ REDIS_URL: 'redis://cache:6379', REDIS_CLUSTER_NODES: undefined })).toEqual({
      url: 'redis://cache:6379',
    });
  });

  it('never prints the password of the URL', () => {
    expect(describeRedisUrl('redis://user:hunter2@cache:6380/2')).toBe('redis://user:***@cache:6380/2');
  });
});

describe('checkRedis', () => {
  it('is quiet when the eviction policy is noeviction', async () => {
    const { lines, logger } = capture();
    expect(await checkRedis(fakeRedis('noeviction'), logger)).toEqual({
      evictionPolicy: 'noeviction',
      warnings: [],
    });
    expect(lines).toEqual([]);
  });

  it('warns with the command to run when Redis may evict keys', async () => {
    const { lines, logger } = capture();
    const result = await checkRedis(fakeRedis('allkeys-lru'), logger);
    expect(result.warnings).toHaveLength(1);
    expect(lines.join('')).toContain('redis-cli config set maxmemory-policy noeviction');
    expect(lines.join('')).toContain('redis.conf');
  });

  it('warns when the policy cannot be read (CONFIG disabled on managed Redis)', async () => {
    const { logger } = capture();
    const result = await checkRedis(fakeRedis(new Error('ERR unknown command CONFIG')), logger);
    expect(result.warnings[0]).toMatch(/Could not read maxmemory-policy/);
  });
});

describe('redisAnswers', () => {
  it('says no, within its timeout, when PING never comes back', async () => {
    const hanging = { ping: () => new Promise<string>(() => {}) };
    const started = Date.now();
    expect(await redisAnswers(hanging, 100)).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { masters } from '../../src/redis-client.js';
import { luaScript, runScript } from '../../src/redis-script.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const redis = openTestRedis();
const prefix = randomPrefix();

afterAll(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

const INCR_BY = luaScript(`
return redis.call('INCRBY', KEYS[1], ARGV[1])
`);

describe('Lua scripts run by SHA', () => {
  it('runs with its keys and arguments, and again after Redis forgot every script', async () => {
    const key = `${prefix}:{script}:counter`;
    expect(await runScript(redis, INCR_BY, [key], [2])).toBe(2);
    // A restarted or flushed server answers EVALSHA with NOSCRIPT: the script is sent again, not lost.
    for (const node of await masters(redis)) await node.script('FLUSH');
    expect(await runScript(redis, INCR_BY, [key], [3])).toBe(5);
    expect(await redis.get(key)).toBe('5');
  });

  it('names two different scripts differently and one script the same each time', () => {
    const again = luaScript(`
return redis.call('INCRBY', KEYS[1], ARGV[1])
`);
    expect(again.name).toBe(INCR_BY.name);
    expect(luaScript("return redis.call('GET', KEYS[1])").name).not.toBe(INCR_BY.name);
  });
});

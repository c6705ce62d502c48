import { createHash } from 'node:crypto';
import type { RedisClient } from './redis-client.js';

/** A Lua script the app runs on Redis, named by its SHA so each client defines it once. */
export interface LuaScript {
  readonly name: string;
  readonly lua: string;
}

type ScriptCommand = (numberOfKeys: number, ...keysAndArgs: (string | number)[]) => Promise<unknown>;

/** Declares a Lua script; `runScript` runs it. */
export function luaScript(lua: string): LuaScript {
  return { name: `salesOps_${createHash('sha1').update(lua).digest('hex').slice(0, 16)}`, lua };
}

/**
 * Runs `script` with these keys and arguments. ioredis's defineCommand sends EVALSHA and falls back to EVAL
 * when the server does not know the script yet (NOSCRIPT), so the script's text crosses the wire once per
 * server instead of with every call; on a cluster it does so per node.
 */
export function runScript(
  redis: RedisClient,
  script: LuaScript,
  keys: readonly string[],
  args: readonly (string | number)[] = [],
): Promise<unknown> {
  const commands = redis as unknown as Record<string, ScriptCommand | undefined>;
  let command = commands[script.name];
  if (!command) {
    redis.defineCommand(script.name, { lua: script.lua });
    command = commands[script.name] as ScriptCommand;
  }
  return command.call(redis, keys.length, ...keys, ...args);
}

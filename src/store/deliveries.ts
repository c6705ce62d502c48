import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** Delivery records outlive any job retry or stalled re-run by far, then expire. */
export const DELIVERY_TTL_SECONDS = 30 * 24 * 3600;

/** What the ledger knows about one delivery. */
export type DeliveryRecord =
  | { state: 'claimed'; claimedAt: number }
  | { state: 'posted'; claimedAt: number; channel: string; ts: string };

/** An A/B send to count when the delivery is first marked posted. */
export interface AbSend {
  stepKey: string;
  variant: string;
}

/** Claims deliveries before posting and marks them posted after, see processors/post.ts for the protocol. */
export interface DeliveryLedger {
  /** Claims the delivery; `fresh` is false when an earlier run already claimed (or posted) it. */
  claim(teamId: string, key: string, nowMs: number): Promise<{ fresh: boolean; record: DeliveryRecord }>;
  /** Marks the delivery posted and counts its A/B send, once; false when it was already marked. */
  markPosted(
    teamId: string,
    key: string,
    message: { channel: string; ts: string },
    ab?: AbSend,
  ): Promise<boolean>;
  /** Drops a claim whose post certainly did not happen (Slack refused it), so the next run starts fresh. */
  release(teamId: string, key: string): Promise<void>;
  get(teamId: string, key: string): Promise<DeliveryRecord | undefined>;
}

/**
 * Claims a delivery: { 1 if this call claimed it, the record's fields }. A Lua function, so the sender's
 * one-round-trip steps (jobs/delivery-steps.ts) run the same code.
 */
export const CLAIM_LUA = `
local function claim(key, claimedAt, ttl)
  local fresh = redis.call('HSETNX', key, 'state', 'claimed')
  if fresh == 1 then
    redis.call('HSET', key, 'claimedAt', claimedAt)
    redis.call('EXPIRE', key, ttl)
  end
  return { fresh, redis.call('HGETALL', key) }
end
`;

const CLAIM_SCRIPT = luaScript(`${CLAIM_LUA}
return claim(KEYS[1], ARGV[1], tonumber(ARGV[2]))
`);

/**
 * Marks a delivery posted and counts its A/B send (`field`, '' for none), once: 1, or 0 when it was marked
 * already. A Lua function, shared as CLAIM_LUA is.
 */
export const POSTED_LUA = `
local function markPosted(key, abKey, abIndex, channel, ts, stepKey, field)
  if redis.call('HGET', key, 'state') == 'posted' then return 0 end
  redis.call('HSET', key, 'state', 'posted', 'channel', channel, 'ts', ts)
  if field ~= '' then
    redis.call('HINCRBY', abKey, field, 1)
    redis.call('SADD', abIndex, stepKey)
  end
  return 1
end
`;

/** KEYS: delivery, A/B counters, A/B index. ARGV: channel, ts, step key, counter field ('' for none). */
const POSTED_SCRIPT = luaScript(`${POSTED_LUA}
return markPosted(KEYS[1], KEYS[2], KEYS[3], ARGV[1], ARGV[2], ARGV[3], ARGV[4])
`);

/** The keys and arguments POSTED_LUA takes to mark one delivery posted. */
export function postedCall(
  k: FollowupKeys,
  teamId: string,
  key: string,
  message: { channel: string; ts: string },
  ab?: AbSend,
): { keys: string[]; args: string[] } {
  return {
    keys: [k.delivery(teamId, key), k.ab(teamId, ab?.stepKey ?? ''), k.abIndex(teamId)],
    args: [message.channel, message.ts, ab?.stepKey ?? '', ab ? `${ab.variant}:sends` : ''],
  };
}

const RELEASE_SCRIPT = luaScript(`
if redis.call('HGET', KEYS[1], 'state') == 'claimed' then redis.call('DEL', KEYS[1]) end
return 1
`);

/** The record a delivery hash's fields hold, or undefined for none. */
export function recordOf(fields: Record<string, string>): DeliveryRecord | undefined {
  const claimedAt = Number(fields.claimedAt ?? 0);
  if (fields.state === 'posted' && fields.channel && fields.ts) {
    return { state: 'posted', claimedAt, channel: fields.channel, ts: fields.ts };
  }
  if (fields.state === 'claimed' || fields.state === 'posted') return { state: 'claimed', claimedAt };
  return undefined;
}

/** HGETALL's flat [field, value, …] reply as an object. */
export function pairs(flat: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = String(flat[i + 1]);
  return out;
}

/** A claim from CLAIM_LUA's reply, made at `nowMs`. */
export function claimOf(reply: unknown, nowMs: number): { fresh: boolean; record: DeliveryRecord } {
  const [fresh, flat] = Array.isArray(reply) ? reply : [0, []];
  const record = recordOf(pairs(flat)) ?? { state: 'claimed', claimedAt: nowMs };
  return { fresh: fresh === 1, record };
}

/** Creates the delivery ledger. */
export function createDeliveryLedger(redis: RedisClient, k: FollowupKeys): DeliveryLedger {
  return {
    async claim(teamId, key, nowMs) {
      const reply = await runScript(
        redis,
        CLAIM_SCRIPT,
        [k.delivery(teamId, key)],
        [nowMs, DELIVERY_TTL_SECONDS],
      );
      return claimOf(reply, nowMs);
    },
    async markPosted(teamId, key, message, ab) {
      const { keys, args } = postedCall(k, teamId, key, message, ab);
      return (await runScript(redis, POSTED_SCRIPT, keys, args)) === 1;
    },
    async release(teamId, key) {
      await runScript(redis, RELEASE_SCRIPT, [k.delivery(teamId, key)]);
    },
    async get(teamId, key) {
      return recordOf(await redis.hgetall(k.delivery(teamId, key)));
    },
  };
}

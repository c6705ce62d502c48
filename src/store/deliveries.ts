import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** Delivery records outlive any job retry or stalled re-run by far, then expire. */
const DELIVERY_TTL_SECONDS = 30 * 24 * 3600;

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

const CLAIM_SCRIPT = luaScript(`
local fresh = redis.call('HSETNX', KEYS[1], 'state', 'claimed')
if fresh == 1 then
  redis.call('HSET', KEYS[1], 'claimedAt', ARGV[1])
  redis.call('EXPIRE', KEYS[1], tonumber(ARGV[2]))
end
return { fresh, redis.call('HGETALL', KEYS[1]) }
`);

/** KEYS: delivery, A/B counters, A/B index. ARGV: channel, ts, step key, counter field ('' for none). */
const POSTED_SCRIPT = luaScript(`
if redis.call('HGET', KEYS[1], 'state') == 'posted' then return 0 end
redis.call('HSET', KEYS[1], 'state', 'posted', 'channel', ARGV[1], 'ts', ARGV[2])
if ARGV[4] ~= '' then
  redis.call('HINCRBY', KEYS[2], ARGV[4], 1)
  redis.call('SADD', KEYS[3], ARGV[3])
end
return 1
`);

const RELEASE_SCRIPT = luaScript(`
if redis.call('HGET', KEYS[1], 'state') == 'claimed' then redis.call('DEL', KEYS[1]) end
return 1
`);

function recordOf(fields: Record<string, string>): DeliveryRecord | undefined {
  const claimedAt = Number(fields.claimedAt ?? 0);
  if (fields.state === 'posted' && fields.channel && fields.ts) {
    return { state: 'posted', claimedAt, channel: fields.channel, ts: fields.ts };
  }
  if (fields.state === 'claimed' || fields.state === 'posted') return { state: 'claimed', claimedAt };
  return undefined;
}

function pairs(flat: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) out[String(flat[i])] = String(flat[i + 1]);
  return out;
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
      const [fresh, flat] = Array.isArray(reply) ? reply : [0, []];
      const record = recordOf(pairs(flat)) ?? { state: 'claimed', claimedAt: nowMs };
      return { fresh: fresh === 1, record };
    },
    async markPosted(teamId, key, message, ab) {
      const marked = await runScript(
        redis,
        POSTED_SCRIPT,
        [k.delivery(teamId, key), k.ab(teamId, ab?.stepKey ?? ''), k.abIndex(teamId)],
        [message.channel, message.ts, ab?.stepKey ?? '', ab ? `${ab.variant}:sends` : ''],
      );
      return marked === 1;
    },
    async release(teamId, key) {
      await runScript(redis, RELEASE_SCRIPT, [k.delivery(teamId, key)]);
    },
    async get(teamId, key) {
      return recordOf(await redis.hgetall(k.delivery(teamId, key)));
    },
  };
}

import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import {
  type AbSend,
  CLAIM_LUA,
  claimOf,
  DELIVERY_TTL_SECONDS,
  type DeliveryRecord,
  POSTED_LUA,
  pairs,
  postedCall,
  recordOf,
} from '../store/deliveries.js';
import type { FollowupKeys } from '../store/enrolments-keys.js';
import {
  CHANNEL_PACE_MS,
  paceKeys,
  RESERVE_LUA,
  type Reservation,
  reservationOf,
  reserveArgs,
  SENT_LUA,
} from './pace.js';

/**
 * KEYS: the channel's three pace keys, the delivery. ARGV: the reservation's five, the claim's time and TTL.
 * A delivery posted already (with its channel and ts, as `recordOf` reads a posted record): { 2, its
 * fields }, nothing reserved. Otherwise the reservation, and when it is granted the claim too:
 * { 0, reservation } or { 1, reservation, claim }.
 */
const PREPARE_SCRIPT = luaScript(`${RESERVE_LUA}${CLAIM_LUA}
local f = redis.call('HMGET', KEYS[4], 'state', 'channel', 'ts')
if f[1] == 'posted' and f[2] and f[2] ~= '' and f[3] and f[3] ~= '' then
  return { 2, redis.call('HGETALL', KEYS[4]) }
end
local r = reserve(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
if r[4] == 0 then return { 0, r } end
return { 1, r, claim(KEYS[4], ARGV[6], tonumber(ARGV[7])) }
`);

/** KEYS: the channel's three pace keys, then the delivery's three (POSTED_LUA). ARGV: the interval, then its four. */
const RECORD_SCRIPT = luaScript(`${SENT_LUA}${POSTED_LUA}
sent(KEYS[2], KEYS[3], tonumber(ARGV[1]))
return markPosted(KEYS[4], KEYS[5], KEYS[6], ARGV[2], ARGV[3], ARGV[4], ARGV[5])
`);

/** Where a delivery stands once prepared. */
export type Prepared =
  | { state: 'posted'; channel: string; ts: string }
  | { state: 'paced'; reservation: Reservation }
  | { state: 'claimed'; fresh: boolean; record: DeliveryRecord; postInMs: number };

/**
 * The exactly-once protocol's Redis steps around one post (digest-deliver.ts), one round trip each, where
 * the pace and the ledger alone take five: the same Lua functions as their own scripts (pace.ts,
 * store/deliveries.ts), run together. The keys share the team's hash tag, so they also run on a cluster.
 */
export interface DeliverySteps {
  /**
   * Reads the delivery and, unless it was posted, reserves the channel's slot (a held one, or one at
   * `atMs`, as `ChannelPace.reserve`) and, when the slot is granted, claims the delivery at `nowMs`. A
   * slot ready up to `aheadMs` later is granted for when it is ready, if no post is in flight (RESERVE_LUA).
   * Claimed, `postInMs` says how long after the reply to post.
   */
  prepare(input: {
    teamId: string;
    channel: string;
    key: string;
    nowMs: number;
    heldSlot?: number | undefined;
    atMs?: number | undefined;
    aheadMs?: number | undefined;
  }): Promise<Prepared>;
  /**
   * Slack answered the post: the channel's next post is spaced from now, and the delivery is marked posted
   * with its A/B send, once (false when it was marked already).
   */
  record(
    teamId: string,
    channel: string,
    key: string,
    message: { channel: string; ts: string },
    ab?: AbSend,
  ): Promise<boolean>;
}

/** Creates the steps; `intervalMs` is the channel pace's gap between two posts. */
export function createDeliverySteps(
  redis: RedisClient,
  k: FollowupKeys,
  intervalMs = CHANNEL_PACE_MS,
): DeliverySteps {
  return {
    async prepare({ teamId, channel, key, nowMs, heldSlot, atMs, aheadMs }) {
      const reply = await runScript(
        redis,
        PREPARE_SCRIPT,
        [...paceKeys(k, teamId, channel), k.delivery(teamId, key)],
        [...reserveArgs(intervalMs, heldSlot, atMs, aheadMs), nowMs, DELIVERY_TTL_SECONDS],
      );
      const [outcome, first, claim] = Array.isArray(reply) ? reply : [];
      if (outcome === 2) {
        const record = recordOf(pairs(first));
        if (record?.state !== 'posted')
          throw new Error(`delivery ${key} reads as posted without its message`);
        return { state: 'posted', channel: record.channel, ts: record.ts };
      }
      const reservation = reservationOf(first);
      if (outcome !== 1) return { state: 'paced', reservation };
      return { state: 'claimed', postInMs: reservation.postInMs ?? 0, ...claimOf(claim, nowMs) };
    },
    async record(teamId, channel, key, message, ab) {
      const posted = postedCall(k, teamId, key, message, ab);
      const reply = await runScript(
        redis,
        RECORD_SCRIPT,
        [...paceKeys(k, teamId, channel), ...posted.keys],
        [intervalMs, ...posted.args],
      );
      return reply === 1;
    },
  };
}

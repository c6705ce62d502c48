import type { RedisClient } from '../redis-client.js';
import type { FollowupKeys } from '../store/enrolments-keys.js';

/** Slack allows about one message per second per channel; a tenth more leaves room for network jitter. */
export const CHANNEL_PACE_MS = 1100;

/**
 * Reserves the channel's next free posting slot, on Redis's clock so every worker agrees. A job that
 * already holds a slot (ARGV[2]) only reads the clock, unless that slot is long past (the job failed and
 * came back on its retry backoff) and it queues again. Returns { slot, now } in milliseconds.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local held = tonumber(ARGV[2])
local interval = tonumber(ARGV[1])
if held > 0 and held + interval > now then return { held, now } end
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local slot = math.max(now, free)
redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
return { slot, now }
`;

/** Pushes the channel's next free slot to at least now + ARGV[1] ms (after a 429). */
const PUSH_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(free, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], until_, 'PX', until_ - now + 60000)
return until_ - now
`;

/** A reservation: post when `waitMs` is 0, otherwise come back after it, holding `slot`. */
export interface Reservation {
  slot: number;
  waitMs: number;
}

/** Per-channel posting pace held in Redis (BullMQ's per-group limits are a paid feature). */
export interface ChannelPace {
  reserve(teamId: string, channel: string, heldSlot?: number): Promise<Reservation>;
  /** Keeps the channel free of posts for `ms` (Slack's Retry-After). */
  holdOff(teamId: string, channel: string, ms: number): Promise<void>;
}

/**
 * How early a job may post rather than be delayed again for a few milliseconds: BullMQ may wake a
 * delayed job slightly early, and the pace already keeps 100 ms above Slack's one second.
 */
const SLACK_MS = 75;

/** Creates the channel pace; `intervalMs` is the gap between two posts to one channel. */
export function createChannelPace(
  redis: RedisClient,
  k: FollowupKeys,
  intervalMs = CHANNEL_PACE_MS,
): ChannelPace {
  return {
    async reserve(teamId, channel, heldSlot) {
      const reply = await redis.eval(RESERVE_SCRIPT, 1, k.pace(teamId, channel), intervalMs, heldSlot ?? 0);
      const [slot, now] = Array.isArray(reply) ? reply.map(Number) : [0, 0];
      const wait = (slot ?? 0) - (now ?? 0);
      return { slot: slot ?? 0, waitMs: wait <= SLACK_MS ? 0 : wait };
    },
    async holdOff(teamId, channel, ms) {
      await redis.eval(PUSH_SCRIPT, 1, k.pace(teamId, channel), Math.max(0, Math.round(ms)));
    },
  };
}

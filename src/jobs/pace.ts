import type { RedisClient } from '../redis-client.js';
import type { FollowupKeys } from '../store/enrolments-keys.js';

/** Slack allows about one message per second per channel; a tenth more leaves room for network jitter. */
export const CHANNEL_PACE_MS = 1100;

/**
 * Reserves the channel's next free posting slot, on Redis's clock so every worker agrees, and spaces posts
 * by when they really went out. KEYS[1] holds the next free slot, KEYS[2] when the last post was let go.
 * A job that holds a slot (ARGV[2]) keeps it unless it is long past (the job came back on its retry
 * backoff) or a post went out since, less than an interval before it (a job that woke late took it):
 * then it queues again. A slot within ARGV[3] ms is granted, and the grant time recorded as the last
 * post. Returns { slot, now, granted } in milliseconds.
 */
const RESERVE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local held = tonumber(ARGV[2])
local early = tonumber(ARGV[3])
local last = tonumber(redis.call('GET', KEYS[2]) or '-1e15')
local slot = held
if not (held > 0 and held + interval > now and held + early >= last + interval) then
  local free = tonumber(redis.call('GET', KEYS[1]) or '0')
  slot = math.max(now, free, last + interval)
  redis.call('SET', KEYS[1], slot + interval, 'PX', slot + interval - now + 60000)
end
if slot - now <= early then
  redis.call('SET', KEYS[2], now, 'PX', interval + 60000)
  return { slot, now, 1 }
end
return { slot, now, 0 }
`;

/** Keeps the channel clear for ARGV[1] ms from now (after a 429): no new slot and no held slot before it. */
const PUSH_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[2])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(free, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], until_, 'PX', until_ - now + 60000)
local last = tonumber(redis.call('GET', KEYS[2]) or '-1e15')
local blocked = now + tonumber(ARGV[1]) - interval
if blocked > last then redis.call('SET', KEYS[2], blocked, 'PX', math.max(1, blocked + interval - now) + 60000) end
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
      const key = k.pace(teamId, channel);
      const reply = await redis.eval(
        RESERVE_SCRIPT,
        2,
        key,
        `${key}:posted`,
        intervalMs,
        heldSlot ?? 0,
        SLACK_MS,
      );
      const [slot = 0, now = 0, granted = 0] = Array.isArray(reply) ? reply.map(Number) : [];
      return { slot, waitMs: granted === 1 ? 0 : Math.max(1, slot - now) };
    },
    async holdOff(teamId, channel, ms) {
      const key = k.pace(teamId, channel);
      await redis.eval(PUSH_SCRIPT, 2, key, `${key}:posted`, Math.max(0, Math.round(ms)), intervalMs);
    },
  };
}

import type { RedisClient } from '../redis-client.js';
import { luaScript, runScript } from '../redis-script.js';
import type { FollowupKeys } from '../store/enrolments-keys.js';

/**
 * Slack allows about one message per second per channel. The gap runs from Slack's answer to the last post
 * (SENT_LUA, on Redis's clock once the answer is in), and Slack received that post before it answered, so
 * posts reach Slack at least a second apart with no margin added: a post granted for a later instant waits
 * for it counted from Redis's reply (digest-deliver.ts), never from before Redis ran the step.
 */
export const CHANNEL_PACE_MS = 1000;

/**
 * Reserves the channel's next free posting slot, on Redis's clock so every worker agrees, and spaces posts
 * by when they really went out. `freeKey` holds the next free slot, `lastKey` when the last post went out
 * (its grant, then Slack's answer to it), `flightKey` marks a post granted and not yet answered. A job that
 * holds a slot (`held`) keeps it unless it is long past (the job came back on its retry backoff): then it
 * queues again. A held slot is ready once the last post is an interval old, so a job that woke late and
 * took the channel, or a slow answer, only moves the next post later, never behind the queue. A slot ready
 * within `early` ms is granted, and the grant time recorded as the last post. `distance` asks for a slot
 * that many ms from now rather than now (a post prepared before it is due; a distance, not an instant, so
 * the app's clock and Redis's never have to agree): granted, the channel counts as posted to then. A slot
 * ready later, but within `ahead` ms of that, is granted for the instant it is ready when no post is in
 * flight: the last one was answered, so that instant is a second after Slack had it, and the caller posts
 * then without asking again. Returns { slot, ready, now, granted (0, or 1 for `at`, 2 for `ready`), the
 * instant granted } in ms. A Lua function, so the sender's one-round-trip steps (delivery-steps.ts) run it.
 */
export const RESERVE_LUA = `
local function reserve(freeKey, lastKey, flightKey, interval, held, early, distance, ahead)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local at = now + math.max(0, distance)
  local last = tonumber(redis.call('GET', lastKey) or '-1e15')
  local slot = held
  if not (held > 0 and held + interval > at) then
    local free = tonumber(redis.call('GET', freeKey) or '0')
    slot = math.max(at, free, last + interval)
    redis.call('SET', freeKey, slot + interval, 'PX', slot + interval - now + 60000)
  end
  local ready = math.max(slot, last + interval)
  local granted = 0
  local instant = at
  if ready - at <= early then
    granted = 1
  elseif ready - at <= ahead and redis.call('EXISTS', flightKey) == 0 then
    granted = 2
    instant = ready
  end
  if granted == 0 then return { slot, ready, now, 0, 0 } end
  redis.call('SET', lastKey, instant, 'PX', instant - now + interval + 60000)
  redis.call('SET', flightKey, 1, 'PX', instant - now + interval + 60000)
  return { slot, ready, now, granted, instant }
end
`;

const RESERVE_SCRIPT = luaScript(`${RESERVE_LUA}
return reserve(KEYS[1], KEYS[2], KEYS[3], tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
`);

/**
 * Slack answered the channel's last post: the next one is spaced from now (`lastKey`, never moved back),
 * and no post is in flight. A Lua function, run by delivery-steps.ts with the delivery's record.
 */
export const SENT_LUA = `
local function sent(lastKey, flightKey, interval)
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local last = tonumber(redis.call('GET', lastKey) or '-1e15')
  if now > last then redis.call('SET', lastKey, now, 'PX', interval + 60000) end
  redis.call('DEL', flightKey)
  return now
end
`;

/**
 * KEYS: the pace keys of each channel in turn. ARGV: the interval. Reserves each channel's next slot in turn
 * without granting it (an early grant of -1 ms never grants, so no channel's last post moves); returns
 * { slot, ms until it is ready } per channel.
 */
const BOOK_SCRIPT = luaScript(`${RESERVE_LUA}
local out = {}
for i = 1, #KEYS, 3 do
  local r = reserve(KEYS[i], KEYS[i + 1], KEYS[i + 2], tonumber(ARGV[1]), 0, -1, 0, -1)
  out[#out + 1] = r[1]
  out[#out + 1] = math.max(0, r[2] - r[3])
end
return out
`);

/** Keeps the channel clear for ARGV[1] ms from now (after a 429): no new slot and no held slot before it. */
const PUSH_SCRIPT = luaScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[2])
local free = tonumber(redis.call('GET', KEYS[1]) or '0')
local until_ = math.max(free, now + tonumber(ARGV[1]))
redis.call('SET', KEYS[1], until_, 'PX', until_ - now + 60000)
local last = tonumber(redis.call('GET', KEYS[2]) or '-1e15')
local blocked = now + tonumber(ARGV[1]) - interval
if blocked > last then redis.call('SET', KEYS[2], blocked, 'PX', math.max(1, blocked + interval - now) + 60000) end
redis.call('DEL', KEYS[3])
return until_ - now
`);

/** A reservation: post when `waitMs` is 0, otherwise come back after it, holding `slot`. */
export interface Reservation {
  slot: number;
  waitMs: number;
  /** Granted: how long after Redis's reply to post (0 now; later for a post prepared ahead of its instant). */
  postInMs?: number;
}

/** Per-channel posting pace held in Redis (BullMQ's per-group limits are a paid feature). */
export interface ChannelPace {
  /** A slot now, or at `atMs` (post then when granted); `heldSlot` is one an earlier run reserved. */
  reserve(teamId: string, channel: string, heldSlot?: number, atMs?: number): Promise<Reservation>;
  /**
   * Books each channel's next free slot for a post handed to the sender queue, without taking it: the job
   * holds the slot and runs just before it (`waitMs` from now), so it is not fetched only to wait again.
   * One step for all, in the order given: a channel named twice gets its second slot behind the first.
   */
  book(teamId: string, channels: readonly string[]): Promise<Reservation[]>;
  /** Keeps the channel free of posts for `ms` (Slack's Retry-After). */
  holdOff(teamId: string, channel: string, ms: number): Promise<void>;
}

/**
 * How early a slot may be granted rather than waited for again: none, as the pace has no margin above
 * Slack's one second. A job woken a millisecond early (timers, BullMQ) waits that millisecond and asks again.
 */
const EARLY_GRANT_MS = 0;

/** The pace's keys for a channel: its next free slot, when its last post went out, and a post in flight. */
export function paceKeys(k: FollowupKeys, teamId: string, channel: string): [string, string, string] {
  const key = k.pace(teamId, channel);
  return [key, `${key}:posted`, `${key}:flight`];
}

/**
 * The reservation's arguments (RESERVE_LUA's, after the keys): a held slot, an instant to post at, and how
 * much later than that a slot may be granted for the instant it is ready (the wait the caller would sit out).
 */
export function reserveArgs(intervalMs: number, heldSlot?: number, atMs?: number, aheadMs = 0): number[] {
  return [
    intervalMs,
    heldSlot ?? 0,
    EARLY_GRANT_MS,
    atMs === undefined ? 0 : Math.max(0, Math.round(atMs - Date.now())),
    aheadMs,
  ];
}

/** A reservation from RESERVE_LUA's reply. */
export function reservationOf(reply: unknown): Reservation {
  const [slot = 0, ready = 0, now = 0, granted = 0, instant = 0] = Array.isArray(reply)
    ? reply.map(Number)
    : [];
  if (granted === 0) return { slot, waitMs: Math.max(1, ready - now) };
  return { slot, waitMs: 0, postInMs: Math.max(0, instant - now) };
}

/** Creates the channel pace; `intervalMs` is the gap between two posts to one channel. */
export function createChannelPace(
  redis: RedisClient,
  k: FollowupKeys,
  intervalMs = CHANNEL_PACE_MS,
): ChannelPace {
  return {
    async reserve(teamId, channel, heldSlot, atMs) {
      const reply = await runScript(
        redis,
        RESERVE_SCRIPT,
        paceKeys(k, teamId, channel),
        reserveArgs(intervalMs, heldSlot, atMs),
      );
      return reservationOf(reply);
    },
    async book(teamId, channels) {
      if (channels.length === 0) return [];
      const keys = channels.flatMap((channel) => paceKeys(k, teamId, channel));
      const reply = await runScript(redis, BOOK_SCRIPT, keys, [intervalMs]);
      const pairs = Array.isArray(reply) ? reply.map(Number) : [];
      return channels.map((_, i) => ({ slot: pairs[2 * i] ?? 0, waitMs: pairs[2 * i + 1] ?? 0 }));
    },
    async holdOff(teamId, channel, ms) {
      const keys = paceKeys(k, teamId, channel);
      await runScript(redis, PUSH_SCRIPT, keys, [Math.max(0, Math.round(ms)), intervalMs]);
    },
  };
}

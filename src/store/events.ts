import type { RedisClient } from '../redis-client.js';
import type { Keys } from './keys.js';

/** How long an event id is remembered; Slack's last retry comes about five minutes after the first try. */
export const EVENT_DEDUPE_SECONDS = 3600;

export interface EventLedger {
  /** True the first time an event id is seen for a team, false for every retry of it within the hour. */
  claim(teamId: string, eventId: string): Promise<boolean>;
}

/** Creates the ledger that keeps a retried event from being handled twice. */
export function createEventLedger(redis: RedisClient, keys: Keys): EventLedger {
  return {
    async claim(teamId, eventId) {
      const set = await redis.set(keys.event(teamId, eventId), '1', 'EX', EVENT_DEDUPE_SECONDS, 'NX');
      return set === 'OK';
    },
  };
}

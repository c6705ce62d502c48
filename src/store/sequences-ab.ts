import type { RedisClient } from '../redis-client.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** Sends and replies of one variant of one step. */
export interface VariantCounts {
  sends: number;
  replies: number;
}

/** A/B counters of one step (`sequenceId#step`), by variant: `a`, `b`, or `single` for a step not under test. */
export interface StepCounts {
  stepKey: string;
  variants: Record<string, VariantCounts>;
}

/** The A/B counters: sends are counted with each delivery (deliveries.ts), replies here. */
export interface AbCounters {
  recordReply(teamId: string, stepKey: string, variant: string): Promise<void>;
  /** Every step's counters, sorted by step key. */
  list(teamId: string): Promise<StepCounts[]>;
}

/** The counter variant of a step: its A/B variant, or `single` when the step has only one template. */
export function counterVariant(variant: string | undefined): string {
  return variant ?? 'single';
}

/** Creates the A/B counters. */
export function createAbCounters(redis: RedisClient, k: FollowupKeys): AbCounters {
  return {
    async recordReply(teamId, stepKey, variant) {
      await redis
        .multi()
        .hincrby(k.ab(teamId, stepKey), `${variant}:replies`, 1)
        .sadd(k.abIndex(teamId), stepKey)
        .exec();
    },
    async list(teamId) {
      const stepKeys = (await redis.smembers(k.abIndex(teamId))).sort();
      return Promise.all(
        stepKeys.map(async (stepKey) => {
          const fields = await redis.hgetall(k.ab(teamId, stepKey));
          const variants: Record<string, VariantCounts> = {};
          for (const [field, value] of Object.entries(fields)) {
            const [variant = '', what] = field.split(':');
            const counts = variants[variant] ?? { sends: 0, replies: 0 };
            if (what === 'sends') counts.sends = Number(value);
            if (what === 'replies') counts.replies = Number(value);
            variants[variant] = counts;
          }
          return { stepKey, variants };
        }),
      );
    },
  };
}

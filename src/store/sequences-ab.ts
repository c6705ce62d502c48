import { type AbPlan, abPlanSchema } from '../engines/optimizer/index.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { FollowupKeys } from './enrolments-keys.js';

/** The field of a step's counter hash that holds the sample plan fixed when its test started. */
const PLAN_FIELD = 'plan';

/** Sends and replies of one variant of one step. */
export interface VariantCounts {
  sends: number;
  replies: number;
}

/** A/B counters of one step (`sequenceId#step`), by variant: `a`, `b`, or `single` for a step not under test. */
export interface StepCounts {
  stepKey: string;
  variants: Record<string, VariantCounts>;
  /** The sample plan fixed when the step's A/B test started, if it has been. */
  plan?: AbPlan;
}

/** The A/B counters: sends are counted with each delivery (deliveries.ts), replies here. */
export interface AbCounters {
  recordReply(teamId: string, stepKey: string, variant: string): Promise<void>;
  /** Every step's counters, sorted by step key. */
  list(teamId: string): Promise<StepCounts[]>;
  /** One step's counters (no variants when nothing was counted yet). */
  get(teamId: string, stepKey: string): Promise<StepCounts>;
  /** Keeps `plan` for the step unless one is already fixed; returns the plan that stands. */
  fixPlan(teamId: string, stepKey: string, plan: AbPlan): Promise<AbPlan>;
  /** Forgets the step's plan: its test ended (variant B removed), and the next test plans afresh. */
  clearPlan(teamId: string, stepKey: string): Promise<void>;
}

/** The counter variant of a step: its A/B variant, or `single` when the step has only one template. */
export function counterVariant(variant: string | undefined): string {
  return variant ?? 'single';
}

/** Creates the A/B counters. */
export function createAbCounters(redis: RedisClient, k: FollowupKeys): AbCounters {
  const read = async (teamId: string, stepKey: string): Promise<StepCounts> => {
    const key = k.ab(teamId, stepKey);
    const fields = await redis.hgetall(key);
    const variants: Record<string, VariantCounts> = {};
    for (const [field, value] of Object.entries(fields)) {
      if (field === PLAN_FIELD) continue;
      const [variant = '', what] = field.split(':');
      const counts = variants[variant] ?? { sends: 0, replies: 0 };
      if (what === 'sends') counts.sends = Number(value);
      if (what === 'replies') counts.replies = Number(value);
      variants[variant] = counts;
    }
    const plan = decode(abPlanSchema, `${key} ${PLAN_FIELD}`, fields[PLAN_FIELD] ?? null);
    return plan === undefined ? { stepKey, variants } : { stepKey, variants, plan };
  };
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
      return Promise.all(stepKeys.map((stepKey) => read(teamId, stepKey)));
    },
    get: read,
    async fixPlan(teamId, stepKey, plan) {
      const key = k.ab(teamId, stepKey);
      await redis
        .multi()
        .hsetnx(key, PLAN_FIELD, JSON.stringify(abPlanSchema.parse(plan)))
        .sadd(k.abIndex(teamId), stepKey)
        .exec();
      return decode(abPlanSchema, `${key} ${PLAN_FIELD}`, await redis.hget(key, PLAN_FIELD)) ?? plan;
    },
    async clearPlan(teamId, stepKey) {
      await redis.hdel(k.ab(teamId, stepKey), PLAN_FIELD);
    },
  };
}

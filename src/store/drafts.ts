import { z } from 'zod';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

/** A draft left alone this long disappears; each save starts the clock again. */
export const DRAFT_TTL_SECONDS = 30 * 24 * 60 * 60;

const draftSchema = z.object({
  /** The intake answered so far, in the intake's own shape; validated only when the intake is finished. */
  intake: z.record(z.string(), z.unknown()),
  /** The intake step the person reached, starting at 1. */
  step: z.number().int().min(1),
  /** Where the blueprint goes when the intake is finished. */
  channelId: z.string().optional(),
  updatedAt: z.iso.datetime(),
});

export type Draft = z.output<typeof draftSchema>;
export type DraftInput = Omit<Draft, 'updatedAt'>;

/** Half-filled intakes, one per user and team. */
export interface DraftRepository {
  get(teamId: string, userId: string): Promise<Draft | undefined>;
  save(teamId: string, userId: string, draft: DraftInput, at: Date): Promise<Draft>;
  remove(teamId: string, userId: string): Promise<void>;
}

/** Creates the draft repository. */
export function createDraftRepository(redis: RedisClient, keys: Keys): DraftRepository {
  return {
    async get(teamId, userId) {
      const key = keys.draft(teamId, userId);
      return decode(draftSchema, key, await redis.get(key));
    },
    async save(teamId, userId, input, at) {
      const draft = draftSchema.parse({ ...input, updatedAt: at.toISOString() });
      await redis.set(keys.draft(teamId, userId), JSON.stringify(draft), 'EX', DRAFT_TTL_SECONDS);
      return draft;
    },
    async remove(teamId, userId) {
      await redis.unlink(keys.draft(teamId, userId));
    },
  };
}

import { z } from 'zod';
import { intakeSchema, parseIntake } from '../engines/intake.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

const savedProfileSchema = z.object({
  intake: intakeSchema,
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().min(1),
});

/** A workspace's business profile: the validated intake as the team wrote it, and who saved it when. */
export type SavedProfile = z.output<typeof savedProfileSchema>;

export interface ProfileRepository {
  get(teamId: string): Promise<SavedProfile | undefined>;
  /**
   * Validates and saves the intake (throws InputError listing each bad field); with `clearDraft` the
   * saving user's draft is deleted in the same transaction, so a finished intake never leaves a stale draft.
   */
  save(
    teamId: string,
    intake: unknown,
    meta: { by: string; at: Date; clearDraft?: boolean },
  ): Promise<SavedProfile>;
  remove(teamId: string): Promise<void>;
}

/** Creates the profile repository. */
export function createProfileRepository(redis: RedisClient, keys: Keys): ProfileRepository {
  return {
    async get(teamId) {
      const key = keys.profile(teamId);
      return decode(savedProfileSchema, key, await redis.get(key));
    },
    async save(teamId, intake, meta) {
      const profile: SavedProfile = {
        intake: parseIntake(intake),
        updatedAt: meta.at.toISOString(),
        updatedBy: meta.by,
      };
      const tx = redis.multi().set(keys.profile(teamId), JSON.stringify(profile));
      if (meta.clearDraft) tx.unlink(keys.draft(teamId, meta.by));
      await tx.exec();
      return profile;
    },
    async remove(teamId) {
      await redis.unlink(keys.profile(teamId));
    },
  };
}

import { z } from 'zod';
import { FRAMEWORK_IDS } from '../engines/types.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

const blueprintSummarySchema = z.object({
  business: z.string().min(1),
  framework: z.enum(FRAMEWORK_IDS),
  /** Pipeline Health out of 10. */
  health: z.number().min(0).max(10),
  generatedAt: z.iso.datetime(),
  generatedBy: z.string().min(1),
  /** Where it was posted: channel id and message ts. */
  channel: z.string().min(1),
  ts: z.string().min(1),
});

/** What the Home tab shows of a workspace's last blueprint. */
export type BlueprintSummary = z.output<typeof blueprintSummarySchema>;

export interface BlueprintRepository {
  getLast(teamId: string): Promise<BlueprintSummary | undefined>;
  saveLast(teamId: string, summary: BlueprintSummary): Promise<void>;
}

/** Creates the repository of each team's last blueprint summary. */
export function createBlueprintRepository(redis: RedisClient, keys: Keys): BlueprintRepository {
  return {
    async getLast(teamId) {
      const key = keys.blueprint(teamId);
      return decode(blueprintSummarySchema, key, await redis.get(key));
    },
    async saveLast(teamId, summary) {
      await redis.set(keys.blueprint(teamId), JSON.stringify(blueprintSummarySchema.parse(summary)));
    },
  };
}

import { z } from 'zod';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

const slackId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

const digestSchema = z.object({
  teamId: slackId,
  enterpriseId: slackId.exactOptional(),
  channelId: slackId,
  /** Five-field cron pattern in `tz`. */
  pattern: z.string().min(9).max(100),
  tz: z.string().min(1),
  description: z.string().min(1),
  cadence: z.enum(['weekly', 'daily']),
  paused: z.boolean(),
  updatedBy: z.string().min(1),
  updatedAt: z.iso.datetime(),
});

/** One channel's digest: when it runs (cron in the channel's zone), and whether it is paused. */
export type DigestSettings = z.output<typeof digestSchema>;

export interface DigestRepository {
  get(teamId: string, channelId: string): Promise<DigestSettings | undefined>;
  /** Creates or replaces the channel's digest and lists it for the workers' start. */
  save(settings: DigestSettings): Promise<DigestSettings>;
  /** Pauses or resumes; undefined when the channel has no digest. */
  setPaused(
    teamId: string,
    channelId: string,
    paused: boolean,
    meta: { by: string; at: Date },
  ): Promise<DigestSettings | undefined>;
  /** Removes the channel's digest; false when it had none. */
  remove(teamId: string, channelId: string): Promise<boolean>;
  /** Every saved digest of every team; entries whose team was purged are dropped from the list. */
  listAll(): Promise<DigestSettings[]>;
}

const entry = (teamId: string, channelId: string) => `${teamId}/${channelId}`;

/** Creates the digest repository: one JSON record per channel, plus one set listing them all. */
export function createDigestRepository(redis: RedisClient, keys: Keys): DigestRepository {
  const get = async (teamId: string, channelId: string) => {
    const key = keys.digest(teamId, channelId);
    return decode(digestSchema, key, await redis.get(key));
  };
  const save = async (settings: DigestSettings) => {
    const parsed = digestSchema.parse(settings);
    await redis.set(keys.digest(parsed.teamId, parsed.channelId), JSON.stringify(parsed));
    await redis.sadd(keys.digestIndex(), entry(parsed.teamId, parsed.channelId));
    return parsed;
  };
  return {
    get,
    save,
    async setPaused(teamId, channelId, paused, meta) {
      const current = await get(teamId, channelId);
      if (current === undefined) return undefined;
      return save({ ...current, paused, updatedBy: meta.by, updatedAt: meta.at.toISOString() });
    },
    async remove(teamId, channelId) {
      const deleted = await redis.del(keys.digest(teamId, channelId));
      await redis.srem(keys.digestIndex(), entry(teamId, channelId));
      return deleted > 0;
    },
    async listAll() {
      const found: DigestSettings[] = [];
      for (const value of await redis.smembers(keys.digestIndex())) {
        const [teamId = '', channelId = ''] = value.split('/');
        const settings =
          slackId.safeParse(teamId).success && slackId.safeParse(channelId).success
            ? await get(teamId, channelId)
            : undefined;
        if (settings === undefined) await redis.srem(keys.digestIndex(), value);
        else found.push(settings);
      }
      return found;
    },
  };
}

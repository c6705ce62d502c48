import { z } from 'zod';
import { isTimeZone } from '../engines/time-zone.js';
import { FRAMEWORK_IDS } from '../engines/types.js';
import { CorruptRecordError, InputError, problemsFromZod } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import type { Keys } from './keys.js';

const settingsSchema = z.strictObject({
  framework: z
    .enum([...FRAMEWORK_IDS, 'auto'], { message: `must be one of ${FRAMEWORK_IDS.join(', ')} or auto` })
    .optional(),
  timezone: z
    .string()
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Paris or America/New_York')
    .optional(),
  quarterlyQuota: z
    .number({ message: 'must be an amount such as 250000' })
    .min(0, 'must be 0 or more')
    .optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a three-letter currency code such as USD or EUR')
    .optional(),
});

/** Per-workspace settings; a missing field means "use the default". */
export type TeamSettings = z.output<typeof settingsSchema>;
/** A change to settings: a value sets the field, null removes it. */
export type SettingsPatch = { [K in keyof TeamSettings]?: TeamSettings[K] | null };

export interface SettingsRepository {
  get(teamId: string): Promise<TeamSettings>;
  /** Applies the patch in one transaction; throws InputError naming each bad field and saves nothing then. */
  update(teamId: string, patch: SettingsPatch): Promise<TeamSettings>;
}

/** Creates the settings repository; settings are a Redis hash of JSON values, one field per setting. */
export function createSettingsRepository(redis: RedisClient, keys: Keys): SettingsRepository {
  const read = async (teamId: string): Promise<TeamSettings> => {
    const key = keys.settings(teamId);
    const raw = await redis.hgetall(key);
    const values: Record<string, unknown> = {};
    for (const [field, json] of Object.entries(raw)) {
      try {
        values[field] = JSON.parse(json);
      } catch {
        throw new CorruptRecordError(key, `field ${field} is not JSON`);
      }
    }
    const parsed = settingsSchema.safeParse(values);
    if (!parsed.success) throw new CorruptRecordError(key, parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data;
  };
  return {
    get: read,
    async update(teamId, patch) {
      const sets = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null && v !== undefined));
      const parsed = settingsSchema.safeParse(sets);
      if (!parsed.success) throw new InputError(problemsFromZod(parsed.error));
      const removals = Object.entries(patch)
        .filter(([, v]) => v === null)
        .map(([k]) => k);
      const key = keys.settings(teamId);
      const tx = redis.multi();
      const entries = Object.entries(parsed.data).map(([k, v]) => [k, JSON.stringify(v)] as const);
      if (entries.length > 0) tx.hset(key, Object.fromEntries(entries));
      if (removals.length > 0) tx.hdel(key, ...removals);
      await tx.exec();
      return read(teamId);
    },
  };
}

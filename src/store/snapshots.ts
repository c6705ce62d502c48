import { z } from 'zod';
import { METRIC_IDS, type Snapshot } from '../engines/dashboard/index.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

const snapshotSchema = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  takenAt: z.iso.datetime({ offset: true }),
  figures: z.partialRecord(z.enum(METRIC_IDS), z.number()),
});

/** The dashboard's weekly snapshots, `so:{T}:snapshot:2026-W48`, kept for trends. */
export interface SnapshotRepository {
  /** Saves the week's snapshot, replacing an earlier one of the same week. */
  save(teamId: string, snapshot: Snapshot): Promise<void>;
  /** The snapshots of the given weeks that exist, in the order asked. */
  weeks(teamId: string, weeks: readonly string[]): Promise<Snapshot[]>;
}

/** Creates the snapshot repository. */
export function createSnapshotRepository(redis: RedisClient, keys: Keys): SnapshotRepository {
  return {
    async save(teamId, snapshot) {
      const parsed = snapshotSchema.parse(snapshot);
      await redis.set(keys.snapshot(teamId, parsed.week), JSON.stringify(parsed));
    },
    async weeks(teamId, weeks) {
      if (weeks.length === 0) return [];
      const names = weeks.map((w) => keys.snapshot(teamId, w));
      const values = await redis.mget(...names);
      return values.flatMap((raw, i) => {
        const snapshot = decode(snapshotSchema, names[i] ?? '', raw);
        return snapshot === undefined ? [] : [snapshot];
      });
    },
  };
}

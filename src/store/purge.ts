import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

const SCAN_BATCH = 500;

/**
 * Deletes every key of one team and returns how many went. All of a team's keys share one hash tag and so
 * one Cluster slot; on Cluster, pass the master that owns that slot.
 */
export async function purgeTeam(redis: Redis, keys: Keys, teamId: string): Promise<number> {
  const pattern = keys.teamPattern(teamId);
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, found] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', SCAN_BATCH);
    cursor = next;
    if (found.length > 0) deleted += await redis.unlink(...found);
  } while (cursor !== '0');
  return deleted;
}

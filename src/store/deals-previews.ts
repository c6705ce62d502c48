import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { SOURCES } from '../import/index.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import { dealKeys } from './deals-keys.js';
import type { Keys } from './keys.js';

/** How long a previewed file waits for its Import button. */
export const PREVIEW_TTL_SECONDS = 30 * 60;

const previewSchema = z.object({
  userId: z.string().min(1),
  fileId: z.string().min(1),
  fileName: z.string().min(1),
  /** Slack's url_private_download; fetched again with the bot token of the click, which is never stored. */
  url: z.url({ protocol: /^https?$/ }),
  source: z.enum(SOURCES),
  rows: z.int().min(0),
  createdAt: z.iso.datetime(),
});

/** A file whose mapping was shown and that waits for Import or Cancel. */
export type PendingImport = z.output<typeof previewSchema>;

export interface ImportPreviewRepository {
  /** Keeps the pending file for PREVIEW_TTL_SECONDS and returns the id its buttons carry. */
  save(teamId: string, pending: PendingImport): Promise<string>;
  /** Removes and returns the pending file, so two clicks on Import never start two imports. */
  take(teamId: string, previewId: string): Promise<PendingImport | undefined>;
  drop(teamId: string, previewId: string): Promise<void>;
}

const PREVIEW_ID = /^[a-f0-9]{24}$/;

/** Creates the repository of pending import previews. */
export function createImportPreviewRepository(redis: RedisClient, keys: Keys): ImportPreviewRepository {
  return {
    async save(teamId, pending) {
      const previewId = randomBytes(12).toString('hex');
      const value = JSON.stringify(previewSchema.parse(pending));
      await redis.set(dealKeys(keys, teamId).preview(previewId), value, 'EX', PREVIEW_TTL_SECONDS);
      return previewId;
    },
    async take(teamId, previewId) {
      // Button values come from the person's client; an id this store did not make is just not found.
      if (!PREVIEW_ID.test(previewId)) return undefined;
      const key = dealKeys(keys, teamId).preview(previewId);
      return decode(previewSchema, key, await redis.getdel(key));
    },
    async drop(teamId, previewId) {
      if (PREVIEW_ID.test(previewId)) await redis.unlink(dealKeys(keys, teamId).preview(previewId));
    },
  };
}

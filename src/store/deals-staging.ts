import { randomBytes } from 'node:crypto';
import type { Deal, DealStatus } from '../engines/deal.js';
import type { StageDef } from '../engines/pipeline/index.js';
import type { RedisClient } from '../redis-client.js';
import { allKeys, chunkField, countField, DEAL_STATUSES, dealKeys } from './deals-keys.js';
import { packDeals } from './deals-pack.js';
import type { ImportMeta } from './deals-schema.js';
import type { Keys } from './keys.js';

/** Most deals packed into one chunk; a chunk is read and written whole. */
export const CHUNK_DEALS = 2000;

function countOf(batch: readonly Deal[], status: DealStatus): number {
  let n = 0;
  for (const deal of batch) if (deal.status === status) n += 1;
  return n;
}

/** Staged deals live this long untouched, so an import whose process died cleans itself up. */
export const STAGING_TTL_MS = 60 * 60 * 1000;

/** One import in progress: batches go to staging keys; the live deals change only on commit. */
export interface StagedImport {
  readonly importId: string;
  /** Writes a batch of deals into the staging keys, leaving the live deals untouched; use it as the import's sink. */
  write(batch: readonly Deal[]): Promise<void>;
  /** Swaps the staged deals in for the live ones in one transaction, with the import's metadata and stages. */
  commit(input: { meta: Omit<ImportMeta, 'importId'>; stages: readonly StageDef[] }): Promise<ImportMeta>;
  /** Deletes the staging keys; the live deals stay exactly as they were. */
  discard(): Promise<void>;
}

type ExecResult = [Error | null, unknown][] | null;

function failures(results: ExecResult, what: string): void {
  if (results === null) throw new Error(`Redis aborted the transaction that ${what}`);
  const failed = results.find(([error]) => error !== null)?.[0];
  if (failed) throw new Error(`Redis refused to ${what}: ${failed.message}`);
}

/** Starts an import into a team's deals under a fresh import id; nothing is visible until `commit`. */
export function stageImport(redis: RedisClient, keys: Keys, teamId: string): StagedImport {
  const importId = randomBytes(12).toString('hex');
  const names = dealKeys(keys, teamId);
  const staging = names.staging(importId);
  let chunks = 0;
  let state: 'open' | 'committed' | 'discarded' = 'open';
  const stillOpen = () => {
    if (state !== 'open') throw new Error(`import ${importId} is already ${state}`);
  };
  const discard = async () => {
    if (state === 'committed') return;
    state = 'discarded';
    await redis.unlink(...allKeys(staging));
  };

  return {
    importId,
    async write(batch) {
      stillOpen();
      if (batch.length === 0) return;
      const tx = redis.multi();
      for (let at = 0; at < batch.length; at += CHUNK_DEALS) {
        tx.hset(staging.deals, chunkField(chunks), packDeals(batch.slice(at, at + CHUNK_DEALS)));
        chunks += 1;
      }
      for (const status of DEAL_STATUSES) {
        const count = countOf(batch, status);
        if (count > 0) tx.hincrby(staging.deals, countField(status), count);
      }
      // Every write pushes the expiry back, so only an import that stops writing for an hour is dropped.
      tx.pexpire(staging.deals, STAGING_TTL_MS);
      failures(await tx.exec(), 'stage a batch of deals');
    },
    async commit({ meta, stages }) {
      stillOpen();
      const staged = [{ from: staging.deals, to: names.live.deals }];
      // Refreshing the expiry also proves every staged key still exists, so the swap below cannot half-fail.
      const alive = await redis.multi(staged.map(({ from }) => ['pexpire', from, STAGING_TTL_MS])).exec();
      if (alive === null || alive.some(([error, set]) => error !== null || set !== 1)) {
        await discard();
        throw new Error(
          'The staged deals expired before the import finished, so nothing was changed. Import the file again.',
        );
      }
      const saved: ImportMeta = { importId, ...meta };
      const tx = redis.multi().unlink(...allKeys(names.live), names.meta, names.stages);
      for (const { from, to } of staged) tx.rename(from, to).persist(to);
      tx.set(names.meta, JSON.stringify(saved)).set(names.stages, JSON.stringify(stages));
      failures(await tx.exec(), 'swap the imported deals in');
      state = 'committed';
      return saved;
    },
    discard,
  };
}

import type { Deal } from '../engines/deal.js';
import type { StageDef } from '../engines/pipeline/index.js';
import { ConflictError, CorruptRecordError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import { DEAL_STATUSES, dealKeys } from './deals-keys.js';
import { dealSchema, type ImportMeta, importMetaSchema, stagesSchema } from './deals-schema.js';
import { type StagedImport, stageImport } from './deals-staging.js';
import type { Keys } from './keys.js';

export type { ImportMeta } from './deals-schema.js';
export type { StagedImport } from './deals-staging.js';

/** How many deals a team has, in all and per status. */
export interface DealCounts {
  total: number;
  open: number;
  won: number;
  lost: number;
}

export interface DealRepository {
  /** Starts an all-or-nothing import: write batches, then commit (swap in) or discard. */
  startImport(teamId: string): StagedImport;
  /** Every deal of the team, all from the same import even when one is swapped in while reading. */
  listDeals(teamId: string): Promise<Deal[]>;
  countDeals(teamId: string): Promise<DealCounts>;
  /** What the last import read and kept, and who ran it when; undefined before the first import. */
  lastImport(teamId: string): Promise<ImportMeta | undefined>;
  /** The pipeline stages saved with the last import, in order. */
  stages(teamId: string): Promise<StageDef[] | undefined>;
}

const SCAN_COUNT = 1000;
const READ_ATTEMPTS = 3;

/** Creates the deals repository: a hash of id → deal JSON per team, a set of ids per status, meta and stages. */
export function createDealRepository(redis: RedisClient, keys: Keys): DealRepository {
  const scanOnce = async (teamId: string): Promise<Map<string, Deal>> => {
    const key = dealKeys(keys, teamId).live.deals;
    const deals = new Map<string, Deal>();
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscan(key, cursor, 'COUNT', SCAN_COUNT);
      cursor = next;
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const [id, json] = [flat[i], flat[i + 1]];
        if (id === undefined || json === undefined) continue;
        const deal = decode(dealSchema, `${key} ${id}`, json);
        if (deal === undefined || deal.id !== id) throw new CorruptRecordError(`${key} ${id}`, 'id mismatch');
        deals.set(id, deal);
      }
    } while (cursor !== '0');
    return deals;
  };

  return {
    startImport: (teamId) => stageImport(redis, keys, teamId),
    async listDeals(teamId) {
      const metaKey = dealKeys(keys, teamId).meta;
      // HSCAN takes several calls; an import swapped in between them would mix two files, so read again.
      for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
        const before = await redis.get(metaKey);
        const deals = await scanOnce(teamId);
        if ((await redis.get(metaKey)) === before) return [...deals.values()];
      }
      throw new ConflictError('The deals kept changing while they were read (imports running); try again.');
    },
    async countDeals(teamId) {
      const { live } = dealKeys(keys, teamId);
      const tx = redis.multi().hlen(live.deals);
      for (const status of DEAL_STATUSES) tx.scard(live.status[status]);
      const results = (await tx.exec()) ?? [];
      const [total = 0, open = 0, won = 0, lost = 0] = results.map(([error, n]) => {
        if (error) throw error;
        return typeof n === 'number' ? n : 0;
      });
      return { total, open, won, lost };
    },
    async lastImport(teamId) {
      const key = dealKeys(keys, teamId).meta;
      return decode(importMetaSchema, key, await redis.get(key));
    },
    async stages(teamId) {
      const key = dealKeys(keys, teamId).stages;
      return decode(stagesSchema, key, await redis.get(key));
    },
  };
}

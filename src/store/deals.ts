import type { Deal } from '../engines/deal.js';
import type { StageDef } from '../engines/pipeline/index.js';
import { ConflictError, CorruptRecordError } from '../errors.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import { countField, DEAL_STATUSES, dealKeys } from './deals-keys.js';
import { unpackDeals } from './deals-pack.js';
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

const SCAN_COUNT = 100;
const CHUNK_FIELD = /^c:\d{6}$/;
const COUNT_FIELD = /^n:(open|won|lost)$/;
const READ_ATTEMPTS = 3;

/** Creates the deals repository: a hash of packed chunks of deals and their counts per team, meta and stages. */
export function createDealRepository(redis: RedisClient, keys: Keys): DealRepository {
  const scanOnce = async (teamId: string): Promise<Deal[]> => {
    const key = dealKeys(keys, teamId).live.deals;
    const chunks = new Map<string, Deal[]>();
    const legacy: Deal[] = [];
    let cursor = '0';
    do {
      const [next, flat] = await redis.hscanBuffer(key, cursor, 'COUNT', SCAN_COUNT);
      cursor = next.toString();
      for (let i = 0; i + 1 < flat.length; i += 2) {
        const [name, value] = [flat[i]?.toString(), flat[i + 1]];
        if (name === undefined || value === undefined || COUNT_FIELD.test(name)) continue;
        if (CHUNK_FIELD.test(name)) {
          chunks.set(name, unpackDeals(`${key} ${name}`, value));
          continue;
        }
        // A hash written before deals were packed: one JSON document per deal id, read until the next import.
        const deal = decode(dealSchema, `${key} ${name}`, value.toString());
        if (deal === undefined || deal.id !== name)
          throw new CorruptRecordError(`${key} ${name}`, 'id mismatch');
        legacy.push(deal);
      }
    } while (cursor !== '0');
    const ordered = [...chunks.keys()].sort();
    return ordered.flatMap((name) => chunks.get(name) ?? []).concat(legacy);
  };

  return {
    startImport: (teamId) => stageImport(redis, keys, teamId),
    async listDeals(teamId) {
      const metaKey = dealKeys(keys, teamId).meta;
      // HSCAN takes several calls; an import swapped in between them would mix two files, so read again.
      for (let attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
        const before = await redis.get(metaKey);
        const deals = await scanOnce(teamId);
        if ((await redis.get(metaKey)) === before) return deals;
      }
      throw new ConflictError('The deals kept changing while they were read (imports running); try again.');
    },
    async countDeals(teamId) {
      const { live } = dealKeys(keys, teamId);
      const counted = await redis.hmget(live.deals, ...DEAL_STATUSES.map(countField));
      if (counted.some((n) => n !== null)) {
        const [open = 0, won = 0, lost = 0] = counted.map((n) => Number(n ?? 0));
        return { total: open + won + lost, open, won, lost };
      }
      const tx = redis.multi().hlen(live.deals);
      for (const status of DEAL_STATUSES) tx.scard(live.legacyStatus[status]);
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

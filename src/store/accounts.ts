import { z } from 'zod';
import type { CompanyFacts } from '../engines/qualification/icp-fit.js';
import type { RedisClient } from '../redis-client.js';
import { decode } from './codec.js';
import type { Keys } from './keys.js';

/** One account as stored: [industry, employees, annual revenue, geography], null for what is not known. */
const packedSchema = z.tuple([
  z.string().nullable(),
  z.number().nullable(),
  z.number().nullable(),
  z.string().nullable(),
]);

const pack = (f: CompanyFacts): z.output<typeof packedSchema> => [
  f.industry ?? null,
  f.employees ?? null,
  f.annualRevenue ?? null,
  f.geography ?? null,
];

function unpack([industry, employees, annualRevenue, geography]: z.output<
  typeof packedSchema
>): CompanyFacts {
  return {
    ...(industry === null ? {} : { industry }),
    ...(employees === null ? {} : { employees }),
    ...(annualRevenue === null ? {} : { annualRevenue }),
    ...(geography === null ? {} : { geography }),
  };
}

export interface AccountRepository {
  /** Replaces the team's account facts with these, in one step. */
  replace(teamId: string, facts: ReadonlyMap<string, CompanyFacts>): Promise<void>;
  /** Account name → its facts; empty before any accounts.csv was imported. */
  facts(teamId: string): Promise<Map<string, CompanyFacts>>;
  /** How many accounts the team has facts for. */
  count(teamId: string): Promise<number>;
}

/** Creates the account repository: one hash per team, each account's facts a short JSON array. */
export function createAccountRepository(redis: RedisClient, keys: Keys): AccountRepository {
  return {
    async replace(teamId, facts) {
      const key = keys.accounts(teamId);
      const tx = redis.multi().del(key);
      if (facts.size > 0)
        tx.hset(key, Object.fromEntries([...facts].map(([name, f]) => [name, JSON.stringify(pack(f))])));
      await tx.exec();
    },
    async facts(teamId) {
      const key = keys.accounts(teamId);
      const found = new Map<string, CompanyFacts>();
      for (const [name, json] of Object.entries(await redis.hgetall(key))) {
        const packed = decode(packedSchema, `${key} ${name}`, json);
        if (packed !== undefined) found.set(name, unpack(packed));
      }
      return found;
    },
    count(teamId) {
      return redis.hlen(keys.accounts(teamId));
    },
  };
}

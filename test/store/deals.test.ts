import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/commands/import/run.js';
import type { Deal } from '../../src/engines/deal.js';
import { customStages } from '../../src/engines/pipeline/index.js';
import { InputError } from '../../src/errors.js';
import { importDeals, loadProductPrices } from '../../src/import/index.js';
import { dealKeys } from '../../src/store/deals-keys.js';
import { STAGING_TTL_MS } from '../../src/store/deals-staging.js';
import type { Store } from '../../src/store/index.js';
import { createKeys } from '../../src/store/keys.js';
import { mavenPath } from '../engines/dashboard/fixtures.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const TEAM = 'T0DEALS01';
const NOW = '2018-01-01T00:00:00Z';
const HEADER = 'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';
const STAGES = customStages([
  { name: 'Prospecting', kind: 'open' },
  { name: 'Engaging', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
]);

const db = useTestStore();

const deal = (id: string, status: Deal['status'] = 'open'): Deal => ({
  id,
  stage: status === 'won' ? 'Won' : status === 'lost' ? 'Lost' : 'Engaging',
  status,
  amount: 100,
  owner: 'Ana',
  history: [{ stage: 'Engaging', enteredAt: '2017-06-01' }],
});

const meta = { source: 'maven' as const, rows: 0, accepted: 0, rejected: 0, importedAt: NOW, by: 'U1' };

/** Imports `deals` through a staged import and commits it. */
async function seed(deals: Deal[]): Promise<void> {
  const staged = db.store.deals.startImport(TEAM);
  await staged.write(deals);
  await staged.commit({ meta: { ...meta, rows: deals.length, accepted: deals.length }, stages: STAGES });
}

const mavenRows = (count: number) =>
  Array.from(
    { length: count },
    (_, i) => `N${i},Ana,GTX Basic,Acme,${i % 3 === 0 ? 'Lost' : 'Won'},2017-01-02,2017-02-03,500\n`,
  );

/** A Maven CSV of `good` valid rows, every third one Lost. */
const mavenCsv = (good: number): Readable => Readable.from([`${HEADER}\n`, ...mavenRows(good)]);

/**
 * A Maven CSV whose good rows are followed, once `ready()` says enough batches were stored, by a row whose
 * quote never closes: the import fails after its sink has written.
 */
function brokenAfter(good: number, ready: () => boolean): Readable {
  return Readable.from(
    (async function* () {
      yield `${HEADER}\n${mavenRows(good).join('')}`;
      while (!ready()) await new Promise((resolve) => setTimeout(resolve, 5));
      yield 'X1,Ana,"GTX Basic,Acme,Won,2017-01-02,2017-02-03,500\n';
    })(),
  );
}

const stagingKeys = async () => (await keysUnder(db.redis, db.prefix)).filter((k) => k.includes(':import:'));
const byId = (deals: Deal[]) => [...deals].sort((a, b) => a.id.localeCompare(b.id));

describe('deals store: all-or-nothing imports', () => {
  it('leaves the live deals exactly as they were when the import throws after writing some batches', async () => {
    await seed([deal('A1'), deal('A2', 'won'), deal('A3', 'lost')]);
    const before = {
      deals: byId(await db.store.deals.listDeals(TEAM)),
      meta: await db.store.deals.lastImport(TEAM),
    };
    const counts = await db.store.deals.countDeals(TEAM);

    let batches = 0;
    let stagedDuringImport: string[] = [];
    const failing = runImport(
      brokenAfter(25, () => batches >= 2),
      {
        now: NOW,
        batchSize: 10,
        target: {
          deals: wrapWrites(db.store, async () => {
            batches += 1;
            stagedDuringImport = await stagingKeys();
            // While the import runs, readers still see only the old deals.
            expect(byId(await db.store.deals.listDeals(TEAM))).toEqual(before.deals);
          }),
          teamId: TEAM,
          by: 'U1',
        },
      },
    );
    await expect(failing).rejects.toBeInstanceOf(InputError);

    expect(batches).toBeGreaterThanOrEqual(2);
    expect(stagedDuringImport.length).toBeGreaterThan(0);
    expect(byId(await db.store.deals.listDeals(TEAM))).toEqual(before.deals);
    expect(await db.store.deals.lastImport(TEAM)).toEqual(before.meta);
    expect(await db.store.deals.countDeals(TEAM)).toEqual(counts);
    expect(await stagingKeys()).toEqual([]);
  });

  it('replaces the live deals at once on success, with metadata and stages, and removes the staging keys', async () => {
    await seed([deal('A1'), deal('A2', 'won'), deal('A3', 'lost')]);
    const run = await runImport(mavenCsv(25), {
      now: NOW,
      batchSize: 10,
      target: { deals: db.store.deals, teamId: TEAM, by: 'U2', fileName: 'pipeline.csv' },
    });

    const deals = await db.store.deals.listDeals(TEAM);
    expect(deals.map((d) => d.id).sort()).toEqual(Array.from({ length: 25 }, (_, i) => `N${i}`).sort());
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 25, open: 0, won: 16, lost: 9 });
    expect(await db.store.deals.lastImport(TEAM)).toEqual({
      importId: run.stored?.importId,
      source: 'maven',
      fileName: 'pipeline.csv',
      rows: 25,
      accepted: 25,
      rejected: 0,
      importedAt: '2018-01-01T00:00:00.000Z',
      by: 'U2',
    });
    expect((await db.store.deals.stages(TEAM))?.map((s) => s.name)).toEqual([
      'Prospecting',
      'Engaging',
      'Won',
      'Lost',
    ]);
    expect(await stagingKeys()).toEqual([]);
    for (const key of await keysUnder(db.redis, db.prefix)) expect(await db.redis.pttl(key)).toBe(-1);
  });

  it('keeps staged deals under the team hash tag with an expiry, so a crashed import cleans itself up', async () => {
    const staged = db.store.deals.startImport(TEAM);
    await staged.write([deal('S1'), deal('S2', 'won')]);
    const keys = await stagingKeys();
    // One hash holds the packed deals and their counts per status.
    expect(keys).toHaveLength(1);
    for (const key of keys) {
      expect(key.startsWith(`${db.prefix}:{${TEAM}}:import:${staged.importId}:deals`)).toBe(true);
      const ttl = await db.redis.pttl(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(STAGING_TTL_MS);
    }
    await staged.discard();
    expect(await stagingKeys()).toEqual([]);
  });

  it('refuses to swap in staged deals that expired, and leaves the live deals alone', async () => {
    await seed([deal('A1')]);
    const staged = db.store.deals.startImport(TEAM);
    await staged.write([deal('B1')]);
    for (const key of await stagingKeys()) await db.redis.del(key);
    await expect(staged.commit({ meta, stages: STAGES })).rejects.toThrow(/expired/);
    expect((await db.store.deals.listDeals(TEAM)).map((d) => d.id)).toEqual(['A1']);
  });

  it('drops a status index the new import does not have', async () => {
    await seed([deal('A1', 'lost')]);
    await seed([deal('B1', 'won')]);
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 1, open: 0, won: 1, lost: 0 });
  });

  it('lists more deals than one HSCAN page returns', async () => {
    await seed(Array.from({ length: 2500 }, (_, i) => deal(`D${i}`, i % 2 === 0 ? 'won' : 'open')));
    const deals = await db.store.deals.listDeals(TEAM);
    expect(new Set(deals.map((d) => d.id)).size).toBe(2500);
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 2500, open: 1250, won: 1250, lost: 0 });
  });

  it('reads an empty team as no deals, no metadata and no stages', async () => {
    expect(await db.store.deals.listDeals(TEAM)).toEqual([]);
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 0, open: 0, won: 0, lost: 0 });
    expect(await db.store.deals.lastImport(TEAM)).toBeUndefined();
    expect(await db.store.deals.stages(TEAM)).toBeUndefined();
  });

  it('is removed with the rest of the team by purgeTeam, staging keys included', async () => {
    await seed([deal('A1')]);
    const staged = db.store.deals.startImport(TEAM);
    await staged.write([deal('B1')]);
    await db.store.importPreviews.save(TEAM, preview);
    expect((await keysUnder(db.redis, db.prefix)).length).toBeGreaterThan(4);
    await db.store.purgeTeam(TEAM);
    expect(await keysUnder(db.redis, db.prefix)).toEqual([]);
  });
});

describe('deals store: packed chunks', () => {
  it('keeps the Maven sample in under 100 bytes a deal and reads every deal back field for field, in order', async () => {
    const deals: Deal[] = [];
    const productPrices = await loadProductPrices(mavenPath('products.csv'));
    await importDeals(createReadStream(mavenPath('sales_pipeline.csv')), {
      now: NOW,
      sink: async (batch) => {
        for (const d of batch) deals.push(d);
      },
      lookups: { productPrices },
    });
    const staged = db.store.deals.startImport(TEAM);
    for (let at = 0; at < deals.length; at += 500) await staged.write(deals.slice(at, at + 500));
    await staged.commit({ meta: { ...meta, rows: deals.length, accepted: deals.length }, stages: STAGES });

    expect(await db.store.deals.listDeals(TEAM)).toEqual(deals);
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 8800, open: 2089, won: 4238, lost: 2473 });
    const bytes = (await db.redis.call(
      'MEMORY',
      'USAGE',
      dealKeys(createKeys(db.prefix), TEAM).live.deals,
    )) as number;
    expect(bytes).toBeGreaterThan(0);
    expect(bytes / deals.length).toBeLessThan(100);
  });

  it("keeps a deal's forecast category and its owner's quota through the packed store", async () => {
    const withForecast: Deal = { ...deal('F1'), forecastCategory: 'Commit', ownerQuota: 250_000 };
    await seed([withForecast, deal('F2')]);
    expect(byId(await db.store.deals.listDeals(TEAM))).toEqual([withForecast, deal('F2')]);
  });

  it('still reads and counts deals stored one JSON document per deal, as before they were packed', async () => {
    const { live } = dealKeys(createKeys(db.prefix), TEAM);
    await db.redis.hset(live.deals, {
      L1: JSON.stringify(deal('L1')),
      L2: JSON.stringify(deal('L2', 'won')),
    });
    await db.redis.sadd(live.legacyStatus.open, 'L1');
    await db.redis.sadd(live.legacyStatus.won, 'L2');
    expect(byId(await db.store.deals.listDeals(TEAM))).toEqual([deal('L1'), deal('L2', 'won')]);
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 2, open: 1, won: 1, lost: 0 });
    await seed([deal('N1', 'lost')]);
    expect(await db.store.deals.listDeals(TEAM)).toEqual([deal('N1', 'lost')]);
    expect(await db.redis.exists(live.legacyStatus.open, live.legacyStatus.won)).toBe(0);
  });

  it('refuses a chunk that does not read back, naming its key', async () => {
    await seed([deal('A1')]);
    const { live } = dealKeys(createKeys(db.prefix), TEAM);
    await db.redis.hset(live.deals, 'c:000000', 'not packed');
    await expect(db.store.deals.listDeals(TEAM)).rejects.toThrow(/c:000000/);
  });
});

const preview = {
  userId: 'U1',
  fileId: 'F1',
  fileName: 'deals.csv',
  url: 'https://files.slack.com/files-pri/T1-F1/download/deals.csv',
  source: 'hubspot' as const,
  rows: 12,
  createdAt: '2018-01-01T00:00:00.000Z',
};

describe('import previews', () => {
  it('hands a pending file out once, then forgets it', async () => {
    const id = await db.store.importPreviews.save(TEAM, preview);
    const [key] = await keysUnder(db.redis, db.prefix);
    expect(key).toBe(`${db.prefix}:{${TEAM}}:import:pending:${id}`);
    expect(await db.redis.ttl(key ?? '')).toBeGreaterThan(0);
    expect(await db.redis.get(key ?? '')).not.toContain('xoxb');
    expect(await db.store.importPreviews.take(TEAM, id)).toEqual(preview);
    expect(await db.store.importPreviews.take(TEAM, id)).toBeUndefined();
  });

  it('treats an id it did not make as not found, and drops a cancelled one', async () => {
    expect(await db.store.importPreviews.take(TEAM, '*')).toBeUndefined();
    const id = await db.store.importPreviews.save(TEAM, preview);
    await db.store.importPreviews.drop(TEAM, id);
    expect(await db.store.importPreviews.take(TEAM, id)).toBeUndefined();
  });
});

/** The store's deals, with `afterWrite` run after each staged batch (to look at Redis mid-import). */
function wrapWrites(s: Store, afterWrite: () => Promise<void>): Store['deals'] {
  return {
    ...s.deals,
    startImport: (teamId) => {
      const staged = s.deals.startImport(teamId);
      return {
        importId: staged.importId,
        commit: (input) => staged.commit(input),
        discard: () => staged.discard(),
        write: async (batch) => {
          await staged.write(batch);
          await afterWrite();
        },
      };
    },
  };
}

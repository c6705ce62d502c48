import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyValues, itemId } from '../../src/engines/icp/sections.js';
import type { RedisClient } from '../../src/redis-client.js';
import { createStore, type Store } from '../../src/store/index.js';
import { keysUnder, openTestRedis } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const T = 'T0ICPRACE';
const t = useTestStore();
const at = new Date();

/** Separate connections, as separate app processes would have, so the race is a real one. */
let others: RedisClient[] = [];
let stores: Store[] = [];
beforeAll(() => {
  others = Array.from({ length: 8 }, () => openTestRedis());
});
afterAll(async () => {
  await Promise.all(others.map((r) => r.quit()));
});
const racers = () => {
  stores = others.map((r) => createStore(r, { prefix: t.prefix }));
  return stores;
};

describe('the ICP store under concurrent writes', () => {
  it('holds the 20-item limit when 40 people add to one list at once over 8 connections', async () => {
    await t.store.icp.create(T, 'Acme', { by: 'U1', at, values: emptyValues() });
    const all = racers();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        all[i % all.length]?.icp.editList(
          T,
          'acme',
          'painPoints',
          { add: [`pain ${i}`], remove: new Set() },
          { by: `U${i}`, at },
        ),
      ),
    );
    // The first 20 to land are in; each of the rest is told the list would have 21 items.
    expect(results.filter((r) => r?.ok)).toHaveLength(20);
    expect(results.filter((r) => r && !r.ok).map((r) => r && !r.ok && r.tooMany)).toEqual(Array(20).fill(21));
    const draft = await t.store.icp.get(T, 'acme');
    expect(draft?.values.painPoints).toHaveLength(20);
  });

  it('lands all 16 concurrent adds within the limit, and versions count every write', async () => {
    await t.store.icp.create(T, 'Acme', { by: 'U1', at, values: emptyValues() });
    const all = racers();
    await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        all[i % all.length]?.icp.editList(
          T,
          'acme',
          'industries',
          { add: [`industry ${i}`], remove: new Set() },
          { by: `U${i}`, at },
        ),
      ),
    );
    const draft = await t.store.icp.get(T, 'acme');
    expect([...(draft?.values.industries ?? [])].sort()).toEqual(
      Array.from({ length: 16 }, (_, i) => `industry ${i}`).sort(),
    );
    expect(draft?.sections.industries.version).toBe(17);
    expect(draft?.sections.industries.contributors).toHaveLength(16);
  });

  it('lets exactly one of 8 concurrent range edits from the same version win', async () => {
    await t.store.icp.create(T, 'Acme', { by: 'U1', at, values: emptyValues() });
    const all = racers();
    const results = await Promise.all(
      all.map((s, i) =>
        s.icp.setRange(T, 'acme', 'companySize', { min: i, max: 100 + i }, { by: `U${i}`, at, expected: 1 }),
      ),
    );
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const saved = (await t.store.icp.get(T, 'acme'))?.values.companySize;
    for (const loser of results.filter((r) => !r.ok))
      expect(loser).toMatchObject({ ok: false, current: saved, version: 2 });
  });

  it('removes only the item asked for, by id', async () => {
    await t.store.icp.create(T, 'Acme', {
      by: 'U1',
      at,
      values: { ...emptyValues(), geography: ['DACH', 'Nordics', 'UK'] },
    });
    await t.store.icp.editList(
      T,
      'acme',
      'geography',
      { add: [], remove: new Set([itemId('nordics')]) },
      { by: 'U2', at },
    );
    expect((await t.store.icp.get(T, 'acme'))?.values.geography).toEqual(['DACH', 'UK']);
  });

  it('never lets a finalized version miss an edit made meanwhile', async () => {
    await t.store.icp.create(T, 'Acme', { by: 'U1', at, values: emptyValues() });
    const all = racers();
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) =>
        all[i]?.icp.editList(
          T,
          'acme',
          'personas',
          { add: [`persona ${i}`], remove: new Set() },
          { by: `U${i}`, at },
        ),
      ),
      all[7]?.icp.finalize(T, 'acme', { by: 'U1', at }),
    ]);
    const [v1] = await t.store.icp.history(T, 'acme');
    const draft = await t.store.icp.get(T, 'acme');
    // Every persona is either in version 1 or credited to version 2's contributors: none is lost.
    const inV1 = new Set(v1?.values.personas);
    const later = draft?.values.personas.filter((p) => !inV1.has(p)) ?? [];
    expect(draft?.values.personas).toHaveLength(6);
    expect(draft?.sections.personas.contributors).toHaveLength(later.length);
    expect(v1?.contributors).toHaveLength(inV1.size);
  });

  it('keeps every ICP key under the team, so uninstalling removes them', async () => {
    await t.store.icp.create(T, 'Acme', { by: 'U1', at, values: emptyValues() });
    await t.store.icp.finalize(T, 'acme', { by: 'U1', at });
    await t.store.icp.suggest(T, 'acme', {
      section: 'industries',
      add: ['x'],
      by: 'U2',
      at: at.toISOString(),
    });
    await t.store.icp.setCard(T, 'acme', { channel: 'C1', ts: '1.2' });
    expect((await keysUnder(t.redis, t.prefix)).length).toBeGreaterThanOrEqual(5);
    await t.store.purgeTeam(T);
    expect(await keysUnder(t.redis, t.prefix)).toEqual([]);
  });
});

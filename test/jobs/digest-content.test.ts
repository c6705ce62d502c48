import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newestDealDate } from '../../src/engines/dashboard/index.js';
import { buildDigestContent } from '../../src/jobs/digest-content.js';
import type { RedisClient } from '../../src/redis-client.js';
import { createStore, type Store } from '../../src/store/index.js';
import { DEALS, NOW, SEED } from '../engines/dashboard/fixtures.js';
import { storeDeals } from '../support/deals.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const TEAM = 'T0SALESOPS';
let redis: RedisClient;
let prefix: string;
let store: Store;

beforeEach(async () => {
  redis = openTestRedis();
  prefix = randomPrefix();
  store = createStore(redis, { prefix });
  await storeDeals(store, TEAM, DEALS, {
    by: 'U0MANAGER1',
    stages: SEED,
    source: 'hubspot',
    importedAt: NOW,
  });
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

describe('buildDigestContent', () => {
  it('gives the first digest trends by rebuilding the past weeks from the deals, and saves this week', async () => {
    const content = await buildDigestContent(store, { teamId: TEAM, zone: 'UTC', now: new Date(NOW) });
    expect(content.kind).toBe('digest');
    const lines = content.blocks.flatMap((b) =>
      b.type === 'section' ? (b.text?.text ?? '').split('\n') : [],
    );
    // Last week and the 4-week baseline are rebuilt from the deals' dates: arrows and values, not "—".
    const weighted = lines.find((l) => l.includes('Weighted Pipeline')) ?? '';
    expect(weighted).toMatch(/\| [↑↓→] \$[\d,]+ +\| [↑↓→] \$[\d,]+/);
    expect(content.week).toBe('2026-W48');
    const [saved] = await store.snapshots.weeks(TEAM, ['2026-W48']);
    expect(saved?.figures.weightedPipeline).toBeGreaterThan(0);
    expect(await store.snapshots.weeks(TEAM, ['2026-W47'])).toEqual([]);
  });

  it('compares with stored snapshots where they exist', async () => {
    await store.snapshots.save(TEAM, {
      week: '2026-W47',
      takenAt: '2026-11-16T09:00:00Z',
      figures: { weightedPipeline: 1, closeRate: 1 },
    });
    const content = await buildDigestContent(store, { teamId: TEAM, zone: 'UTC', now: new Date(NOW) });
    expect(JSON.stringify(content.blocks)).toContain('Close Rate');
    expect(content.kind === 'digest' ? content.chart.png.subarray(1, 4).toString('latin1') : '').toBe('PNG');
  });

  it('mentions the owners of stuck deals it can map to Slack users', async () => {
    const content = await buildDigestContent(store, {
      teamId: TEAM,
      zone: 'UTC',
      now: new Date(NOW),
      resolveOwners: async (owners) => new Map(owners.map((o) => [o, 'U0OWNER001'])),
    });
    const stuck = JSON.stringify(content.blocks.filter((b) => JSON.stringify(b).includes('Stuck deals')));
    expect(stuck).toContain('<@U0OWNER001>');
  });

  it('tells a team without deals how to import', async () => {
    const content = await buildDigestContent(store, {
      teamId: 'T0EMPTY001',
      zone: 'UTC',
      now: new Date(NOW),
    });
    expect(content.kind).toBe('no-deals');
    expect(content.text).toContain('sales-ops import FILE.csv --team T0EMPTY001');
  });

  it('measures an older import at its newest date and says so, whatever day the digest runs', async () => {
    const newest = newestDealDate(DEALS) ?? '';
    // The Metric and Current columns of the dashboard table (trends depend on the snapshots saved).
    const dashboardOf = (blocks: readonly unknown[]) =>
      JSON.stringify(blocks.filter((b) => JSON.stringify(b).includes('Weighted Pipeline')))
        .split('\\n')
        .filter((line) => line.startsWith('| '))
        .map((line) => line.split(' | ').slice(0, 3).join(' | '));
    const onTheDay = await buildDigestContent(store, { teamId: TEAM, zone: 'UTC', now: new Date(newest) });
    // Run on the real clock: weeks or years after the export's last date.
    const later = await buildDigestContent(store, { teamId: TEAM, zone: 'UTC', now: new Date() });
    const text = JSON.stringify(later.blocks);
    expect(text).toContain(`As of ${newest.slice(0, 10)}, the newest date in the imported deals`);
    expect(JSON.stringify(onTheDay.blocks)).not.toContain('the newest date in the imported deals');
    expect(dashboardOf(later.blocks)).toContain('| Stuck Deals | — | 1');
    expect(dashboardOf(later.blocks)).toEqual(dashboardOf(onTheDay.blocks));
  });
});

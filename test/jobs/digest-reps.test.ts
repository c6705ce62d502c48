import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/blocks/limits.js';
import type { Deal } from '../../src/engines/deal.js';
import { buildDigestContent } from '../../src/jobs/digest-content.js';
import type { RedisClient } from '../../src/redis-client.js';
import { createStore, type Store } from '../../src/store/index.js';
import { firstRows, importRows } from '../engines/alerts/maven-imports.js';
import { MAVEN_STAGES, storeDeals } from '../support/deals.js';
import { deleteKeysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const TEAM = 'T0SALESOPS';
let deals: Deal[];
let redis: RedisClient;
let prefix: string;
let store: Store;

beforeAll(async () => {
  deals = await importRows(firstRows());
});
beforeEach(async () => {
  redis = openTestRedis();
  prefix = randomPrefix();
  store = createStore(redis, { prefix });
  await storeDeals(store, TEAM, deals, {
    by: 'U0MANAGER1',
    stages: MAVEN_STAGES,
    importedAt: '2026-11-30T09:00:00Z',
  });
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

const texts = (blocks: readonly unknown[]) => JSON.stringify(blocks);

describe('the weekly digest by rep', () => {
  it('adds the rep table, the leaderboards and the forecast line to the Maven digest, within Slack limits', async () => {
    const content = await buildDigestContent(store, { teamId: TEAM, zone: 'UTC', now: new Date() });
    const body = texts(content.blocks);
    expect(body).toContain('By rep · week of 2017-12-25');
    expect(body).toContain('Darcel Schlecht');
    expect(body).toContain('*Won this quarter:* 1.');
    expect(body).toMatch(/\*Forecast\* \(weighted by stage probabilities, 2017-10-01 to 2018-01-01\)/);
    expect(checkMessage({ text: content.text, blocks: content.blocks })).toEqual({ ok: true });
  });

  it('shows coverage and attainment for a rep whose quota was set, by name or by Slack user', async () => {
    await store.alerts.setQuota(TEAM, 'U0DARCEL', 2_000_000);
    const content = await buildDigestContent(store, {
      teamId: TEAM,
      zone: 'UTC',
      now: new Date(),
      resolveOwners: async (owners) =>
        new Map(owners.filter((o) => o === 'Darcel Schlecht').map((o) => [o, 'U0DARCEL'])),
    });
    const table = content.blocks.find((b) => texts([b]).includes('By rep')) ?? {};
    const line = (rep: string) =>
      texts([table])
        .split('\\n')
        .find((l) => l.startsWith(rep)) ?? '';
    expect(line('Darcel Schlecht')).toMatch(/\d+(\.\d)?× +\d+(\.\d)?%$/);
    expect(line('Vicki Laflamme')).toMatch(/\d +— +—$/);
  });
});

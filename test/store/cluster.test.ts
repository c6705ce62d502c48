import { describe, expect, it } from 'vitest';
import { createQueues, queuePrefix } from '../../src/jobs/queues.js';
import { createLogger } from '../../src/logger.js';
import { checkRedis } from '../../src/redis.js';
import { masters, type RedisClient } from '../../src/redis-client.js';
import { DEALS, SEED } from '../engines/dashboard/fixtures.js';
import { storeDeals } from '../support/deals.js';
import { keysUnder, TEST_REDIS_ENV } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const at = new Date('2026-11-24T10:00:00.000Z');
const db = useTestStore({ encryptionKey: 'a'.repeat(64) });

const slotOf = async (redis: RedisClient, key: string) => Number(await redis.cluster('KEYSLOT', key));

/** The port of the master that serves a key's slot. */
async function ownerPort(redis: RedisClient, key: string): Promise<number | undefined> {
  const slot = await slotOf(redis, key);
  const ranges = await redis.cluster('SLOTS');
  return ranges.find(([from, to]) => slot >= from && slot <= to)?.[2]?.[1];
}

/** Two team ids whose hash tags fall on different masters, so a test spans the cluster. */
async function teamsOnTwoMasters(redis: RedisClient): Promise<[string, string]> {
  const first = 'T0CLUSTER0';
  const firstOwner = await ownerPort(redis, `{${first}}`);
  for (let i = 1; i < 100; i++) {
    const other = `T0CLUSTER${i}`;
    if ((await ownerPort(redis, `{${other}}`)) !== firstOwner) return [first, other];
  }
  throw new Error('could not find two teams on different masters');
}

/** Writes through every repository a team uses, including the import's renames and the enrolment script. */
async function fillTeam(teamId: string): Promise<void> {
  const { store } = db;
  await store.installations.save({
    team: { id: teamId },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-1', id: 'B1', userId: 'U9', scopes: ['commands'] },
  });
  await store.profiles.save(teamId, { business: 'Acme', model: 'inside' }, { by: 'U1', at });
  await store.drafts.save(teamId, 'U2', { intake: {}, step: 1 }, at);
  await store.settings.update(teamId, { framework: 'bant' });
  await store.events.claim(teamId, 'Ev1');
  await store.leads.qualify(teamId, {
    company: 'Acme',
    framework: 'bant',
    answers: {},
    score: 1,
    maxScore: 4,
    verdict: 'nurture',
    by: 'U1',
    at,
    firstStage: 'Lead',
  });
  await store.leads.moveStage(teamId, 'c:acme', {
    stage: 'Qualified',
    by: 'U1',
    at,
    exitCriteriaMet: true,
    unmet: [],
  });
  await storeDeals(store, teamId, DEALS, {
    by: 'U1',
    stages: SEED,
    source: 'hubspot',
    importedAt: at.toISOString(),
  });
}

describe.skipIf(!TEST_REDIS_ENV.REDIS_CLUSTER_NODES)('on Redis Cluster (npm run test:cluster)', () => {
  it('refuses a transaction across two teams, which is why every team key carries its hash tag', async () => {
    const [a, b] = await teamsOnTwoMasters(db.redis);
    const tx = db.redis.multi().set(db.store.keys.profile(a), '1').set(db.store.keys.profile(b), '1');
    await expect(tx.exec()).rejects.toThrow(/CROSSSLOT|same slot/i);
  });

  it("keeps every key of a team in its team's slot, across stores, imports and leads", async () => {
    const [a, b] = await teamsOnTwoMasters(db.redis);
    await fillTeam(a);
    await fillTeam(b);
    const keys = await keysUnder(db.redis, db.prefix);
    const untagged = keys.filter((k) => !/^[^{]*:\{T[A-Z0-9]+\}:/.test(k));
    expect(untagged).toEqual([]);
    for (const team of [a, b]) {
      const teamKeys = keys.filter((k) => k.startsWith(`${db.prefix}:{${team}}:`));
      expect(teamKeys.length).toBeGreaterThan(10);
      const slots = new Set(await Promise.all(teamKeys.map((k) => slotOf(db.redis, k))));
      expect([...slots]).toEqual([await slotOf(db.redis, `{${team}}`)]);
    }
    expect(await ownerPort(db.redis, db.store.keys.profile(a))).not.toBe(
      await ownerPort(db.redis, db.store.keys.profile(b)),
    );
  });

  it("purges a team from the master that holds it and leaves the other team's keys", async () => {
    const [a, b] = await teamsOnTwoMasters(db.redis);
    await fillTeam(a);
    await fillTeam(b);
    const before = await keysUnder(db.redis, db.prefix);
    // Event dedupe keys carry the team's tag but sit outside its pattern, so a purge keeps them.
    const ofB = before.filter((k) => k.startsWith(`${db.prefix}:{${b}}:`));
    expect(ofB.length).toBeGreaterThan(10);
    expect(await db.store.purgeTeam(b)).toBe(ofB.length);
    const after = await keysUnder(db.redis, db.prefix);
    expect(after.filter((k) => k.startsWith(`${db.prefix}:{${b}}:`))).toEqual([]);
    expect(after).toEqual(before.filter((k) => !ofB.includes(k)));
  });

  it('keeps both queues in one slot, so BullMQ scripts that touch several of their keys run', async () => {
    const prefix = queuePrefix(db.prefix);
    const queues = createQueues(db.redis, prefix);
    try {
      await queues.reminders.add('reminder', { x: 1 }, { jobId: 'one', delay: 60_000 });
      await queues.sender.add('post', { x: 2 }, { jobId: 'two' });
      const keys = await keysUnder(db.redis, prefix);
      expect(keys.length).toBeGreaterThan(3);
      const slots = new Set(await Promise.all(keys.map((k) => slotOf(db.redis, k))));
      expect(slots.size).toBe(1);
    } finally {
      await queues.reminders.obliterate({ force: true });
      await queues.sender.obliterate({ force: true });
      await queues.close();
    }
  });

  it('checks the eviction policy of every master, not just the one a command lands on', async () => {
    const logger = createLogger('silent');
    expect((await checkRedis(db.redis, logger)).evictionPolicy).toBe('noeviction');
    const last = (await masters(db.redis)).at(-1);
    if (!last) throw new Error('no master');
    await last.config('SET', 'maxmemory-policy', 'allkeys-lru');
    try {
      const check = await checkRedis(db.redis, logger);
      expect(check.evictionPolicy).toBe('allkeys-lru');
      expect(check.warnings.join(' ')).toContain('maxmemory-policy noeviction');
    } finally {
      await last.config('SET', 'maxmemory-policy', 'noeviction');
    }
  });
});

import { describe, expect, it } from 'vitest';
import { forgetTeam } from '../../src/slack/uninstall.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const KEY = 'a'.repeat(64);
const at = new Date('2026-11-24T10:00:00.000Z');
const db = useTestStore({ encryptionKey: KEY });

async function fillTeam(teamId: string): Promise<void> {
  await db.store.installations.save({
    team: { id: teamId },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { token: 'xoxb-1', id: 'B1', userId: 'U9', scopes: ['commands'] },
  });
  await db.store.profiles.save(teamId, { business: 'Acme', model: 'inside' }, { by: 'U1', at });
  await db.store.drafts.save(teamId, 'U1', { intake: {}, step: 1 }, at);
  await db.store.drafts.save(teamId, 'U2', { intake: {}, step: 1 }, at);
  await db.store.settings.update(teamId, { framework: 'bant' });
  await db.store.events.claim(teamId, 'Ev1');
}

describe('purgeTeam', () => {
  it("deletes every key of the team and none of another team's", async () => {
    await fillTeam('T1');
    await fillTeam('T2');
    const deleted = await db.store.purgeTeam('T1');
    expect(deleted).toBe(6);
    const left = await keysUnder(db.redis, db.prefix);
    // Only the record of an event already handled stays, so Slack's retry of it is still dropped.
    expect(left.filter((k) => k.includes('{T1}'))).toEqual([`${db.prefix}:event:{T1}:Ev1`]);
    expect(left.filter((k) => k.includes('{T2}'))).toHaveLength(7);
  });

  it('deletes teams with more keys than one SCAN batch', async () => {
    const pipeline = db.redis.pipeline();
    for (let i = 0; i < 1200; i++) pipeline.set(`${db.store.keys.teamPattern('T1').slice(0, -1)}x:${i}`, '1');
    await pipeline.exec();
    expect(await db.store.purgeTeam('T1')).toBe(1200);
    expect(await keysUnder(db.redis, db.prefix)).toEqual([]);
  });

  it('finds nothing to delete for a team that was never seen', async () => {
    expect(await db.store.purgeTeam('T404')).toBe(0);
  });
});

describe('forgetTeam after app_uninstalled', () => {
  const context = { teamId: 'T1', isEnterpriseInstall: false } as const;

  it('keeps an installation made after the uninstall event, and purges an older one', async () => {
    await fillTeam('T1');
    const before = Date.now() - 60_000;
    expect(await forgetTeam(db.store, context, before)).toMatchObject({ deleted: 0 });
    expect(await db.store.installations.find({ teamId: 'T1' })).toBeDefined();
    expect(await db.store.profiles.get('T1')).toBeDefined();

    expect((await forgetTeam(db.store, context, Date.now() + 1000)).deleted).toBeGreaterThan(0);
    expect(await db.store.installations.find({ teamId: 'T1' })).toBeUndefined();
    expect(await db.store.profiles.get('T1')).toBeUndefined();
  });
});

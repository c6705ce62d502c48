import { describe, expect, it } from 'vitest';
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
    expect(left.filter((k) => k.includes('{T1}'))).toEqual([]);
    expect(left.filter((k) => k.includes('{T2}'))).toHaveLength(6);
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

import { describe, expect, it } from 'vitest';
import type { Alert } from '../../src/engines/alerts/index.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const TEAM = 'T0SALESOPS';
const t = useTestStore();

const alert = (key: string, amount?: number): Alert => ({
  key,
  rule: 'close-date-slipped',
  dealId: `deal ${key}`,
  owner: 'Moses Frase',
  stage: 'Engaging',
  state: '2017-03-01>2017-04-01',
  text: 'Close date slipped 31 days',
  toChannel: false,
  ...(amount === undefined ? {} : { amount }),
});

describe('alert store', () => {
  it('keeps settings: every rule on and no channel by default, then the channel, quiet hours and a rule off', async () => {
    const alerts = t.store.alerts;
    expect(await alerts.settings(TEAM)).toEqual({ disabled: [] });
    await alerts.updateSettings(TEAM, { channel: 'C0ALERTS', quietHours: { start: '19:00', end: '07:30' } });
    await alerts.setRule(TEAM, 'stuck', false);
    expect(await alerts.settings(TEAM)).toEqual({
      channel: 'C0ALERTS',
      quietHours: { start: '19:00', end: '07:30' },
      disabled: ['stuck'],
    });
    await alerts.setRule(TEAM, 'stuck', true);
    await alerts.updateSettings(TEAM, { channel: null });
    expect(await alerts.settings(TEAM)).toEqual({
      quietHours: { start: '19:00', end: '07:30' },
      disabled: [],
    });
  });

  it('refuses bad quiet hours and a record link without {id}, saving nothing', async () => {
    const alerts = t.store.alerts;
    await expect(alerts.updateSettings(TEAM, { quietHours: { start: '7pm', end: '08:00' } })).rejects.toThrow(
      /18:00/,
    );
    await expect(alerts.updateSettings(TEAM, { recordUrl: 'https://crm.example/deal' })).rejects.toThrow(
      /\{id\}/,
    );
    expect(await alerts.settings(TEAM)).toEqual({ disabled: [] });
  });

  it('round-trips mappings, mutes, snoozes, quotas and the previous import', async () => {
    const alerts = t.store.alerts;
    await alerts.map(TEAM, ' Moses  Frase', 'U0MOSES');
    await alerts.mute(TEAM, 'D1', 'stuck');
    await alerts.snooze(TEAM, 'D2', 'close-date-passed', '2026-12-07T08:00:00Z');
    await alerts.setQuota(TEAM, 'Moses Frase', 250_000);
    await alerts.setQuota(TEAM, 'U0ANNA', 100_000);
    await alerts.saveSnapshot(TEAM, {
      D1: { stage: 'Engaging', status: 'open', amount: 550, closeDate: '2017-03-01' },
    });
    expect(await alerts.mappings(TEAM)).toEqual(new Map([['moses frase', 'U0MOSES']]));
    expect(await alerts.mutes(TEAM)).toEqual(new Set(['stuck|D1']));
    expect(await alerts.snoozes(TEAM)).toEqual(new Map([['close-date-passed|D2', '2026-12-07T08:00:00Z']]));
    expect(await alerts.quotas(TEAM)).toEqual(
      new Map([
        ['Moses Frase', 250_000],
        ['U0ANNA', 100_000],
      ]),
    );
    expect(await alerts.snapshot(TEAM)).toEqual({
      D1: { stage: 'Engaging', status: 'open', amount: 550, closeDate: '2017-03-01' },
    });
    expect(await alerts.unmute(TEAM, 'D1', 'stuck')).toBe(true);
    await alerts.setQuota(TEAM, 'U0ANNA', null);
    expect(await alerts.mutes(TEAM)).toEqual(new Set());
    expect(await alerts.quotas(TEAM)).toEqual(new Map([['Moses Frase', 250_000]]));
  });

  it('tells which alerts and unmatched owners are new, once', async () => {
    const alerts = t.store.alerts;
    expect(await alerts.markRaised(TEAM, ['al-a', 'al-b'])).toEqual(new Set(['al-a', 'al-b']));
    expect(await alerts.markRaised(TEAM, ['al-b', 'al-c'])).toEqual(new Set(['al-c']));
    expect(await alerts.raisedAmong(TEAM, ['al-a', 'al-z'])).toEqual(new Set(['al-a']));
    expect(await alerts.markUnmatched(TEAM, ['Kami Bicknell'])).toEqual(['Kami Bicknell']);
    expect(await alerts.markUnmatched(TEAM, ['Kami Bicknell', 'Zane Levy'])).toEqual(['Zane Levy']);
  });

  it('keeps pending alerts per recipient until they went out', async () => {
    const alerts = t.store.alerts;
    await alerts.addPending(TEAM, 'U0MOSES', [alert('al-1', 500), alert('al-2')], 'America/Chicago');
    await alerts.addPending(TEAM, 'C0ALERTS', [alert('al-3')], 'Europe/Paris');
    expect(await alerts.pendingRecipients(TEAM)).toEqual(['C0ALERTS', 'U0MOSES']);
    expect(await alerts.pendingZones(TEAM)).toEqual(
      new Map([
        ['U0MOSES', 'America/Chicago'],
        ['C0ALERTS', 'Europe/Paris'],
      ]),
    );
    const pending = await alerts.pending(TEAM, 'U0MOSES');
    expect(pending.map((a) => a.key).sort()).toEqual(['al-1', 'al-2']);
    expect(pending.find((a) => a.key === 'al-1')).toEqual(alert('al-1', 500));
    await alerts.dropPending(TEAM, 'U0MOSES', ['al-1']);
    expect(await alerts.pendingRecipients(TEAM)).toEqual(['C0ALERTS', 'U0MOSES']);
    await alerts.dropPending(TEAM, 'U0MOSES', ['al-2']);
    expect(await alerts.pendingRecipients(TEAM)).toEqual(['C0ALERTS']);
    expect(await alerts.pendingZones(TEAM)).toEqual(new Map([['C0ALERTS', 'Europe/Paris']]));
  });

  it('lists the teams whose alerts run daily, dropping a team purged since', async () => {
    const alerts = t.store.alerts;
    await alerts.markDaily({ teamId: TEAM });
    await alerts.markDaily({ teamId: TEAM });
    await alerts.markDaily({ teamId: 'T0ORGTEAM1', enterpriseId: 'E0ORG00001' });
    await alerts.markDaily({ teamId: 'T0GONE0001' });
    await t.store.purgeTeam('T0GONE0001');
    expect(await alerts.dailyTeams()).toEqual([
      { teamId: 'T0ORGTEAM1', enterpriseId: 'E0ORG00001' },
      { teamId: TEAM },
    ]);
    expect((await t.redis.smembers(`${t.prefix}:alert-teams`)).sort()).toEqual(['T0ORGTEAM1', TEAM]);
  });

  it('keeps the alerts of a summary for its Show all button', async () => {
    await t.store.alerts.saveBatch(TEAM, 'alsum-1', [alert('al-1', 5), alert('al-2')]);
    expect(await t.store.alerts.batch(TEAM, 'alsum-1')).toEqual([alert('al-1', 5), alert('al-2')]);
    expect(await t.store.alerts.batch(TEAM, 'alsum-2')).toBeUndefined();
    expect(await t.redis.ttl(`${t.prefix}:{${TEAM}}:alerts:batch:alsum-1`)).toBeGreaterThan(29 * 24 * 3600);
  });

  it('goes with the team purge', async () => {
    const alerts = t.store.alerts;
    await alerts.updateSettings(TEAM, { channel: 'C0ALERTS' });
    await alerts.saveSnapshot(TEAM, {});
    await alerts.addPending(TEAM, 'U0MOSES', [alert('al-1')], 'America/Chicago');
    await alerts.markRaised(TEAM, ['al-1']);
    expect((await keysUnder(t.redis, t.prefix)).length).toBeGreaterThanOrEqual(5);
    await t.store.purgeTeam(TEAM);
    expect(await keysUnder(t.redis, t.prefix)).toEqual([]);
  });
});

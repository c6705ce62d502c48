import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE } from '../../src/engines/optimizer/index.js';
import type { RedisClient } from '../../src/redis-client.js';
import { createDeliveryLedger } from '../../src/store/deliveries.js';
import { createEnrolmentRepository, type Enrolment } from '../../src/store/enrolments.js';
import { createCalendarRepository } from '../../src/store/enrolments-calendar.js';
import { followupKeys } from '../../src/store/enrolments-keys.js';
import { createKeys } from '../../src/store/keys.js';
import { createSequenceRepository } from '../../src/store/sequences.js';
import { deleteKeysUnder, keysUnder, openTestRedis, randomPrefix } from '../support/redis.js';

const TEAM = 'T0SALESOPS';
let redis: RedisClient;
let prefix: string;
let k: ReturnType<typeof followupKeys>;

beforeEach(() => {
  redis = openTestRedis();
  prefix = randomPrefix();
  k = followupKeys(createKeys(prefix));
});
afterEach(async () => {
  await deleteKeysUnder(redis, prefix);
  await redis.quit();
});

const enrolment = (id: string, leadId = 'c:acme'): Enrolment => ({
  id,
  teamId: TEAM,
  leadId,
  leadName: 'Acme',
  ownerId: 'U0REP00001',
  enrolledBy: 'U0REP00001',
  sequence: DEFAULT_SEQUENCE,
  timezone: 'Europe/Paris',
  startedAt: '2026-11-24T09:00:00Z',
  status: 'active',
  steps: [
    { index: 0, channel: 'email', day: 2, dueAt: '2026-11-26T08:00:00Z', state: 'scheduled', round: 0 },
  ],
});

describe('enrolment store', () => {
  it('keeps one active enrolment per lead, and frees the lead when it ends', async () => {
    const repo = createEnrolmentRepository(redis, k);
    expect(await repo.create(enrolment('e000000000001'))).toEqual({ created: true });
    expect(await repo.create(enrolment('e000000000002'))).toEqual({
      created: false,
      activeId: 'e000000000001',
    });
    expect(await repo.create(enrolment('e000000000003', 'c:globex'))).toEqual({ created: true });
    expect((await repo.listForRep(TEAM, 'U0REP00001')).map((e) => e.id)).toEqual([
      'e000000000001',
      'e000000000003',
    ]);

    await repo.update(TEAM, 'e000000000001', (e) => ({ ...e, status: 'stopped' }));
    expect(await repo.activeForLead(TEAM, 'c:acme')).toBeUndefined();
    expect((await repo.listActive(TEAM)).map((e) => e.id)).toEqual(['e000000000003']);
    expect(await repo.create(enrolment('e000000000002'))).toEqual({ created: true });
    expect(await redis.ttl(k.enrolment(TEAM, 'e000000000001'))).toBeGreaterThan(0);
  });

  it('applies concurrent updates one after the other, losing none', async () => {
    const repo = createEnrolmentRepository(redis, k);
    await repo.create(enrolment('e000000000001'));
    await Promise.all(
      Array.from({ length: 6 }, () =>
        repo.update(TEAM, 'e000000000001', (e) => ({
          ...e,
          steps: e.steps.map((s) => ({ ...s, round: s.round + 1 })),
        })),
      ),
    );
    expect((await repo.get(TEAM, 'e000000000001'))?.steps[0]?.round).toBe(6);
  });

  it('undoes a create completely', async () => {
    const repo = createEnrolmentRepository(redis, k);
    const e = enrolment('e000000000001');
    await repo.create(e);
    await repo.remove(e);
    // The sequence version stays: other enrolments may name it, and it goes with the team's purge.
    expect(await keysUnder(redis, prefix)).toEqual([k.sequenceVersions(TEAM)]);
  });

  it('stores the sequence once by id and version, and reads enrolments back with it', async () => {
    const repo = createEnrolmentRepository(redis, k);
    const first = enrolment('e000000000001');
    const second = { ...enrolment('e000000000002'), leadId: 'c:globex', leadName: 'Globex' };
    expect(await repo.createMany([first, second])).toEqual([{ created: true }, { created: true }]);
    const raw = JSON.parse((await redis.get(k.enrolment(TEAM, first.id))) ?? '{}');
    expect(raw.sequence).toBeUndefined();
    expect(raw.sequenceRef.id).toBe(first.sequence.id);
    expect(await redis.hlen(k.sequenceVersions(TEAM))).toBe(1);
    expect(await repo.get(TEAM, first.id)).toEqual(first);
    expect(await repo.get(TEAM, second.id)).toEqual(second);
  });

  it('still reads an enrolment stored with its sequence inline, and keeps that sequence when it changes', async () => {
    const repo = createEnrolmentRepository(redis, k);
    const old = enrolment('e000000000003');
    await redis.set(k.enrolment(TEAM, old.id), JSON.stringify(old));
    expect(await repo.get(TEAM, old.id)).toEqual(old);
    await repo.update(TEAM, old.id, (e) => ({ ...e, leadName: 'Acme Renamed' }));
    expect((await repo.get(TEAM, old.id))?.sequence).toEqual(old.sequence);
  });

  it('treats a guard left by a vanished enrolment as free', async () => {
    const repo = createEnrolmentRepository(redis, k);
    await redis.set(k.activeLead(TEAM, 'c:acme'), 'e0000000000ff');
    expect(await repo.create(enrolment('e000000000001'))).toEqual({ created: true });
  });
});

describe('delivery ledger', () => {
  it('claims once, marks posted once and counts the A/B send once', async () => {
    const ledger = createDeliveryLedger(redis, k);
    expect((await ledger.claim(TEAM, 'rem-x-r0', 1000)).fresh).toBe(true);
    const again = await ledger.claim(TEAM, 'rem-x-r0', 2000);
    expect(again).toEqual({ fresh: false, record: { state: 'claimed', claimedAt: 1000 } });
    const ab = { stepKey: 'default#1', variant: 'a' };
    expect(await ledger.markPosted(TEAM, 'rem-x-r0', { channel: 'D1', ts: '1.2' }, ab)).toBe(true);
    expect(await ledger.markPosted(TEAM, 'rem-x-r0', { channel: 'D1', ts: '1.2' }, ab)).toBe(false);
    expect(await redis.hgetall(k.ab(TEAM, 'default#1'))).toEqual({ 'a:sends': '1' });
    expect(await ledger.get(TEAM, 'rem-x-r0')).toEqual({
      state: 'posted',
      claimedAt: 1000,
      channel: 'D1',
      ts: '1.2',
    });
  });

  it('releases a claim whose post Slack refused, but never a posted one', async () => {
    const ledger = createDeliveryLedger(redis, k);
    await ledger.claim(TEAM, 'a', 1);
    await ledger.release(TEAM, 'a');
    expect(await ledger.get(TEAM, 'a')).toBeUndefined();
    await ledger.claim(TEAM, 'b', 1);
    await ledger.markPosted(TEAM, 'b', { channel: 'D1', ts: '1.2' });
    await ledger.release(TEAM, 'b');
    expect(await ledger.get(TEAM, 'b')).toMatchObject({ state: 'posted' });
  });
});

describe('sequences and calendars', () => {
  it('always lists the default cadence first, edited or not', async () => {
    const repo = createSequenceRepository(redis, k);
    expect((await repo.list(TEAM)).map((s) => s.id)).toEqual(['default']);
    await repo.save(TEAM, { ...DEFAULT_SEQUENCE, id: 'outbound', name: 'Outbound' });
    await repo.save(TEAM, { ...DEFAULT_SEQUENCE, name: 'Edited default' });
    expect((await repo.list(TEAM)).map((s) => s.name)).toEqual(['Edited default', 'Outbound']);
  });

  it('keeps holidays sorted and drops absences that ended over a month ago', async () => {
    const cal = createCalendarRepository(redis, k);
    await cal.setHolidays(TEAM, ['2026-12-26', '2026-12-25', '2026-12-25']);
    expect(await cal.holidays(TEAM)).toEqual(['2026-12-25', '2026-12-26']);
    await cal.addAbsence(TEAM, 'U1', { from: '2026-09-01', to: '2026-09-05' }, '2026-11-24');
    const list = await cal.addAbsence(TEAM, 'U1', { from: '2026-12-01', to: '2026-12-02' }, '2026-11-24');
    expect(list).toEqual([{ from: '2026-12-01', to: '2026-12-02' }]);
  });
});

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
    expect(raw.q).toMatch(new RegExp(`^${first.sequence.id}@`));
    expect(await redis.hlen(k.sequenceVersions(TEAM))).toBe(1);
    expect(await repo.get(TEAM, first.id)).toEqual(first);
    expect(await repo.get(TEAM, second.id)).toEqual(second);
  });

  it('packs a record into far fewer bytes and reads every field back', async () => {
    const repo = createEnrolmentRepository(redis, k);
    const full: Enrolment = {
      ...enrolment('e0000000000a1'),
      enterpriseId: 'E0ORG00001',
      status: 'replied',
      endedAt: '2026-12-01T10:00:00.000Z',
      endedBy: 'U0REP00002',
      steps: [
        {
          index: 0,
          channel: 'email',
          day: 2,
          dueAt: '2026-11-26T08:00:00Z',
          state: 'done',
          round: 0,
          variant: 'b',
          doneAt: '2026-11-26T08:03:00.000Z',
        },
        {
          index: 1,
          channel: 'call',
          day: 4,
          dueAt: '2026-11-30T08:00:00.000Z',
          state: 'due',
          round: 3,
          variant: 'a',
        },
        {
          index: 2,
          channel: 'linkedin',
          day: 7,
          dueAt: '2026-12-03T08:00:00Z',
          state: 'cancelled',
          round: 12,
        },
        {
          index: 3,
          channel: 'breakup',
          day: 10,
          dueAt: '2026-12-08T08:00:00Z',
          state: 'scheduled',
          round: 0,
        },
      ],
    };
    const { endedAt: _endedAt, endedBy: _endedBy, ...started } = full;
    await repo.create({ ...started, status: 'active' });
    await repo.update(TEAM, full.id, () => full);
    expect(await repo.get(TEAM, full.id)).toEqual(full);
    const raw = (await redis.get(k.enrolment(TEAM, full.id))) ?? '';
    const { sequence, ...rest } = full;
    const older = JSON.stringify({ ...rest, sequenceRef: { id: sequence.id, version: 'x'.repeat(16) } });
    expect(raw.length).toBeLessThan(older.length * 0.6);
  });

  it('still reads a record in the older shape that names its sequence, and packs it when it changes', async () => {
    const repo = createEnrolmentRepository(redis, k);
    const current = enrolment('e000000000004');
    await repo.create(current);
    const raw = JSON.parse((await redis.get(k.enrolment(TEAM, current.id))) ?? '{}');
    const [id, version] = String(raw.q).split('@');
    const { sequence: _sequence, ...rest } = current;
    const older = {
      ...rest,
      steps: [{ ...rest.steps[0], state: 'done', variant: 'a', doneAt: '2026-11-26T08:05:00.000Z' }],
      sequenceRef: { id, version },
    };
    await redis.set(k.enrolment(TEAM, current.id), JSON.stringify(older));
    const read = await repo.get(TEAM, current.id);
    expect(read).toEqual({ ...current, steps: older.steps });
    await repo.update(TEAM, current.id, (e) => ({ ...e, leadName: 'Acme Renamed' }));
    expect(JSON.parse((await redis.get(k.enrolment(TEAM, current.id))) ?? '{}').v).toBe(2);
    expect(await repo.get(TEAM, current.id)).toEqual({ ...read, leadName: 'Acme Renamed' });
  });

  it('creates a batch in one go, refusing a lead enrolled earlier in the same batch or before it', async () => {
    const repo = createEnrolmentRepository(redis, k);
    await repo.create(enrolment('e000000000010', 'c:initech'));
    const results = await repo.createMany([
      enrolment('e000000000011', 'c:acme'),
      enrolment('e000000000012', 'c:globex'),
      enrolment('e000000000013', 'c:acme'),
      enrolment('e000000000014', 'c:initech'),
      { ...enrolment('e000000000015', 'c:acme'), teamId: 'T0OTHER' },
    ]);
    expect(results).toEqual([
      { created: true },
      { created: true },
      { created: false, activeId: 'e000000000011' },
      { created: false, activeId: 'e000000000010' },
      { created: true },
    ]);
    expect(await redis.exists(k.enrolment(TEAM, 'e000000000013'), k.enrolment(TEAM, 'e000000000014'))).toBe(
      0,
    );
    expect((await repo.listActive(TEAM)).map((e) => e.id).sort()).toEqual([
      'e000000000010',
      'e000000000011',
      'e000000000012',
    ]);
    expect((await repo.listActive('T0OTHER')).map((e) => e.id)).toEqual(['e000000000015']);
  });

  it('writes no sequence version when every lead of a batch is already enrolled', async () => {
    const repo = createEnrolmentRepository(redis, k);
    await redis.set(k.activeLead(TEAM, 'c:acme'), 'e0000000000aa');
    await redis.set(k.enrolment(TEAM, 'e0000000000aa'), 'kept');
    const other = { ...enrolment('e000000000001'), sequence: { ...DEFAULT_SEQUENCE, id: 'outbound' } };
    expect(await repo.createMany([other])).toEqual([{ created: false, activeId: 'e0000000000aa' }]);
    expect(await redis.exists(k.sequenceVersions(TEAM))).toBe(0);
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

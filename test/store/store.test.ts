import { describe, expect, it } from 'vitest';
import { CorruptRecordError, InputError } from '../../src/errors.js';
import { DRAFT_TTL_SECONDS } from '../../src/store/drafts.js';
import { keysUnder } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const at = new Date('2026-11-24T10:00:00.000Z');
const db = useTestStore();

describe('profiles', () => {
  it('saves the validated intake with who saved it and when, and reads it back', async () => {
    await db.store.profiles.save('T1', { business: 'Acme Corp', model: 'inside' }, { by: 'U1', at });
    expect(await db.store.profiles.get('T1')).toEqual({
      intake: { business: 'Acme Corp', model: 'inside' },
      updatedAt: '2026-11-24T10:00:00.000Z',
      updatedBy: 'U1',
    });
  });

  it('keeps each workspace to itself', async () => {
    await db.store.profiles.save('T1', { business: 'Acme Corp', model: 'inside' }, { by: 'U1', at });
    expect(await db.store.profiles.get('T2')).toBeUndefined();
  });

  it('refuses an invalid intake, naming the field, and saves nothing', async () => {
    const saving = db.store.profiles.save(
      'T1',
      { business: 'Acme', model: 'door-to-door' },
      { by: 'U1', at },
    );
    await expect(saving).rejects.toBeInstanceOf(InputError);
    await expect(saving).rejects.toThrow(/model: must be one of inside, field, hybrid/);
    expect(await keysUnder(db.redis, db.prefix)).toEqual([]);
  });

  it("clears the saver's draft in the same transaction when asked", async () => {
    await db.store.drafts.save('T1', 'U1', { intake: { business: 'Acme' }, step: 2 }, at);
    await db.store.drafts.save('T1', 'U2', { intake: { business: 'Other' }, step: 1 }, at);
    await db.store.profiles.save(
      'T1',
      { business: 'Acme', model: 'field' },
      { by: 'U1', at, clearDraft: true },
    );
    expect(await db.store.drafts.get('T1', 'U1')).toBeUndefined();
    expect(await db.store.drafts.get('T1', 'U2')).toMatchObject({ step: 1 });
  });

  it('reports a record that no longer matches its schema instead of returning it', async () => {
    await db.redis.set(db.store.keys.profile('T1'), JSON.stringify({ intake: { business: 'Acme' } }));
    await expect(db.store.profiles.get('T1')).rejects.toBeInstanceOf(CorruptRecordError);
  });
});

describe('drafts', () => {
  it('keeps a half-filled intake per user for 30 days', async () => {
    await db.store.drafts.save('T1', 'U1', { intake: { business: 'Acme' }, step: 2, channelId: 'C1' }, at);
    expect(await db.store.drafts.get('T1', 'U1')).toEqual({
      intake: { business: 'Acme' },
      step: 2,
      channelId: 'C1',
      updatedAt: '2026-11-24T10:00:00.000Z',
    });
    const ttl = await db.redis.ttl(db.store.keys.draft('T1', 'U1'));
    expect(ttl).toBeGreaterThan(DRAFT_TTL_SECONDS - 5);
    expect(ttl).toBeLessThanOrEqual(DRAFT_TTL_SECONDS);
    expect(DRAFT_TTL_SECONDS).toBe(30 * 24 * 3600);
  });

  it('removes a draft', async () => {
    await db.store.drafts.save('T1', 'U1', { intake: {}, step: 1 }, at);
    await db.store.drafts.remove('T1', 'U1');
    expect(await db.store.drafts.get('T1', 'U1')).toBeUndefined();
  });
});

describe('settings', () => {
  it('starts empty, applies patches field by field and removes a field set to null', async () => {
    expect(await db.store.settings.get('T1')).toEqual({});
    await db.store.settings.update('T1', { framework: 'meddic', timezone: 'Europe/Paris' });
    await db.store.settings.update('T1', { quarterlyQuota: 500000, currency: 'EUR' });
    expect(await db.store.settings.update('T1', { timezone: null })).toEqual({
      framework: 'meddic',
      quarterlyQuota: 500000,
      currency: 'EUR',
    });
  });

  it('refuses a bad value, names it, and leaves the other fields of the patch unsaved', async () => {
    const updating = db.store.settings.update('T1', { framework: 'bant', timezone: 'Mars/Olympus' });
    await expect(updating).rejects.toThrow(/timezone: must be an IANA time zone/);
    expect(await db.store.settings.get('T1')).toEqual({});
  });
});

describe('blueprints', () => {
  it('remembers the last blueprint summary of a team', async () => {
    const first = {
      business: 'Acme',
      framework: 'bant' as const,
      health: 6.5,
      generatedAt: '2026-11-20T09:00:00.000Z',
      generatedBy: 'U1',
      channel: 'C1',
      ts: '1700000000.000100',
    };
    await db.store.blueprints.saveLast('T1', first);
    await db.store.blueprints.saveLast('T1', { ...first, health: 7.5, ts: '1700000100.000100' });
    expect(await db.store.blueprints.getLast('T1')).toEqual({
      ...first,
      health: 7.5,
      ts: '1700000100.000100',
    });
  });
});

describe('event ledger', () => {
  it('claims an event id once per hour', async () => {
    expect(await db.store.events.claim('T1', 'Ev1')).toBe(true);
    expect(await db.store.events.claim('T1', 'Ev1')).toBe(false);
    expect(await db.store.events.claim('T1', 'Ev2')).toBe(true);
    const ttl = await db.redis.ttl(db.store.keys.event('T1', 'Ev1'));
    expect(ttl).toBeGreaterThan(3590);
  });
});

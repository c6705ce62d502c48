import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestSchedulerId } from '../../src/jobs/digest-job.js';
import { JOB_NAMES } from '../../src/jobs/queues.js';
import {
  nextRunTimes,
  removeDigestScheduler,
  restoreDigestSchedulers,
  type ScheduleDeps,
  upsertDigestScheduler,
} from '../../src/jobs/schedules.js';
import { removeTeamJobs } from '../../src/jobs/team-jobs.js';
import { createStore, type DigestSettings, type Store } from '../../src/store/index.js';
import { type JobHarness, openHarness } from './support/harness.js';

const TEAM = 'T0SALESOPS';
const NY = 'America/New_York';

const local = (ms: number, zone = NY) => DateTime.fromMillis(ms, { zone });

describe('digest schedule maths (as BullMQ computes the next run)', () => {
  it('keeps 0 9 * * 1 at 09:00 New York time, once a week, across the fall-back of 1 November 2026', () => {
    const runs = nextRunTimes('0 9 * * 1', NY, Date.parse('2026-10-15T00:00:00Z'), 6);
    expect(runs.map((ms) => local(ms).toFormat('ccc yyyy-LL-dd HH:mm'))).toEqual([
      'Mon 2026-10-19 09:00',
      'Mon 2026-10-26 09:00',
      'Mon 2026-11-02 09:00',
      'Mon 2026-11-09 09:00',
      'Mon 2026-11-16 09:00',
      'Mon 2026-11-23 09:00',
    ]);
    // 13:00 UTC under daylight time (UTC−4), 14:00 UTC once standard time (UTC−5) starts.
    expect(runs.map((ms) => new Date(ms).getUTCHours())).toEqual([13, 13, 14, 14, 14, 14]);
  });

  it('keeps it at 09:00 across the spring-forward of 14 March 2027, one run per ISO week, none twice', () => {
    const runs = nextRunTimes('0 9 * * 1', NY, Date.parse('2027-02-20T00:00:00Z'), 6);
    expect(runs.map((ms) => local(ms).toFormat('HH:mm'))).toEqual(Array(6).fill('09:00'));
    expect(runs.map((ms) => new Date(ms).getUTCHours())).toEqual([14, 14, 14, 13, 13, 13]);
    const weeks = runs.map((ms) => local(ms).toFormat("kkkk-'W'WW"));
    expect(new Set(weeks).size).toBe(runs.length);
    expect(runs.slice(1).map((ms, i) => ms - (runs[i] ?? 0))).toEqual([
      7 * 24 * 3_600_000,
      7 * 24 * 3_600_000,
      7 * 24 * 3_600_000 - 3_600_000,
      7 * 24 * 3_600_000,
      7 * 24 * 3_600_000,
    ]);
  });

  it('runs a weekday schedule on five local days a week through a DST change', () => {
    const runs = nextRunTimes('30 8 * * 1-5', 'Europe/Berlin', Date.parse('2026-10-23T12:00:00Z'), 6);
    expect(runs.map((ms) => local(ms, 'Europe/Berlin').toFormat('ccc HH:mm'))).toEqual([
      'Mon 08:30',
      'Tue 08:30',
      'Wed 08:30',
      'Thu 08:30',
      'Fri 08:30',
      'Mon 08:30',
    ]);
  });
});

describe('digest job schedulers', () => {
  let h: JobHarness;
  let store: Store;
  let deps: ScheduleDeps;
  const settings = (channelId: string, paused = false): DigestSettings => ({
    teamId: TEAM,
    channelId,
    pattern: '0 9 * * 1',
    tz: NY,
    description: 'Mondays at 09:00 (America/New_York)',
    cadence: 'weekly',
    paused,
    updatedBy: 'U0MANAGER1',
    updatedAt: '2026-11-23T15:00:00.000Z',
  });

  beforeEach(async () => {
    h = await openHarness();
    store = createStore(h.redis, { prefix: h.prefix });
    deps = { queue: h.queues.reminders, jobIndex: h.followups.jobIndex };
  });
  afterEach(async () => {
    await h.close();
  });

  it('leaves one scheduler and one pending run when the same digest is upserted twice (a restart)', async () => {
    await upsertDigestScheduler(deps, settings('C0SALES001'));
    await upsertDigestScheduler(deps, settings('C0SALES001'));
    const schedulers = await h.queues.reminders.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([digestSchedulerId(TEAM, 'C0SALES001')]);
    expect(schedulers[0]).toMatchObject({ pattern: '0 9 * * 1', tz: NY, name: JOB_NAMES.digest });
    const delayed = await h.queues.reminders.getDelayed();
    expect(delayed).toHaveLength(1);
    expect(delayed[0]?.data).toEqual({ teamId: TEAM, channel: 'C0SALES001' });
    expect(local((delayed[0]?.timestamp ?? 0) + (delayed[0]?.delay ?? 0)).toFormat('ccc HH:mm')).toBe(
      'Mon 09:00',
    );
  });

  it('changes the schedule in place', async () => {
    await upsertDigestScheduler(deps, settings('C0SALES001'));
    await upsertDigestScheduler(deps, { ...settings('C0SALES001'), pattern: '30 16 * * 5' });
    const schedulers = await h.queues.reminders.getJobSchedulers();
    expect(schedulers.map((s) => s.pattern)).toEqual(['30 16 * * 5']);
    expect(await h.queues.reminders.getDelayedCount()).toBe(1);
  });

  it('upserts every saved running digest at worker start, idempotently', async () => {
    await store.digests.save(settings('C0SALES001'));
    await store.digests.save(settings('C0SALES002', true));
    await store.digests.save({ ...settings('C0SALES003'), teamId: 'T0GONE0001' });
    await h.redis.del(store.keys.digest('T0GONE0001', 'C0SALES003'));
    expect(await restoreDigestSchedulers({ ...deps, digests: store.digests })).toBe(1);
    expect(await restoreDigestSchedulers({ ...deps, digests: store.digests })).toBe(1);
    const schedulers = await h.queues.reminders.getJobSchedulers();
    expect(schedulers.map((s) => s.key)).toEqual([digestSchedulerId(TEAM, 'C0SALES001')]);
    expect(await h.queues.reminders.getDelayedCount()).toBe(1);
    expect(await h.redis.smembers(store.keys.digestIndex())).toEqual(
      expect.not.arrayContaining(['T0GONE0001/C0SALES003']),
    );
  });

  it('removes the scheduler, and uninstall removes the team schedulers it indexed', async () => {
    await upsertDigestScheduler(deps, settings('C0SALES001'));
    await upsertDigestScheduler(deps, settings('C0SALES002'));
    expect(await removeDigestScheduler(deps, TEAM, 'C0SALES001')).toBe(true);
    expect(await removeDigestScheduler(deps, TEAM, 'C0SALES001')).toBe(false);
    expect(await h.followups.jobIndex.listSchedulers(TEAM)).toEqual([
      { queue: 'reminders', schedulerId: digestSchedulerId(TEAM, 'C0SALES002') },
    ]);
    expect(await removeTeamJobs(TEAM, { index: h.followups.jobIndex, queues: h.queues })).toBe(1);
    expect(await h.queues.reminders.getJobSchedulers()).toEqual([]);
    expect(await h.queues.reminders.getDelayedCount()).toBe(0);
    expect(await h.followups.jobIndex.listSchedulers(TEAM)).toEqual([]);
  });
});

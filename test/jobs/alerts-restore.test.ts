import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryMember } from '../../src/engines/alerts/index.js';
import type { Deal } from '../../src/engines/deal.js';
import { alertsSchedulerId } from '../../src/jobs/alerts-job.js';
import { restoreAlertJobs } from '../../src/jobs/alerts-restore.js';
import { runAlerts } from '../../src/jobs/alerts-run.js';
import { JOB_NAMES } from '../../src/jobs/queues.js';
import { upsertAlertScheduler } from '../../src/jobs/schedules.js';
import { createStore, type Store } from '../../src/store/index.js';
import { firstRows, importRows } from '../engines/alerts/maven-imports.js';
import { nextLocal } from '../support/clock.js';
import { MAVEN_STAGES, storeDeals } from '../support/deals.js';
import { type JobHarness, openHarness } from './support/harness.js';

const TEAM = 'T0SALESOPS';
const ORG_TEAM = 'T0ORGTEAM1';
const CHANNEL = 'C0ALERTS01';
const MOSES = 'U0MOSES001';
const ANNA = 'U0ANNA0001';
const DIRECTORY: DirectoryMember[] = [
  { id: MOSES, names: ['Moses Frase'], tz: 'America/Chicago' },
  { id: ANNA, names: ['Anna Snelling'], tz: 'Europe/Paris' },
];

let deals: Deal[];
let h: JobHarness;
let store: Store;

beforeAll(async () => {
  deals = await importRows(firstRows());
});
beforeEach(async () => {
  h = await openHarness();
  store = createStore(h.redis, { prefix: h.prefix });
});
afterEach(async () => {
  await h.close();
});

const schedule = () => ({ queue: h.queues.reminders, jobIndex: h.followups.jobIndex });
const restore = (now: Date) => restoreAlertJobs({ store, followups: h.followups, now });
const flushes = async () =>
  (await h.queues.reminders.getJobs(['waiting', 'delayed']))
    .filter((j) => j.name === JOB_NAMES.alertFlush)
    .map((j) => ({ id: j.id, data: j.data, at: Math.round((j.timestamp + j.delay) / 1000) }))
    .sort((a, b) => String(a.id).localeCompare(String(b.id)));
const schedulers = async () =>
  (await h.queues.reminders.getJobSchedulers())
    .map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz }))
    .sort((a, b) => a.key.localeCompare(b.key));

const importDeals = () => storeDeals(store, TEAM, deals, { by: 'U0IMPORT01', stages: MAVEN_STAGES });

describe('alert jobs at worker start', () => {
  it('puts back every daily run and every waiting flush after Redis lost the queue, idempotently', async () => {
    await store.settings.update(TEAM, { timezone: 'America/Chicago' });
    await store.alerts.updateSettings(TEAM, { channel: CHANNEL });
    await store.alerts.markDaily({ teamId: TEAM });
    await store.alerts.markDaily({ teamId: ORG_TEAM, enterpriseId: 'E0ORG00001' });
    await store.alerts.markDaily({ teamId: 'T0GONE0001' });
    await store.purgeTeam('T0GONE0001');
    await upsertAlertScheduler(schedule(), { teamId: TEAM, tz: 'America/Chicago' });
    await upsertAlertScheduler(schedule(), { teamId: ORG_TEAM, enterpriseId: 'E0ORG00001', tz: 'UTC' });
    // 20:00 in Chicago: Moses, Anna (Paris, 03:00) and the channel all wait for their quiet hours to end.
    const at = nextLocal({ weekday: 2, hour: 20, zone: 'America/Chicago' });
    await importDeals();
    await runAlerts(
      { store, followups: h.followups, directory: async () => DIRECTORY },
      { teamId: TEAM, now: at.toJSDate() },
    );
    const schedulersBefore = await schedulers();
    const flushesBefore = await flushes();
    expect(flushesBefore.map((f) => f.data.recipient).sort()).toEqual([ANNA, CHANNEL, MOSES].sort());
    expect(flushesBefore.find((f) => f.data.recipient === ANNA)?.data.tz).toBe('Europe/Paris');

    // Redis restored from a backup that predates the queue's keys: the team data survived, the jobs did not.
    await h.queues.reminders.obliterate({ force: true });
    expect(await schedulers()).toEqual([]);
    expect(await flushes()).toEqual([]);

    const later = at.plus({ hours: 1 }).toJSDate();
    expect(await restore(later)).toEqual({ teams: 2, flushes: 3 });
    expect(await restore(later)).toEqual({ teams: 2, flushes: 3 });
    expect(await schedulers()).toEqual(schedulersBefore);
    expect(await schedulers()).toEqual([
      { key: alertsSchedulerId(ORG_TEAM), pattern: '0 7 * * *', tz: 'UTC' },
      { key: alertsSchedulerId(TEAM), pattern: '0 7 * * *', tz: 'America/Chicago' },
    ]);
    const runs = (await h.queues.reminders.getDelayed()).filter((j) => j.name === JOB_NAMES.alerts);
    expect(runs.map((j) => j.data).sort((a, b) => a.teamId.localeCompare(b.teamId))).toEqual([
      { teamId: ORG_TEAM, enterpriseId: 'E0ORG00001', trigger: 'daily' },
      { teamId: TEAM, trigger: 'daily' },
    ]);
    expect(await flushes()).toEqual(flushesBefore);
  });

  it('moves a daily run whose schedule or team zone changed since it was filed', async () => {
    await store.alerts.markDaily({ teamId: TEAM });
    await h.queues.reminders.upsertJobScheduler(
      alertsSchedulerId(TEAM),
      { pattern: '0 6 * * 1-5', tz: 'Europe/Paris' },
      { name: JOB_NAMES.alerts, data: { teamId: TEAM, trigger: 'daily' } },
    );
    await store.settings.update(TEAM, { timezone: 'Asia/Tokyo' });
    expect(await restore(new Date())).toEqual({ teams: 1, flushes: 0 });
    expect(await schedulers()).toEqual([
      { key: alertsSchedulerId(TEAM), pattern: '0 7 * * *', tz: 'Asia/Tokyo' },
    ]);
    expect(await h.queues.reminders.getDelayedCount()).toBe(1);
  });
});

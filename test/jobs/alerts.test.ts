import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DirectoryMember } from '../../src/engines/alerts/index.js';
import type { Deal } from '../../src/engines/deal.js';
import { processAlertFlush } from '../../src/jobs/alerts-flush.js';
import { alertDayKey, alertFlushJobId } from '../../src/jobs/alerts-job.js';
import { type AlertRunDeps, runAlerts } from '../../src/jobs/alerts-run.js';
import { postJobId } from '../../src/jobs/ids.js';
import { JOB_NAMES } from '../../src/jobs/queues.js';
import { enqueueAlertRun, upsertAlertScheduler } from '../../src/jobs/schedules.js';
import { SlackStandIn } from '../../src/sandbox/index.js';
import { createStore, type Store } from '../../src/store/index.js';
import { firstRows, importRows, secondRows } from '../engines/alerts/maven-imports.js';
import { nextLocal } from '../support/clock.js';
import { MAVEN_STAGES, storeDeals } from '../support/deals.js';
import { type JobHarness, openHarness } from './support/harness.js';
import { waitForState } from './support/wait.js';

const TEAM = 'T0SALESOPS';
const TOKEN = 'xoxb-test-bot-token';
const CHANNEL = 'C0ALERTS01';
const MOSES = 'U0MOSES001';
const ANNA = 'U0ANNA0001';
// Moses and Anna are matched by their real names; every other owner of the sample is unmatched.
const DIRECTORY: DirectoryMember[] = [
  { id: MOSES, names: ['Moses Frase'], tz: 'America/Chicago' },
  { id: ANNA, email: 'anna@maven.example', names: ['Anna Snelling'], tz: 'Europe/Paris' },
];

let first: Deal[];
let second: Deal[];
let h: JobHarness;
let store: Store;
let deps: AlertRunDeps;

beforeAll(async () => {
  const rows = firstRows();
  [first, second] = await Promise.all([importRows(rows), importRows(secondRows(rows).rows)]);
});
beforeEach(async () => {
  h = await openHarness();
  store = createStore(h.redis, { prefix: h.prefix });
  deps = { store, followups: h.followups, directory: async () => DIRECTORY };
  await store.alerts.updateSettings(TEAM, { channel: CHANNEL });
});
afterEach(async () => {
  await h.close();
});

const importDeals = (deals: readonly Deal[], n: number) =>
  storeDeals(store, TEAM, deals, { by: `U0IMPORT0${n}`, stages: MAVEN_STAGES });

const posts = async () =>
  (await h.queues.sender.getJobs(['waiting', 'delayed', 'active', 'completed', 'prioritized'])).filter(
    (j) => j.name === JOB_NAMES.post,
  );
const flushes = async () =>
  (await h.queues.reminders.getJobs(['waiting', 'delayed'])).filter((j) => j.name === JOB_NAMES.alertFlush);

// 20:00 in Chicago on a coming Tuesday: Moses is in his quiet hours, Anna (Paris, 03:00) too.
const evening = () => nextLocal({ weekday: 2, hour: 20, zone: 'America/Chicago' });

// Each test imports the Maven sample up to four times and runs the rules on it: seconds alone, far more on a busy machine.
describe('deal alerts through the queues', { timeout: 90_000 }, () => {
  it('queues each owner one flush at the end of their quiet hours, posts big wins once, and lists unmatched owners once', async () => {
    await importDeals(first, 1);
    const at = evening();
    const run = await runAlerts(deps, { teamId: TEAM, now: at.toJSDate() });
    const pendingMoses = await store.alerts.pending(TEAM, MOSES);
    const mosesOwn = first.filter((d) => d.owner === 'Moses Frase').map((d) => d.id);
    expect(pendingMoses.length).toBeGreaterThan(0);
    expect(pendingMoses.every((a) => mosesOwn.includes(a.dealId))).toBe(true);
    expect(run.queued[MOSES]).toBe(pendingMoses.length);

    const mosesDay = at.plus({ days: 1 }).toISODate() ?? '';
    const annaDay = at.setZone('Europe/Paris').toISODate() ?? '';
    const jobs = await flushes();
    expect(jobs.map((j) => j.id).sort()).toEqual(
      [
        alertFlushJobId(TEAM, CHANNEL, mosesDay),
        alertFlushJobId(TEAM, ANNA, annaDay),
        alertFlushJobId(TEAM, MOSES, mosesDay),
      ].sort(),
    );
    const mosesJob = jobs.find((j) => j.id === alertFlushJobId(TEAM, MOSES, mosesDay));
    const due = (mosesJob?.timestamp ?? 0) + (mosesJob?.opts.delay ?? 0);
    const eight = at.plus({ days: 1 }).set({ hour: 8 }).toMillis();
    expect(Math.abs(due - eight)).toBeLessThan(5_000);

    const channelPosts = (await posts()).filter((j) => j.data.channel === CHANNEL);
    expect(channelPosts.filter((j) => j.data.text.startsWith('Big win')).length).toBe(run.bigWins);
    expect(channelPosts.filter((j) => j.data.text.includes('matched nobody'))).toHaveLength(1);
    expect(run.unmatched).not.toContain('Moses Frase');

    // The same deals again: nothing new anywhere.
    const postsBefore = (await posts()).length;
    const again = await runAlerts(deps, { teamId: TEAM, now: at.plus({ hours: 1 }).toJSDate() });
    expect(again).toMatchObject({ fresh: 0, bigWins: 0, unmatched: [], queued: {} });
    expect((await posts()).length).toBe(postsBefore);
    expect((await store.alerts.pending(TEAM, MOSES)).length).toBe(pendingMoses.length);
  });

  it('sends a person one coalesced message a day, once, and the alerts of a later import the next morning', async () => {
    const slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
    try {
      slack.addUser({ id: MOSES, name: 'moses', tz: 'America/Chicago' });
      h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN });
      await importDeals(first, 1);
      const at = evening();
      await runAlerts(deps, { teamId: TEAM, now: at.toJSDate() });
      const day = at.plus({ days: 1 }).toISODate() ?? '';
      const data = { teamId: TEAM, recipient: MOSES, tz: 'America/Chicago', day };
      const pending = (await store.alerts.pending(TEAM, MOSES)).length;
      const sent = await processAlertFlush(data, deps);
      expect(sent).toMatchObject({
        status: 'sent',
        alerts: pending,
        kind: pending > 50 ? 'summary' : 'list',
      });
      await waitForState(h.queues.sender, postJobId(alertDayKey(TEAM, MOSES, day)), 'completed', 10_000);
      expect(slack.messages(MOSES)).toHaveLength(1);
      expect(await processAlertFlush(data, deps)).toEqual({ status: 'nothing-pending' });

      // The second import on the same evening: only what changed, and it waits for the next day's message.
      await importDeals(second, 2);
      const run = await runAlerts(deps, { teamId: TEAM, now: at.plus({ minutes: 30 }).toJSDate() });
      expect(run.fresh).toBeGreaterThan(0);
      const next = at.plus({ days: 2 }).toISODate() ?? '';
      expect((await flushes()).map((j) => j.id)).toContain(alertFlushJobId(TEAM, MOSES, next));
      expect(slack.messages(MOSES)).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });

  it('runs the alerts of an import through the worker once, all to the channel when Slack lists nobody', async () => {
    const slack = await SlackStandIn.start({ signingSecret: 'secret', botToken: TOKEN, teamId: TEAM });
    try {
      h.startWorkers({ apiUrl: slack.apiUrl, token: TOKEN, extra: { alerts: { store } } });
      await importDeals(first, 1);
      const id = await enqueueAlertRun(h.followups, { teamId: TEAM, importId: 'imp-1' });
      const job = await waitForState(h.queues.reminders, id, 'completed', 20_000);
      expect(job.returnvalue).toMatchObject({
        status: 'ran',
        unmatched: expect.arrayContaining(['Moses Frase']),
      });
      expect(Object.keys(job.returnvalue.queued)).toEqual([CHANNEL]);
      expect(await enqueueAlertRun(h.followups, { teamId: TEAM, importId: 'imp-1' })).toBe(id);
      expect(
        (await h.queues.reminders.getJobs(['completed'])).filter((j) => j.name === JOB_NAMES.alerts),
      ).toHaveLength(1);
    } finally {
      await slack.stop();
    }
  });

  it('runs daily at 07:00 in the team zone from one scheduler, which uninstalling removes', async () => {
    const schedule = { queue: h.queues.reminders, jobIndex: h.followups.jobIndex };
    await upsertAlertScheduler(schedule, { teamId: TEAM, tz: 'Europe/Paris' });
    await upsertAlertScheduler(schedule, { teamId: TEAM, tz: 'Europe/Paris' });
    const schedulers = await h.queues.reminders.getJobSchedulers();
    expect(schedulers).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({
      key: 'alerts-T0SALESOPS',
      pattern: '0 7 * * *',
      tz: 'Europe/Paris',
    });
    await h.followups.removeTeamJobs(TEAM);
    expect(await h.queues.reminders.getJobSchedulers()).toEqual([]);
  });

  it('holds muted alerts for good and snoozed ones until the snooze ends', async () => {
    await importDeals(first, 1);
    const at = evening();
    await runAlerts(deps, { teamId: TEAM, now: at.toJSDate() });
    await store.alerts.dropPending(
      TEAM,
      MOSES,
      (await store.alerts.pending(TEAM, MOSES)).map((a) => a.key),
    );
    await importDeals(second, 2);
    // What the second import raises for Moses, found without muting: two of its deals are then muted and snoozed.
    const moses = second.filter((d) => d.owner === 'Moses Frase').map((d) => d.id);
    const slipped = secondRows(firstRows()).changes.slipped;
    const [muted, snoozed] = moses.filter((id) => slipped.has(id));
    if (muted === undefined || snoozed === undefined) throw new Error('Moses needs two slipped deals');
    expect(moses.filter((id) => slipped.has(id))).toHaveLength(2);
    await store.alerts.mute(TEAM, muted, 'close-date-slipped');
    const until = at.plus({ days: 3 }).toUTC().toISO() ?? '';
    await store.alerts.snooze(TEAM, snoozed, 'close-date-slipped', until);
    await runAlerts(deps, { teamId: TEAM, now: at.plus({ hours: 1 }).toJSDate() });
    const slips = (await store.alerts.pending(TEAM, MOSES)).filter((a) => a.rule === 'close-date-slipped');
    expect(slips.map((a) => a.dealId)).not.toContain(muted);
    expect(slips.map((a) => a.dealId)).not.toContain(snoozed);
    // The rest of what changed for Moses still came through.
    expect((await store.alerts.pending(TEAM, MOSES)).length).toBeGreaterThan(0);

    // Four days later the snooze is over; the mute still holds. The previous import is now the second one,
    // so the slip is compared against it: re-import the first, then the second, to raise the slip again.
    await importDeals(first, 3);
    await runAlerts(deps, { teamId: TEAM, now: at.plus({ days: 4 }).toJSDate() });
    await importDeals(second, 4);
    await runAlerts(deps, { teamId: TEAM, now: at.plus({ days: 4, hours: 1 }).toJSDate() });
    const later = (await store.alerts.pending(TEAM, MOSES)).filter((a) => a.rule === 'close-date-slipped');
    expect(later.map((a) => a.dealId)).toContain(snoozed);
    expect(later.map((a) => a.dealId)).not.toContain(muted);
  });
});

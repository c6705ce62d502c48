import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALERT_RULES } from '../../../src/engines/alerts/index.js';
import { JOB_NAMES } from '../../../src/jobs/queues.js';
import type { StoredMessage } from '../../../src/sandbox/index.js';
import {
  ALERT_MENU_ACTION_ID,
  ALERT_SHOW_ALL_ACTION_ID,
  ALERT_SNOOZE_VIEW,
} from '../../../src/views/alerts/ids.js';
import { IMPORT_BLOCK_IDS, IMPORT_CONFIRM_ACTION_ID } from '../../../src/views/import/ids.js';
import { COLUMNS, firstRows, type Row, secondRows } from '../../engines/alerts/maven-imports.js';
import {
  CHANNEL_ID,
  type FollowupsWorkspace,
  REP_ID,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { nextLocal, WEEKDAY } from '../../support/clock.js';

const ALERTS = 'C0ALERTS01';
const MOSES = 'U0MOSES001';
const CHICAGO = 'America/Chicago';
// 10:00 on a coming Tuesday in Chicago: Moses's working hours. BullMQ delays read the real clock, so the
// moment is derived from it; due flushes are promoted by hand.
const START = nextLocal({ weekday: WEEKDAY.tuesday, hour: 10, zone: CHICAGO });
let ws: FollowupsWorkspace;

const textOf = (m: StoredMessage | undefined) => JSON.stringify(m?.blocks ?? m?.text ?? '');
const csvOf = (rows: readonly Row[]) => {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return `${[COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => cell(r[c] ?? '')).join(','))].join('\n')}\n`;
};
const posted = (channel: string) =>
  ws.slack.messages(channel).filter((m) => !('ephemeral' in m && m.ephemeral));
const alertJobs = async () =>
  (await ws.jobs.followups.queues.reminders.getJobs(['completed'])).filter(
    (j) => j.name === JOB_NAMES.alerts,
  );

/** Imports a CSV through Slack as the admin: the modal, the preview, Import. */
async function importThroughSlack(csv: string): Promise<void> {
  const runs = (await alertJobs()).length;
  const before = ws.slack.messages(REP_ID).length;
  const opens = ws.slack.calls('views.open').length;
  await ws.slack.sendSlashCommand({ text: 'import', userId: REP_ID, channelId: CHANNEL_ID });
  await expect.poll(() => ws.slack.calls('views.open').length, { timeout: 4000 }).toBeGreaterThan(opens);
  await ws.slack.sendViewSubmission({
    userId: REP_ID,
    values: { [IMPORT_BLOCK_IDS.file]: [{ name: 'sales_pipeline.csv', content: csv }] },
  });
  const preview = async () =>
    ws.slack
      .messages(REP_ID)
      .slice(before)
      .find((m) => textOf(m).includes('Import preview'));
  await expect.poll(preview, { timeout: 15_000 }).toBeDefined();
  const message = await preview();
  if (!message) throw new Error('no preview');
  await ws.slack.sendBlockAction({
    userId: REP_ID,
    actionId: IMPORT_CONFIRM_ACTION_ID,
    message: { channel: message.channel, ts: message.ts },
  });
  await expect
    .poll(async () => (await alertJobs()).length, { timeout: 30_000, interval: 200 })
    .toBe(runs + 1);
}

/** Runs every waiting alert flush now, as if its send time had come, and lets the sender post. */
async function promoteFlushes(): Promise<number> {
  const delayed = (await ws.jobs.followups.queues.reminders.getDelayed()).filter(
    (j) => j.name === JOB_NAMES.alertFlush,
  );
  for (const job of delayed) await job.promote();
  return delayed.length;
}

beforeEach(async () => {
  ws = await startFollowupsWorkspace({ now: () => START.toJSDate(), workers: true });
  ws.slack.addUser({ id: REP_ID, name: 'ana', realName: 'Ana Silva', tz: REP_ZONE, isAdmin: true });
  ws.slack.addUser({ id: MOSES, name: 'moses', realName: 'Moses Frase', tz: CHICAGO });
  ws.slack.addUser({ id: 'U0NOTADMIN', name: 'ben', realName: 'Ben Ode', tz: CHICAGO });
  ws.slack.addChannel({ id: ALERTS, name: 'deal-alerts' });
});
afterEach(async () => {
  await ws.stop();
});

describe('deal alerts end to end', () => {
  it('sends each person one message a day inside working hours, the channel the rest, and nothing twice', async () => {
    const set = await ws.command(`alerts <#${ALERTS}|deal-alerts>`);
    expect(set.text).toContain(`<#${ALERTS}>`);
    const schedulers = await ws.jobs.followups.queues.reminders.getJobSchedulers();
    expect(schedulers.map((s) => [s.key, s.pattern])).toEqual([[`alerts-${TEAM_ID}`, '0 7 * * *']]);

    const first = firstRows();
    await importThroughSlack(csvOf(first));
    const [run] = await alertJobs();
    expect(run?.returnvalue.status).toBe('ran');
    // Moses is matched by his real name through users.list; every other owner goes to the channel.
    expect(Object.keys(run?.returnvalue.queued ?? {}).sort()).toEqual([ALERTS, MOSES].sort());
    expect(run?.returnvalue.unmatched).not.toContain('Moses Frase');
    expect(run?.returnvalue.unmatched.length).toBeGreaterThan(0);

    expect(await promoteFlushes()).toBe(2);
    await expect.poll(() => posted(MOSES).length, { timeout: 15_000 }).toBe(1);
    const mosesMessage = posted(MOSES)[0];
    const total = run?.returnvalue.queued[MOSES] as number;
    expect(mosesMessage?.text).toContain(`${total} deal alert`);
    // Only Moses's own deals, by account: none of another owner's.
    const mosesAccounts = new Set(first.filter((r) => r.sales_agent === 'Moses Frase').map((r) => r.account));
    const others = first.filter((r) => r.sales_agent !== 'Moses Frase' && !mosesAccounts.has(r.account));
    expect(others.some((r) => textOf(mosesMessage).includes(`· ${r.account} ·`))).toBe(false);
    const channelText = () => posted(ALERTS).map(textOf).join('\n');
    await expect
      .poll(() => channelText().includes('matched nobody in Slack'), { timeout: 60_000 })
      .toBe(true);
    const bigWins = () => posted(ALERTS).filter((m) => m.text.startsWith('Big win')).length;
    // Big wins share the channel's pace of one post a second with the rest.
    await expect.poll(bigWins, { timeout: 90_000, interval: 500 }).toBe(run?.returnvalue.bigWins);

    // Mute one alert from the message's menu and snooze another: both are kept, and the message says so.
    const menus = (mosesMessage?.blocks ?? []).flatMap((b) => {
      const opts = (b as { accessory?: { action_id?: string; options?: { value: string }[] } }).accessory;
      return opts?.action_id === ALERT_MENU_ACTION_ID ? (opts.options ?? []).map((o) => o.value) : [];
    });
    const muteValue = menus.find((v) => v.startsWith('mute:')) ?? '';
    const snoozeValue = menus.filter((v) => v.startsWith('snooze:'))[1] ?? '';
    const dm = { channel: mosesMessage?.channel ?? '', ts: mosesMessage?.ts ?? '' };
    await ws.slack.sendBlockAction({
      userId: MOSES,
      actionId: ALERT_MENU_ACTION_ID,
      value: muteValue,
      message: dm,
    });
    const [, , mutedDeal] = /^mute:(\d):(.+)$/.exec(muteValue) ?? [];
    await expect
      .poll(async () => [...(await ws.store.alerts.mutes(TEAM_ID))].some((m) => m.endsWith(`|${mutedDeal}`)))
      .toBe(true);
    await expect.poll(() => textOf(posted(MOSES)[0]), { timeout: 5000 }).toContain('Muted by');

    await ws.slack.sendBlockAction({
      userId: MOSES,
      actionId: ALERT_MENU_ACTION_ID,
      value: snoozeValue,
      message: dm,
    });
    await ws.slack.waitForCall(
      'views.open',
      (c) => JSON.stringify(c.args).includes(ALERT_SNOOZE_VIEW.callbackId),
      4000,
    );
    const bad = await ws.slack
      .sendViewSubmission({ userId: MOSES, values: { [ALERT_SNOOZE_VIEW.whenBlock]: 'whenever' } })
      .catch((e: unknown) => e);
    expect(JSON.stringify(bad)).toContain(ALERT_SNOOZE_VIEW.whenBlock);
    expect((await ws.store.alerts.snoozes(TEAM_ID)).size).toBe(0);
    await ws.slack.sendViewSubmission({
      userId: MOSES,
      values: { [ALERT_SNOOZE_VIEW.whenBlock]: 'next monday' },
    });
    const [, , snoozedDeal] = /^snooze:(\d):(.+)$/.exec(snoozeValue) ?? [];
    await expect
      .poll(async () =>
        [...(await ws.store.alerts.snoozes(TEAM_ID)).keys()].some((k) => k.endsWith(`|${snoozedDeal}`)),
      )
      .toBe(true);
    const until = [...(await ws.store.alerts.snoozes(TEAM_ID)).values()][0] ?? '';
    expect(Date.parse(until)).toBeGreaterThan(START.toMillis());
    expect(Date.parse(until) - START.toMillis()).toBeLessThanOrEqual(8 * 86_400_000);

    // Show all lists every alert of the summary.
    if (total > 50) {
      const replies = ws.slack.responses().length;
      await ws.slack.sendBlockAction({ userId: MOSES, actionId: ALERT_SHOW_ALL_ACTION_ID, message: dm });
      await expect.poll(() => ws.slack.responses().length, { timeout: 5000 }).toBeGreaterThan(replies);
      expect(JSON.stringify(ws.slack.responses().slice(replies))).toContain(`All ${total} deal alerts`);
    }

    // The second copy, on the same day: what changed waits for tomorrow's message; big wins post once.
    const { rows: second } = secondRows(first);
    await importThroughSlack(csvOf(second));
    const secondRun = (await alertJobs()).find((j) => j.id !== run?.id);
    expect(secondRun?.returnvalue.fresh).toBeGreaterThan(0);
    expect(posted(MOSES)).toHaveLength(1);
    const tomorrow = START.plus({ days: 1 }).toISODate();
    const waiting = (await ws.jobs.followups.queues.reminders.getDelayed()).filter(
      (j) => j.name === JOB_NAMES.alertFlush,
    );
    expect(waiting.map((j) => j.id)).toContain(`alflush-${TEAM_ID}-${MOSES}-${tomorrow}`);
    // The muted rule stays quiet for its deal: nothing of it waits for Moses.
    const held = (await ws.store.alerts.pending(TEAM_ID, MOSES)).map(
      (a) => `mute:${ALERT_RULES.indexOf(a.rule)}:${a.dealId}`,
    );
    expect(held).not.toContain(muteValue);
    const winsAfterSecond = (run?.returnvalue.bigWins ?? 0) + (secondRun?.returnvalue.bigWins ?? 0);
    await expect.poll(bigWins, { timeout: 90_000, interval: 500 }).toBe(winsAfterSecond);

    // The same copy again: nothing new anywhere.
    const before = ws.slack.messages().length;
    await importThroughSlack(csvOf(second));
    const third = (await alertJobs()).find((j) => j.id !== run?.id && j.id !== secondRun?.id);
    expect(third?.returnvalue).toMatchObject({ fresh: 0, bigWins: 0, unmatched: [], queued: {} });
    expect(bigWins()).toBe(winsAfterSecond);
    expect(ws.slack.messages().filter((m) => m.channel === ALERTS || m.channel === MOSES).length).toBe(
      ws.slack
        .messages()
        .slice(0, before)
        .filter((m) => m.channel === ALERTS || m.channel === MOSES).length,
    );
  }, 300_000);
});

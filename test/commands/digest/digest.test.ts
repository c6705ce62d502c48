import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkMessage } from '../../../src/blocks/limits.js';
import { digestSchedulerId } from '../../../src/jobs/digest-job.js';
import { DEALS, SEED } from '../../engines/dashboard/fixtures.js';
import {
  CHANNEL_ID,
  type FollowupsWorkspace,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { nextLocal, WEEKDAY } from '../../support/clock.js';
import { storeDeals } from '../../support/deals.js';

// A Tuesday, 09:00 in New York (the rep's zone), after the real clock: BullMQ runs the job schedulers
// from the real clock, so the app's "Next:" and the schedulers must agree on what is next.
const START = nextLocal({ weekday: WEEKDAY.tuesday, hour: 9, zone: REP_ZONE });
const NOW = START.toJSDate();
const WEEK = START.toFormat("kkkk-'W'WW");
const nextText = (moment: typeof START) => moment.toFormat('cccc d LLLL yyyy, HH:mm ZZZZ');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const SCHEDULER = digestSchedulerId(TEAM_ID, CHANNEL_ID);
let ws: FollowupsWorkspace;

const schedulers = () => ws.jobs.followups.queues.reminders.getJobSchedulers();
const digests = () =>
  ws.slack.messages(CHANNEL_ID).filter((m) => !m.ephemeral && (m.blocks ?? []).length > 0);
const pngs = () => ws.slack.files().filter((f) => f.content.subarray(0, 8).equals(PNG_SIGNATURE));

async function importDeals() {
  await storeDeals(ws.store, TEAM_ID, DEALS, {
    by: 'U0REP00001',
    stages: SEED,
    source: 'hubspot',
    importedAt: NOW.toISOString(),
  });
}

beforeEach(async () => {
  ws = await startFollowupsWorkspace({ now: () => NOW });
});
afterEach(async () => {
  await ws.stop();
});

describe('/sales-ops digest', () => {
  it('creates the weekly digest of the channel in the person’s time zone, with one job scheduler', async () => {
    const reply = await ws.command('digest every monday 9am');
    expect(reply.text).toContain('Mondays at 09:00 (America/New_York)');
    expect(reply.text).toContain(`Next: *${nextText(START.plus({ days: 6 }))}*`);
    const [scheduler] = await schedulers();
    expect(scheduler).toMatchObject({
      key: SCHEDULER,
      pattern: '0 9 * * 1',
      tz: 'America/New_York',
      name: 'digest',
    });
    expect(await ws.store.digests.get(TEAM_ID, CHANNEL_ID)).toMatchObject({
      pattern: '0 9 * * 1',
      paused: false,
    });

    const changed = await ws.command('digest fridays 16:30 Europe/Berlin');
    expect(changed.text).toContain('Changed');
    expect(changed.text).toContain('Fridays at 16:30 (Europe/Berlin)');
    expect((await schedulers()).map((s) => [s.key, s.pattern, s.tz])).toEqual([
      [SCHEDULER, '30 16 * * 5', 'Europe/Berlin'],
    ]);

    const shown = await ws.command('digest');
    expect(shown.text).toContain('Fridays at 16:30 (Europe/Berlin)');
    const friday = START.plus({ days: 3 }).setZone('Europe/Berlin').set({ hour: 16, minute: 30 });
    expect(shown.text).toContain(`Next: *${nextText(friday)}*`);
  });

  it('posts this week’s digest right away: text, blocks within limits, and the funnel PNG', async () => {
    await importDeals();
    const reply = await ws.command('digest now');
    expect(reply.text).toContain(`Posted the ${WEEK} digest`);
    const [message] = digests();
    expect(message?.text).toContain(`Weekly pipeline digest · ${WEEK}`);
    expect(checkMessage({ text: message?.text, blocks: message?.blocks })).toEqual({ ok: true });
    expect(JSON.stringify(message?.blocks)).toContain('slack://app?team=T0SALESOPS');
    const [chart] = pngs();
    expect(chart?.channels).toEqual([CHANNEL_ID]);
    expect(chart?.name).toMatch(new RegExp(`^pipeline-funnel-${WEEK}-[0-9a-f]{8}\\.png$`));
    expect(await ws.store.snapshots.weeks(TEAM_ID, [WEEK])).toHaveLength(1);

    // "now" is explicit: asking again posts again.
    await ws.command('digest now');
    expect(digests()).toHaveLength(2);
    expect(pngs()).toHaveLength(2);
  });

  it('pauses, resumes and removes the digest', async () => {
    await ws.command('digest every monday 9am');
    const paused = await ws.command('digest pause');
    expect(paused.text).toContain('Paused the weekly digest');
    expect(await schedulers()).toEqual([]);
    expect(await ws.store.digests.get(TEAM_ID, CHANNEL_ID)).toMatchObject({
      paused: true,
      pattern: '0 9 * * 1',
    });
    expect((await ws.command('digest')).text).toContain('*Paused*');

    const resumed = await ws.command('digest resume');
    expect(resumed.text).toContain('Resumed: Mondays at 09:00');
    expect((await schedulers()).map((s) => s.key)).toEqual([SCHEDULER]);

    const off = await ws.command('digest off');
    expect(off.text).toContain('Removed the weekly digest');
    expect(await schedulers()).toEqual([]);
    expect(await ws.store.digests.get(TEAM_ID, CHANNEL_ID)).toBeUndefined();
    expect((await ws.command('digest pause')).text).toContain('has no weekly digest to pause');
  });

  it('refuses a schedule it cannot read with examples that work, and saves nothing', async () => {
    const reply = await ws.command('digest every blursday');
    expect(reply.text).toContain('That schedule did not work: I could not read "blursday"');
    expect(reply.text).toContain('`/sales-ops digest every monday 9am`');
    const night = await ws.command('digest every monday 2:30am');
    expect(night.text).toContain('between 01:00 and 03:00');
    expect(await schedulers()).toEqual([]);
    expect(await ws.store.digests.get(TEAM_ID, CHANNEL_ID)).toBeUndefined();
  });

  it('says how to import deals when there are none', async () => {
    await ws.command('digest now');
    const [message] = digests();
    expect(message?.text).toContain('`/sales-ops import`');
    expect(pngs()).toHaveLength(0);
  });
});

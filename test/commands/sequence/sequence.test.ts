import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reminderJobId } from '../../../src/jobs/ids.js';
import { REMINDER_LEAD_MS } from '../../../src/jobs/reminders.js';
import { SCORECARD_ACTIONS } from '../../../src/views/qualify/ids.js';
import { SEQUENCE_VIEW, stepBlockId } from '../../../src/views/sequence/ids.js';
import {
  CHANNEL_ID,
  type FollowupsWorkspace,
  REP_ID,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { BOT_TOKEN } from '../../support/app.js';
import { nextLocal, plusWorkingDays, WEEKDAY } from '../../support/clock.js';

// A Tuesday, 09:00 in New York, after the real clock: BullMQ files the reminders from the real clock.
const START = nextLocal({ weekday: WEEKDAY.tuesday, hour: 9, zone: REP_ZONE });
const NOW = START.toJSDate();
let ws: FollowupsWorkspace;

beforeEach(async () => {
  ws = await startFollowupsWorkspace({ now: () => NOW });
});
afterEach(async () => {
  await ws.stop();
});

const blockText = (blocks: unknown[]) => JSON.stringify(blocks);

describe('/sales-ops sequence', () => {
  it('lists the default cadence before anything is set up', async () => {
    const reply = await ws.command('sequence');
    expect(reply.text).toContain('1 follow-up sequence, 0 active enrolments');
    expect(blockText(reply.blocks)).toContain('Email d2 · Call d4 · Email d7 · LinkedIn d10 · Break-up d14');
    expect(blockText(reply.blocks)).toContain('Active enrolments:* none yet');
  });

  it('enrols a lead with one reminder job per step, at 09:00 in the rep time zone from users.info', async () => {
    const reply = await ws.command('sequence start Acme');
    expect(reply.text).toContain('Enrolled Acme in "Default follow-up');
    const [enrolment] = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
    expect(enrolment?.timezone).toBe('America/New_York');
    const delayed = await ws.jobs.followups.queues.reminders.getDelayed();
    expect(delayed.map((j) => j.id).sort()).toEqual(
      [0, 1, 2, 3, 4].map((i) => reminderJobId(TEAM_ID, enrolment?.id ?? '', i)).sort(),
    );
    // Day 2 from a Tuesday is the Thursday, 09:00 in New York.
    const first = delayed.find((j) => j.id === reminderJobId(TEAM_ID, enrolment?.id ?? '', 0));
    expect((first?.timestamp ?? 0) + (first?.opts.delay ?? 0) + REMINDER_LEAD_MS).toBe(
      plusWorkingDays(START, 2).toMillis(),
    );

    const list = await ws.command('sequence');
    expect(blockText(list.blocks)).toContain('*Acme* · Default follow-up');
  });

  it('refuses to enrol the same lead twice and names the active enrolment', async () => {
    await ws.command('sequence start Acme');
    const [active] = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
    const again = await ws.command('sequence start acme');
    expect(again.text).toContain('Acme is already enrolled in "Default follow-up');
    expect(again.text).toContain(`enrolment ${active?.id}`);
    expect(again.text).toContain('/sales-ops sequence stop Acme');
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(5);
  });

  it('stops an enrolment and removes its jobs', async () => {
    await ws.command('sequence start Acme');
    const reply = await ws.command('sequence stop Acme');
    expect(reply.text).toContain('Stopped "Default follow-up');
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(0);
    expect(await ws.jobs.followups.enrolments.listActive(TEAM_ID)).toEqual([]);
    expect((await ws.command('sequence start Acme')).text).toContain('Enrolled Acme');
  });

  it('says which sequence does not exist', async () => {
    const reply = await ws.command('sequence start Acme using outbound-q9');
    expect(reply.text).toContain('There is no sequence `outbound-q9`. Your sequences: `default`.');
  });

  it('starts a sequence from the scorecard button', async () => {
    const posted = await ws.app.app.client.chat.postMessage({
      token: BOT_TOKEN,
      channel: CHANNEL_ID,
      text: 'scorecard',
      blocks: [
        {
          type: 'actions',
          elements: [
            {
              type: 'button',
              text: { type: 'plain_text', text: 'Start follow-up sequence' },
              action_id: SCORECARD_ACTIONS.startSequence,
              value: 'c:globex',
            },
          ],
        },
      ],
    });
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: SCORECARD_ACTIONS.startSequence,
      message: { channel: CHANNEL_ID, ts: posted.ts ?? '' },
    });
    await expect.poll(() => ws.jobs.followups.enrolments.activeForLead(TEAM_ID, 'c:globex')).toBeDefined();
    await expect
      .poll(() =>
        ws.slack
          .responses()
          .map((r) => JSON.stringify(r.body))
          .join(),
      )
      .toContain('is enrolled in *Default follow-up');
  });

  it('edits a sequence in a modal, with inline errors per block and nothing saved until it is right', async () => {
    await ws.slack.sendSlashCommand({ text: 'sequence edit default', userId: REP_ID, channelId: CHANNEL_ID });
    await expect.poll(() => ws.slack.views().length).toBe(1);

    const bad = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [stepBlockId(1, 'day')]: '1', [stepBlockId(2, 'body')]: 'Hi {{frist_name}}' },
    });
    expect(bad.body).toMatchObject({ response_action: 'errors' });
    const errors = (bad.body as { errors: Record<string, string> }).errors;
    expect(errors[stepBlockId(1, 'day')]).toContain("must come after step 1's day 2");
    expect(errors[stepBlockId(2, 'body')]).toContain('unknown variable {{frist_name}}');
    expect(await ws.jobs.followups.sequences.get(TEAM_ID, 'default')).toMatchObject({ steps: { length: 5 } });

    const good = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: {
        [SEQUENCE_VIEW.nameBlock]: 'Short cadence',
        [stepBlockId(4, 'channel')]: 'remove',
        [stepBlockId(2, 'b_subject')]: 'Quick idea for {{company}}',
        [stepBlockId(2, 'b_body')]: 'Hi {{first_name}}, one idea for {{company}}.',
      },
    });
    expect(good.body).toBe('');
    const saved = await ws.jobs.followups.sequences.get(TEAM_ID, 'default');
    expect(saved?.name).toBe('Short cadence');
    expect(saved?.steps.map((s) => s.day)).toEqual([2, 4, 7, 10]);
    expect(saved?.steps[2]?.variants?.b.subject).toBe('Quick idea for {{company}}');
  });

  it('removes the team jobs and enrolments when the app is uninstalled', async () => {
    await ws.command('sequence start Acme');
    await ws.command('sequence start Globex');
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(10);
    await ws.slack.sendEvent({ type: 'app_uninstalled' });
    await expect
      .poll(() => ws.jobs.followups.queues.reminders.getDelayed(), { timeout: 3000 })
      .toHaveLength(0);
    await expect.poll(() => ws.jobs.followups.enrolments.listActive(TEAM_ID)).toEqual([]);
    expect(await ws.jobs.followups.jobIndex.list(TEAM_ID)).toEqual([]);
  });

  it('shows the rep their follow-ups on the Home tab', async () => {
    await ws.slack.sendAppHomeOpened(REP_ID);
    await expect.poll(() => JSON.stringify(ws.slack.homeOf(REP_ID)?.blocks ?? [])).toContain('My follow-ups');
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REMINDER_ACTIONS } from '../../../src/blocks/reminder-ids.js';
import { reminderJobId } from '../../../src/jobs/ids.js';
import { REMINDER_LEAD_MS } from '../../../src/jobs/reminders.js';
import type { Enrolment } from '../../../src/store/enrolments.js';
import { SNOOZE_VIEW } from '../../../src/views/snooze/snooze-view.js';
import { waitForState } from '../../jobs/support/wait.js';
import {
  type FollowupsWorkspace,
  REP_ID,
  REP_ZONE,
  startFollowupsWorkspace,
  TEAM_ID,
} from '../../jobs/support/workspace.js';
import { isoDate, isoSeconds, nextLocal, plusWorkingDays, WEEKDAY } from '../../support/clock.js';

// A Tuesday, 09:00 in New York, after the real clock: BullMQ files the reminders from the real clock.
const START = nextLocal({ weekday: WEEKDAY.tuesday, hour: 9, zone: REP_ZONE });
const NOW = START.toJSDate();
/** The default cadence's steps, in working days after enrolment: d2, d4, d7, d10, d14. */
const STEP_WORKING_DAYS = [2, 4, 7, 10, 14];
let ws: FollowupsWorkspace;

beforeEach(async () => {
  ws = await startFollowupsWorkspace({ now: () => NOW, workers: true });
});
afterEach(async () => {
  await ws.stop();
});

async function qualifyAcme(): Promise<void> {
  await ws.store.leads.qualify(TEAM_ID, {
    company: 'Acme',
    contact: 'Jane Doe',
    theirPain: 'manual pipeline reporting',
    framework: 'bant',
    answers: { need: { level: 'confirmed', evidence: 'Jane says the board is impatient' } },
    score: 3,
    maxScore: 4,
    verdict: 'qualified',
    by: REP_ID,
    at: NOW,
    firstStage: 'Lead',
  });
}

async function enrolAndDeliverFirstStep(
  lead: string,
): Promise<{ enrolment: Enrolment; ts: string; channel: string }> {
  await ws.command(`sequence start ${lead}`);
  const [enrolment] = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
  if (!enrolment) throw new Error('not enrolled');
  const job = await ws.jobs.followups.queues.reminders.getJob(reminderJobId(TEAM_ID, enrolment.id, 0));
  await job?.promote();
  await expect.poll(() => ws.slack.messages(REP_ID).length, { timeout: 5000 }).toBe(1);
  const [message] = ws.slack.messages(REP_ID);
  return { enrolment, ts: message?.ts ?? '', channel: message?.channel ?? '' };
}

const dm = () => JSON.stringify(ws.slack.messages(REP_ID)[0]?.blocks ?? []);

describe('the reminder DM', () => {
  it('names the lead and the step, fills the template from the lead, and carries its delivery key', async () => {
    await qualifyAcme();
    const { enrolment } = await enrolAndDeliverFirstStep('Acme');
    const [message] = ws.slack.messages(REP_ID);
    expect(message?.text).toContain('Follow-up due: Acme, step 1 of 5 (email)');
    expect(dm()).toContain('Hi Jane,');
    expect(dm()).toContain('Acme and manual pipeline reporting');
    expect(dm()).not.toContain('the board is impatient');
    expect(dm()).toContain('Ana');
    expect(dm()).toContain(REMINDER_ACTIONS.snooze);
    expect(message?.metadata).toEqual({
      event_type: 'sales_ops_delivery',
      event_payload: { key: `${reminderJobId(TEAM_ID, enrolment.id, 0)}-r0` },
    });
    // The send is counted when the delivery is recorded, just after Slack accepted the post.
    await expect
      .poll(() => ws.jobs.followups.ab.list(TEAM_ID))
      .toEqual([{ stepKey: 'default#1', variants: { single: { sends: 1, replies: 0 } } }]);
  });

  it('says which variable is missing and how to fill it, instead of a blank', async () => {
    await enrolAndDeliverFirstStep('Initech');
    expect(dm()).toContain('`{{first_name}}`');
    expect(dm()).toContain('/sales-ops qualify Initech');
    expect(dm()).toContain('Hi {{first_name}},');
    expect(dm()).not.toContain('Hi ,');
  });

  it('"Lead replied" cancels the remaining reminders and records the reply for A/B', async () => {
    await qualifyAcme();
    const { enrolment, ts, channel } = await enrolAndDeliverFirstStep('Acme');
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(4);

    await expect.poll(() => ws.jobs.followups.ab.list(TEAM_ID)).toHaveLength(1);
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: REMINDER_ACTIONS.replied,
      message: { channel, ts },
    });
    await expect.poll(() => dm(), { timeout: 3000 }).toContain('Acme replied');
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(0);
    expect(dm()).not.toContain(REMINDER_ACTIONS.done);
    const ended = await ws.jobs.followups.enrolments.get(TEAM_ID, enrolment.id);
    expect(ended?.status).toBe('replied');
    expect(await ws.jobs.followups.enrolments.activeForLead(TEAM_ID, enrolment.leadId)).toBeUndefined();
    const [counts] = await ws.jobs.followups.ab.list(TEAM_ID);
    expect(counts?.variants.single).toEqual({ sends: 1, replies: 1 });
  });

  it('Done marks the step done and keeps the rest of the sequence', async () => {
    await qualifyAcme();
    const { enrolment, ts, channel } = await enrolAndDeliverFirstStep('Acme');
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: REMINDER_ACTIONS.done,
      message: { channel, ts },
    });
    await expect.poll(() => dm(), { timeout: 3000 }).toContain('Done by');
    const after = await ws.jobs.followups.enrolments.get(TEAM_ID, enrolment.id);
    expect(after?.steps.map((s) => s.state)).toEqual([
      'done',
      'scheduled',
      'scheduled',
      'scheduled',
      'scheduled',
    ]);
    expect(await ws.jobs.followups.queues.reminders.getDelayed()).toHaveLength(4);
  });

  it('snoozes to "tomorrow 3pm" in the rep time zone, and answers gibberish with an inline error', async () => {
    await qualifyAcme();
    const { enrolment, ts, channel } = await enrolAndDeliverFirstStep('Acme');
    const id = reminderJobId(TEAM_ID, enrolment.id, 0);
    await waitForState(ws.jobs.followups.queues.reminders, id, 'completed');
    await ws.slack.sendBlockAction({
      userId: REP_ID,
      actionId: REMINDER_ACTIONS.snooze,
      message: { channel, ts },
    });
    await expect.poll(() => ws.slack.views().length, { timeout: 3000 }).toBe(1);

    const bad = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [SNOOZE_VIEW.whenBlock]: 'blorp' },
    });
    expect(bad.body).toMatchObject({
      response_action: 'errors',
      errors: { [SNOOZE_VIEW.whenBlock]: expect.stringContaining('"tomorrow 3pm"') },
    });

    const good = await ws.slack.sendViewSubmission({
      userId: REP_ID,
      values: { [SNOOZE_VIEW.whenBlock]: 'tomorrow 3pm' },
    });
    expect(good.body).toBe('');
    const job = await ws.jobs.followups.queues.reminders.getJob(id);
    expect(await job?.getState()).toBe('delayed');
    // Tomorrow is the Wednesday; 15:00 in New York, whichever offset New York has that day.
    const tomorrow3pm = START.plus({ days: 1 }).set({ hour: 15 });
    expect((job?.timestamp ?? 0) + (job?.opts.delay ?? 0) + REMINDER_LEAD_MS).toBe(tomorrow3pm.toMillis());
    const step = (await ws.jobs.followups.enrolments.get(TEAM_ID, enrolment.id))?.steps[0];
    expect(step).toMatchObject({ state: 'scheduled', round: 1, dueAt: isoSeconds(tomorrow3pm) });
    await expect.poll(() => dm(), { timeout: 3000 }).toContain('Snoozed by');
  });
});

describe('/sales-ops ooo', () => {
  it('moves the due steps past the absence, keeping their spacing in working days', async () => {
    await ws.command('sequence start Acme');
    const [enrolment] = await ws.jobs.followups.enrolments.listActive(TEAM_ID);
    expect(enrolment?.steps.map((s) => s.dueAt)).toEqual(
      STEP_WORKING_DAYS.map((days) => isoSeconds(plusWorkingDays(START, days))),
    );
    // Away until the Wednesday of the next week, written as a person would ("Dec 2").
    const back = START.plus({ days: 8 });
    const reply = await ws.command(`ooo until ${back.toFormat('LLL d')}`);
    expect(reply.text).toContain(
      `Out of office from ${isoDate(START)} to ${isoDate(back)} (America/New_York). Moved 5 follow-ups`,
    );

    // The first step lands on the first working day after the absence, the rest keep their spacing.
    const expected = STEP_WORKING_DAYS.map((days) => isoSeconds(plusWorkingDays(back, days - 1)));
    const moved = await ws.jobs.followups.enrolments.get(TEAM_ID, enrolment?.id ?? '');
    expect(moved?.steps.map((s) => s.dueAt)).toEqual(expected);
    const delayed = await ws.jobs.followups.queues.reminders.getDelayed();
    const due = new Map(delayed.map((j) => [j.id, j.timestamp + (j.opts.delay ?? 0) + REMINDER_LEAD_MS]));
    expected.forEach((iso, i) => {
      expect(due.get(reminderJobId(TEAM_ID, enrolment?.id ?? '', i))).toBe(Date.parse(iso));
    });
    expect(await ws.jobs.followups.calendars.absences(TEAM_ID, REP_ID)).toEqual([
      { from: isoDate(START), to: isoDate(back) },
    ]);
  });

  it('explains an unreadable date with an example', async () => {
    const reply = await ws.command('ooo until blorp');
    expect(reply.text).toContain('/sales-ops ooo until Dec 2');
  });
});

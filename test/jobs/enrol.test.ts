import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE } from '../../src/engines/optimizer/index.js';
import { ConflictError } from '../../src/errors.js';
import { enrol, enrolMany } from '../../src/jobs/enrol.js';
import { reminderJobId } from '../../src/jobs/ids.js';
import { JOB_NAMES, QUEUE_NAMES } from '../../src/jobs/queues.js';
import { REMINDER_LEAD_MS } from '../../src/jobs/reminders.js';
import { isoSeconds, nextClockChange, plusWorkingDays } from '../support/clock.js';
import { acmeEnrolment } from './support/acme.js';
import { type JobHarness, openHarness } from './support/harness.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
const ZONE = 'America/New_York';
/** The default cadence's steps, in working days after enrolment: d2, d4, d7, d10, d14. */
const STEP_WORKING_DAYS = [2, 4, 7, 10, 14];
// An end of daylight time in New York (a Sunday in November) at least two weeks after the real clock,
// so every enrolment below starts, and files its jobs, in BullMQ's future whatever day the tests run.
const CLOCKS_BACK = nextClockChange(ZONE, 'back', new Date(Date.now() + 15 * 24 * 3600 * 1000));
/** The steps of an enrolment at `start`, each at 09:00 local on its working day. */
const stepsFrom = (start: typeof CLOCKS_BACK, holidays: string[] = []) =>
  STEP_WORKING_DAYS.map((days) => isoSeconds(plusWorkingDays(start, days, holidays).set({ hour: 9 })));
let h: JobHarness;

beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const enrolAcme = (now: Date, timezone = 'America/New_York') =>
  enrol(h.followups, acmeEnrolment({ now, timezone }));

describe('enrolment', () => {
  it('files one delayed job per step, due at 09:00 local across the end of daylight saving and past a holiday', async () => {
    // The Wednesday ten days after the clocks go back is a holiday (as 11 November was in 2026).
    const holiday = CLOCKS_BACK.plus({ days: 10 }).toISODate() ?? '';
    await h.followups.calendars.setHolidays(TEAM, [holiday]);
    // The Thursday before, 11:00 in New York (daylight time); the clocks go back on the Sunday.
    const thursday = CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 });
    expect(thursday.isInDST).toBe(true);
    const enrolment = await enrolAcme(thursday.toJSDate());

    const delayed = await h.queues.reminders.getDelayed();
    const byId = new Map(
      delayed.map((job) => [job.id, job.timestamp + (job.opts.delay ?? 0) + REMINDER_LEAD_MS]),
    );
    // Day 2 is the Monday, 09:00 standard time; day 10 steps over the Wednesday holiday to the Friday.
    const expected = stepsFrom(thursday, [holiday]);
    expect(expected[0]?.slice(11)).toBe('14:00:00Z');
    expect(DateTime.fromISO(expected[3] ?? '', { zone: ZONE }).weekday).toBe(5);
    expect(delayed).toHaveLength(5);
    expected.forEach((iso, i) => {
      const id = reminderJobId(TEAM, enrolment.id, i);
      expect(id).not.toContain(':');
      expect(byId.get(id)).toBe(Date.parse(iso));
      expect(enrolment.steps[i]?.dueAt).toBe(iso);
    });
    const job = delayed.find((j) => j.id === reminderJobId(TEAM, enrolment.id, 0));
    expect(job?.data).toEqual({ teamId: TEAM, enrolmentId: enrolment.id, step: 0 });
  });

  it('keeps the working hour in the rep zone before daylight saving ends, too', async () => {
    // The Monday two weeks before the clocks go back, 08:00 daylight time: day 2 and day 7 are still in
    // daylight time (09:00 EDT = 13:00Z), day 10 is the Monday after the change (09:00 EST = 14:00Z).
    const monday = CLOCKS_BACK.minus({ days: 13 }).set({ hour: 8 });
    const enrolment = await enrolAcme(monday.toJSDate());
    const expected = stepsFrom(monday);
    expect(enrolment.steps[0]?.dueAt).toBe(expected[0]);
    expect(enrolment.steps[2]?.dueAt).toBe(expected[2]);
    expect(enrolment.steps[3]?.dueAt).toBe(expected[3]);
    expect([expected[0], expected[2], expected[3]].map((iso) => iso?.slice(11))).toEqual([
      '13:00:00Z',
      '13:00:00Z',
      '14:00:00Z',
    ]);
  });

  it('refuses a second enrolment of the same lead and names the active one', async () => {
    const first = await enrolAcme(CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 }).toJSDate());
    const second = enrolAcme(CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11, minute: 5 }).toJSDate());
    await expect(second).rejects.toBeInstanceOf(ConflictError);
    await expect(second).rejects.toThrow(
      new RegExp(
        `Acme is already enrolled in "${DEFAULT_SEQUENCE.name.replace(/[()]/g, '.')}" \\(enrolment ${first.id}`,
      ),
    );
    expect(await h.queues.reminders.getDelayed()).toHaveLength(5);
    expect((await h.followups.enrolments.listActive(TEAM)).map((e) => e.id)).toEqual([first.id]);
  });

  it('lets only one of two simultaneous enrolments of a lead through', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => enrolAcme(CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 }).toJSDate())),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    expect(await h.queues.reminders.getDelayed()).toHaveLength(5);
  });

  it('enrols several leads in one batch with the same jobs one-by-one enrolment files, refusing one already enrolled', async () => {
    const now = CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 }).toJSDate();
    const single = await enrolAcme(now);
    const lead = (leadId: string, leadName: string) => ({
      teamId: TEAM,
      leadId,
      leadName,
      ownerId: REP,
      enrolledBy: REP,
      sequence: DEFAULT_SEQUENCE,
      now,
      timezone: ZONE,
    });
    const outcomes = await enrolMany(h.followups, [
      lead('c:globex', 'Globex'),
      lead('c:acme', 'Acme'),
      lead('c:initech', 'Initech'),
    ]);
    const [globex, acme, initech] = outcomes;
    expect(acme && 'error' in acme && acme.error).toBeInstanceOf(ConflictError);
    const enrolled = [globex, initech].map((o) => (o && 'enrolled' in o ? o.enrolled : undefined));
    const delayed = await h.queues.reminders.getDelayed();
    expect(delayed).toHaveLength(15);
    const dueOf = new Map(
      delayed.map((job) => [job.id, job.timestamp + (job.opts.delay ?? 0) + REMINDER_LEAD_MS]),
    );
    for (const enrolment of enrolled) {
      expect(enrolment?.steps.map((s) => s.dueAt)).toEqual(single.steps.map((s) => s.dueAt));
      single.steps.forEach((step, i) => {
        expect(dueOf.get(reminderJobId(TEAM, enrolment?.id ?? '', i))).toBe(Date.parse(step.dueAt));
      });
    }
    const active = (await h.followups.enrolments.listActive(TEAM)).map((e) => e.leadName).sort();
    expect(active).toEqual(['Acme', 'Globex', 'Initech']);
  });

  it('refuses a lead named twice in one batch, or in two batches at once, leaving no job of the refused behind', async () => {
    const now = CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 }).toJSDate();
    const lead = (leadId: string, leadName: string) => ({
      teamId: TEAM,
      leadId,
      leadName,
      ownerId: REP,
      enrolledBy: REP,
      sequence: DEFAULT_SEQUENCE,
      now,
      timezone: ZONE,
    });
    const [first, again] = await enrolMany(h.followups, [lead('c:acme', 'Acme'), lead('c:acme', 'Acme')]);
    const acme = first && 'enrolled' in first ? first.enrolled : undefined;
    expect(acme).toBeDefined();
    expect(again && 'error' in again && again.error).toBeInstanceOf(ConflictError);
    expect(again && 'error' in again && again.error.message).toContain(`enrolment ${acme?.id}`);

    const batches = await Promise.all(
      Array.from({ length: 4 }, () =>
        enrolMany(h.followups, [lead('c:globex', 'Globex'), lead('c:initech', 'Initech')]),
      ),
    );
    const outcomes = batches.flat();
    expect(outcomes.filter((o) => 'enrolled' in o)).toHaveLength(2);
    expect(outcomes.filter((o) => 'error' in o && o.error instanceof ConflictError)).toHaveLength(6);
    const active = await h.followups.enrolments.listActive(TEAM);
    expect(active.map((e) => e.leadName).sort()).toEqual(['Acme', 'Globex', 'Initech']);
    const expectedIds = active.flatMap((e) => e.steps.map((s) => reminderJobId(TEAM, e.id, s.index))).sort();
    expect((await h.queues.reminders.getDelayed()).map((j) => j.id).sort()).toEqual(expectedIds);
  });

  it('dates each owner of a batch around their own absence, read with the team holidays in one go', async () => {
    const monday = CLOCKS_BACK.minus({ days: 13 }).set({ hour: 8 });
    const away = 'U0REP00002';
    // Away for the whole first week of the sequence: their day 2 moves past it.
    const absence = { from: monday.toISODate() ?? '', to: monday.plus({ days: 6 }).toISODate() ?? '' };
    await h.followups.calendars.addAbsence(TEAM, away, absence, monday.toISODate() ?? '');
    const lead = (leadId: string, ownerId: string) => ({
      teamId: TEAM,
      leadId,
      leadName: leadId,
      ownerId,
      enrolledBy: REP,
      sequence: DEFAULT_SEQUENCE,
      now: monday.toJSDate(),
      timezone: ZONE,
    });
    const [present, absent] = await enrolMany(h.followups, [lead('c:acme', REP), lead('c:globex', away)]);
    const dueOf = (o: typeof present) => (o && 'enrolled' in o ? o.enrolled.steps[0]?.dueAt : undefined);
    expect(dueOf(present)).toBe(stepsFrom(monday)[0]);
    expect(Date.parse(dueOf(absent) ?? '')).toBeGreaterThan(Date.parse(`${absence.to}T23:59:59Z`));
  });

  it('files no job-index entry per step, and uninstalling still removes every reminder of the team', async () => {
    const now = CLOCKS_BACK.minus({ days: 3 }).set({ hour: 11 }).toJSDate();
    const lead = (leadId: string) => ({
      teamId: TEAM,
      leadId,
      leadName: leadId,
      ownerId: REP,
      enrolledBy: REP,
      sequence: DEFAULT_SEQUENCE,
      now,
      timezone: ZONE,
    });
    await enrolMany(h.followups, [lead('c:acme'), lead('c:globex')]);
    expect(await h.followups.jobIndex.list(TEAM)).toEqual([]);
    // A reminder filed before ids were derived, when each job was entered in the index.
    const legacy = reminderJobId(TEAM, 'e00000000abcd', 0);
    await h.queues.reminders.add(
      JOB_NAMES.reminder,
      { teamId: TEAM, enrolmentId: 'e00000000abcd', step: 0 },
      {
        jobId: legacy,
        delay: 86_400_000,
      },
    );
    await h.followups.jobIndex.add(TEAM, QUEUE_NAMES.reminders, [legacy]);
    // Another team's reminders stay.
    await enrolMany(h.followups, [{ ...lead('c:acme'), teamId: 'T0OTHERTEAM' }]);
    expect(await h.queues.reminders.getDelayed()).toHaveLength(16);

    expect(await h.followups.removeTeamJobs(TEAM)).toBe(11);
    const left = await h.queues.reminders.getDelayed();
    expect(left.map((j) => j.data.teamId)).toEqual(Array(5).fill('T0OTHERTEAM'));
    expect(await h.followups.jobIndex.list(TEAM)).toEqual([]);
  });
});

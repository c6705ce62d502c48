import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SEQUENCE } from '../../src/engines/optimizer/index.js';
import { ConflictError } from '../../src/errors.js';
import { enrol } from '../../src/jobs/enrol.js';
import { reminderJobId } from '../../src/jobs/ids.js';
import { type JobHarness, openHarness } from './support/harness.js';

const TEAM = 'T0SALESOPS';
const REP = 'U0REP00001';
let h: JobHarness;

beforeEach(async () => {
  h = await openHarness();
});
afterEach(async () => {
  await h.close();
});

const enrolAcme = (now: Date, timezone = 'America/New_York') =>
  enrol(h.followups, {
    teamId: TEAM,
    leadId: 'c:acme',
    leadName: 'Acme',
    ownerId: REP,
    enrolledBy: REP,
    sequence: DEFAULT_SEQUENCE,
    now,
    timezone,
  });

describe('enrolment', () => {
  it('files one delayed job per step, due at 09:00 local across the end of daylight saving and past a holiday', async () => {
    await h.followups.calendars.setHolidays(TEAM, ['2026-11-11']);
    // Thursday 29 October 2026, 11:00 in New York (EDT); clocks go back on Sunday 1 November.
    const enrolment = await enrolAcme(new Date('2026-10-29T15:00:00Z'));

    const delayed = await h.queues.reminders.getDelayed();
    const byId = new Map(delayed.map((job) => [job.id, job.timestamp + (job.opts.delay ?? 0)]));
    const expected = [
      '2026-11-02T14:00:00Z', // day 2: Monday, 09:00 EST
      '2026-11-04T14:00:00Z', // day 4
      '2026-11-09T14:00:00Z', // day 7
      '2026-11-13T14:00:00Z', // day 10: Wednesday the 11th is a holiday
      '2026-11-19T14:00:00Z', // day 14
    ];
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
    // Monday 19 October 2026, still EDT: day 2 is Wednesday the 21st at 09:00 EDT = 13:00Z.
    const enrolment = await enrolAcme(new Date('2026-10-19T12:00:00Z'));
    expect(enrolment.steps[0]?.dueAt).toBe('2026-10-21T13:00:00Z');
    expect(enrolment.steps[2]?.dueAt).toBe('2026-10-28T13:00:00Z');
    expect(enrolment.steps[3]?.dueAt).toBe('2026-11-02T14:00:00Z');
  });

  it('refuses a second enrolment of the same lead and names the active one', async () => {
    const first = await enrolAcme(new Date('2026-10-29T15:00:00Z'));
    const second = enrolAcme(new Date('2026-10-29T15:05:00Z'));
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
      Array.from({ length: 5 }, () => enrolAcme(new Date('2026-10-29T15:00:00Z'))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(4);
    expect(await h.queues.reminders.getDelayed()).toHaveLength(5);
  });
});

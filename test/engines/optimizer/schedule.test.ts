import { describe, expect, it } from 'vitest';
import {
  nextWorkingSlot,
  scheduleSteps,
  shiftPastAbsence,
  type WorkCalendar,
} from '../../../src/engines/optimizer/index.js';
import { problemsOf } from './problems.js';

const NEW_YORK: WorkCalendar = { timezone: 'America/New_York' };

describe('scheduleSteps', () => {
  it.each([
    {
      name: 'the seed cadence across the March DST change: 09:00 New York is 14:00Z before it, 13:00Z after',
      calendar: NEW_YORK,
      start: '2026-03-02T15:00:00Z', // Monday
      days: [2, 4, 7, 10, 14],
      expected: [
        ['2026-03-04T14:00:00Z', '2026-03-04'],
        ['2026-03-06T14:00:00Z', '2026-03-06'],
        ['2026-03-11T13:00:00Z', '2026-03-11'],
        ['2026-03-16T13:00:00Z', '2026-03-16'],
        ['2026-03-20T13:00:00Z', '2026-03-20'],
      ],
    },
    {
      name: 'the week clocks spring forward (Sunday 2026-03-08): Friday and Monday both at 09:00 local',
      calendar: NEW_YORK,
      start: '2026-03-05T20:00:00Z', // Thursday
      days: [1, 2],
      expected: [
        ['2026-03-06T14:00:00Z', '2026-03-06'],
        ['2026-03-09T13:00:00Z', '2026-03-09'],
      ],
    },
    {
      name: 'the week clocks fall back (Sunday 2026-11-01): the UTC hour moves the other way',
      calendar: NEW_YORK,
      start: '2026-10-29T20:00:00Z', // Thursday
      days: [1, 2],
      expected: [
        ['2026-10-30T13:00:00Z', '2026-10-30'],
        ['2026-11-02T14:00:00Z', '2026-11-02'],
      ],
    },
    {
      name: 'Berlin holidays over Christmas and New Year pause the clock',
      calendar: {
        timezone: 'Europe/Berlin',
        holidays: ['2026-12-24', '2026-12-25', '2026-12-31', '2027-01-01'],
      },
      start: '2026-12-23T10:00:00+01:00', // Wednesday
      days: [1, 2, 3, 4],
      expected: [
        ['2026-12-28T08:00:00Z', '2026-12-28'],
        ['2026-12-29T08:00:00Z', '2026-12-29'],
        ['2026-12-30T08:00:00Z', '2026-12-30'],
        ['2027-01-04T08:00:00Z', '2027-01-04'],
      ],
    },
    {
      name: "Kolkata counts from the rep's local date (Friday), not the UTC date (Thursday)",
      calendar: { timezone: 'Asia/Kolkata', workingHour: 10, workingMinute: 30 },
      start: '2026-03-05T20:00:00Z', // Friday 01:30 in Kolkata
      days: [1],
      expected: [['2026-03-09T05:00:00Z', '2026-03-09']],
    },
    {
      name: 'out-of-office days do not count, the steps wait for the rep',
      calendar: { ...NEW_YORK, outOfOffice: [{ from: '2026-06-03', to: '2026-06-05' }] },
      start: '2026-06-01T13:00:00Z', // Monday
      days: [1, 2, 3],
      expected: [
        ['2026-06-02T13:00:00Z', '2026-06-02'],
        ['2026-06-08T13:00:00Z', '2026-06-08'],
        ['2026-06-09T13:00:00Z', '2026-06-09'],
      ],
    },
    {
      name: 'a Sunday-to-Thursday work week skips Friday and Saturday',
      calendar: { timezone: 'Asia/Dubai', workdays: [7, 1, 2, 3, 4] },
      start: '2026-03-05T06:00:00Z', // Thursday
      days: [1, 2],
      expected: [
        ['2026-03-08T05:00:00Z', '2026-03-08'],
        ['2026-03-09T05:00:00Z', '2026-03-09'],
      ],
    },
    {
      name: 'day 0 is the next working slot: later the same morning',
      calendar: NEW_YORK,
      start: '2026-03-02T12:00:00Z', // Monday 07:00 local
      days: [0],
      expected: [['2026-03-02T14:00:00Z', '2026-03-02']],
    },
    {
      name: 'day 0 after the working hour waits for the next working day',
      calendar: NEW_YORK,
      start: '2026-03-06T20:00:00Z', // Friday 15:00 local
      days: [0],
      expected: [['2026-03-09T13:00:00Z', '2026-03-09']],
    },
  ])('$name', ({ calendar, start, days, expected }) => {
    const steps = scheduleSteps({ ...calendar, start, steps: days.map((day) => ({ day })) });
    expect(steps).toEqual(
      days.map((day, i) => ({ day, dueAt: expected[i]?.[0], localDate: expected[i]?.[1] })),
    );
  });

  it('moves a working time that falls in the spring-forward gap to just after it', () => {
    const [step] = scheduleSteps({
      timezone: 'America/New_York',
      workingHour: 2,
      workingMinute: 30,
      workdays: [1, 2, 3, 4, 5, 6, 7],
      start: '2026-03-07T15:00:00Z',
      steps: [{ day: 1 }],
    });
    // 02:30 does not exist on 2026-03-08; 03:30 EDT is 07:30Z.
    expect(step).toEqual({ day: 1, dueAt: '2026-03-08T07:30:00Z', localDate: '2026-03-08' });
  });

  it.each([
    {
      name: 'an unknown time zone, named',
      input: { timezone: 'Mars/Olympus' },
      path: 'timezone',
      text: 'Mars/Olympus',
    },
    {
      name: 'an impossible holiday',
      input: { holidays: ['2026-02-30'] },
      path: 'holidays[0]',
      text: 'YYYY-MM-DD',
    },
    { name: 'no workdays', input: { workdays: [] }, path: 'workdays', text: '1 (Monday)' },
    { name: 'weekday 8', input: { workdays: [1, 8] }, path: 'workdays', text: '7 (Sunday)' },
    { name: 'hour 24', input: { workingHour: 24 }, path: 'workingHour', text: '0 to 23' },
    {
      name: 'an absence that ends before it starts',
      input: { outOfOffice: [{ from: '2026-06-05', to: '2026-06-03' }] },
      path: 'outOfOffice[0].to',
      text: 'on or after 2026-06-05',
    },
    { name: 'a start that is not a date', input: { start: 'yesterday' }, path: 'start', text: 'ISO' },
    { name: 'a negative day', input: { steps: [{ day: -1 }] }, path: 'steps[0].day', text: 'whole number' },
    {
      name: 'a fractional day',
      input: { steps: [{ day: 1.5 }] },
      path: 'steps[0].day',
      text: 'whole number',
    },
  ])('rejects $name', ({ input, path, text }) => {
    const problems = problemsOf(() =>
      scheduleSteps({
        timezone: 'Europe/Berlin',
        start: '2026-03-02T09:00:00Z',
        steps: [{ day: 1 }],
        ...input,
      }),
    );
    expect(problems).toContainEqual({ path, message: expect.stringContaining(text) });
  });

  it('refuses a calendar with no working day in ten years instead of looping forever', () => {
    const problems = problemsOf(() =>
      scheduleSteps({
        ...NEW_YORK,
        outOfOffice: [{ from: '2026-01-01', to: '2099-12-31' }],
        start: '2026-03-02T15:00:00Z',
        steps: [{ day: 1 }],
      }),
    );
    expect(problems[0]?.path).toBe('outOfOffice');
  });
});

describe('nextWorkingSlot', () => {
  it.each([
    {
      when: 'before the working hour on a workday',
      at: '2026-03-06T13:00:00Z',
      slot: '2026-03-06T14:00:00Z',
    },
    { when: 'exactly at the working hour', at: '2026-03-06T14:00:00Z', slot: '2026-03-06T14:00:00Z' },
    {
      when: 'after it on a Friday, across the DST change',
      at: '2026-03-06T15:00:00Z',
      slot: '2026-03-09T13:00:00Z',
    },
    { when: 'on a Saturday', at: '2026-03-07T15:00:00Z', slot: '2026-03-09T13:00:00Z' },
    {
      when: 'late Sunday UTC but still Sunday locally',
      at: '2026-03-09T03:00:00Z',
      slot: '2026-03-09T13:00:00Z',
    },
    { when: 'on a holiday', at: '2026-07-03T12:00:00Z', slot: '2026-07-06T13:00:00Z' },
  ])('takes the next slot $when', ({ at, slot }) => {
    expect(nextWorkingSlot(at, { ...NEW_YORK, holidays: ['2026-07-03'] })).toBe(slot);
  });

  it('names the bad time zone', () => {
    expect(() => nextWorkingSlot('2026-03-06T13:00:00Z', { timezone: 'New York' })).toThrow(/"New York"/);
  });
});

describe('shiftPastAbsence', () => {
  // The seed cadence enrolled on Monday 2026-03-02 (see scheduleSteps above).
  const due = [
    '2026-03-04T14:00:00Z',
    '2026-03-06T14:00:00Z',
    '2026-03-11T13:00:00Z',
    '2026-03-16T13:00:00Z',
    '2026-03-20T13:00:00Z',
  ];

  it('moves the first step inside the absence after it and keeps the working-day spacing of the rest', () => {
    const shifted = shiftPastAbsence(due, { from: '2026-03-05', to: '2026-03-10' }, NEW_YORK);
    expect(shifted).toEqual([
      { dueAt: '2026-03-04T14:00:00Z', localDate: '2026-03-04', moved: false },
      { dueAt: '2026-03-11T13:00:00Z', localDate: '2026-03-11', moved: true },
      { dueAt: '2026-03-16T13:00:00Z', localDate: '2026-03-16', moved: true },
      { dueAt: '2026-03-19T13:00:00Z', localDate: '2026-03-19', moved: true },
      { dueAt: '2026-03-25T13:00:00Z', localDate: '2026-03-25', moved: true },
    ]);
  });

  it('answers in the order the due times were given', () => {
    const shuffled = [due[4], due[0], due[2], due[1], due[3]].filter((d): d is string => d !== undefined);
    const shifted = shiftPastAbsence(shuffled, { from: '2026-03-05', to: '2026-03-10' }, NEW_YORK);
    expect(shifted.map((s) => s.localDate)).toEqual([
      '2026-03-25',
      '2026-03-04',
      '2026-03-16',
      '2026-03-11',
      '2026-03-19',
    ]);
  });

  it('skips holidays right after the absence ("ooo until Dec 2" over Thanksgiving)', () => {
    const shifted = shiftPastAbsence(
      ['2026-11-27T14:00:00Z', '2026-12-03T14:00:00Z'],
      { from: '2026-11-25', to: '2026-12-02' },
      { ...NEW_YORK, holidays: ['2026-11-26', '2026-12-03'] },
    );
    // Dec 3 is a holiday, so the first step lands on Friday Dec 4; the next was 3 working days later.
    expect(shifted.map((s) => s.localDate)).toEqual(['2026-12-04', '2026-12-09']);
  });

  it.each([
    { name: 'before every step', absence: { from: '2026-02-23', to: '2026-02-27' } },
    { name: 'after every step', absence: { from: '2026-03-23', to: '2026-03-27' } },
    { name: 'between two steps without covering one', absence: { from: '2026-03-12', to: '2026-03-13' } },
  ])('leaves the steps alone when the absence falls $name', ({ absence }) => {
    const shifted = shiftPastAbsence(due, absence, NEW_YORK);
    expect(shifted.map((s) => s.dueAt)).toEqual(due);
    expect(shifted.every((s) => !s.moved)).toBe(true);
  });

  it('rejects an absence written the wrong way round', () => {
    const problems = problemsOf(() =>
      shiftPastAbsence(due, { from: '2026-03-10', to: '2026-03-05' }, NEW_YORK),
    );
    expect(problems).toEqual([{ path: 'absence.to', message: 'must be on or after 2026-03-10' }]);
  });
});

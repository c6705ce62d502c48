import { describe, expect, it } from 'vitest';
import { exampleDate, parseWhen } from '../../../src/engines/qualify-text/index.js';

// 19:00 on Tuesday 24 November 2026 in Los Angeles, already the 25th in UTC.
const LA = { now: new Date('2026-11-25T03:00:00Z'), timeZone: 'America/Los_Angeles' };
const AUCKLAND = { now: new Date('2026-11-25T03:00:00Z'), timeZone: 'Pacific/Auckland' };

describe('parseWhen in the person’s time zone', () => {
  it.each([
    ['today', { date: '2026-11-24', days: 0 }],
    ['tomorrow', { date: '2026-11-25', days: 1 }],
    ['in 3 weeks', { date: '2026-12-15', days: 21 }],
    ['Dec 15', { date: '2026-12-15', days: 21 }],
    ['by Dec 15', { date: '2026-12-15', days: 21 }],
    ['2027-03-31', { date: '2027-03-31', days: 127 }],
    ['March', { date: '2027-03-31', days: 127 }],
    ['next quarter', { date: '2027-03-31', days: 127, period: 'Q1 2027' }],
    ['Q1', { date: '2027-03-31', days: 127, period: 'Q1 2027' }],
    ['Q4', { date: '2026-12-31', days: 37, period: 'Q4 2026' }],
    ['Q3 2027', { date: '2027-09-30', days: 310, period: 'Q3 2027' }],
    ["q2 '27", { date: '2027-06-30', days: 218, period: 'Q2 2027' }],
    ['2027-Q2', { date: '2027-06-30', days: 218, period: 'Q2 2027' }],
    ['end of quarter', { date: '2026-12-31', days: 37, period: 'Q4 2026' }],
    ['end of Q1', { date: '2027-03-31', days: 127, period: 'Q1 2027' }],
    ['next month', { date: '2026-12-31', days: 37, period: 'December 2026' }],
    ['next year', { date: '2027-12-31', days: 402, period: '2027' }],
    ['end of next month', { date: '2026-12-31', days: 37, period: 'December 2026' }],
    ['2025-01-01', { date: '2025-01-01', days: -692 }],
  ])('reads %j in Los Angeles', (text, expected) => {
    expect(parseWhen(text, LA)).toEqual(expected);
  });

  it('counts from the local calendar day, which differs across time zones at the same instant', () => {
    expect(parseWhen('tomorrow', AUCKLAND)).toEqual({ date: '2026-11-26', days: 1 });
    expect(parseWhen('tomorrow', LA)).toEqual({ date: '2026-11-25', days: 1 });
  });

  it.each(['someday-ish', '', 'blah tomorrow', 'soon'])('finds no date in %j', (text) => {
    expect(parseWhen(text, LA)).toBeUndefined();
  });

  it('offers the last day of next quarter as an example date', () => {
    expect(exampleDate(LA)).toBe('2027-03-31');
  });
});

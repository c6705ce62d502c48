import { describe, expect, it } from 'vitest';
import {
  compareToHistory,
  computeDashboard,
  isoWeek,
  type Snapshot,
  toSnapshot,
  trendOf,
  weeksBefore,
} from '../../../src/engines/dashboard/index.js';
import { InputError } from '../../../src/errors.js';
import { DEALS, NOW, SEED } from './fixtures.js';

const snap = (week: string, figures: Snapshot['figures'], takenAt = '2026-11-23T09:00:00Z'): Snapshot => ({
  week,
  takenAt,
  figures,
});

describe('isoWeek', () => {
  it.each([
    ['2026-11-23T09:00:00Z', 'UTC', '2026-W48'],
    ['2026-01-01T12:00:00Z', 'UTC', '2026-W01'], // a Thursday: week 1 of 2026
    ['2027-01-01T12:00:00Z', 'UTC', '2026-W53'], // a Friday: still the last week of 2026
    ['2026-11-22T23:30:00Z', 'UTC', '2026-W47'], // Sunday night in London
    ['2026-11-22T23:30:00Z', 'Europe/Berlin', '2026-W48'], // already Monday in Berlin
    ['2026-11-23T03:00:00Z', 'America/Los_Angeles', '2026-W47'], // still Sunday in California
  ])('puts %s in %s into %s', (now, zone, week) => {
    expect(isoWeek(now, zone)).toBe(week);
  });

  it('refuses a time that is not ISO and a zone that does not exist', () => {
    expect(() => isoWeek('next monday')).toThrow(InputError);
    expect(() => isoWeek(NOW, 'Mars/Olympus')).toThrow(InputError);
  });
});

describe('weeksBefore', () => {
  it.each([
    ['2026-W48', 1, '2026-W47'],
    ['2026-W01', 1, '2025-W52'],
    ['2027-W01', 1, '2026-W53'],
    ['2026-W02', 4, '2025-W50'],
  ])('counts back from %s by %i weeks to %s', (week, n, expected) => {
    expect(weeksBefore(week, n)).toBe(expected);
  });

  it('refuses a week that does not exist', () => {
    expect(() => weeksBefore('2025-W53', 1)).toThrow(InputError);
    expect(() => weeksBefore('2026-48', 1)).toThrow(InputError);
  });
});

describe('trendOf', () => {
  it.each([
    [101, 100, 'flat'], // exactly 1%
    [101.5, 100, 'up'],
    [98.9, 100, 'down'],
    [0, 0, 'flat'],
    [1, 0, 'up'],
    [-5, -4, 'down'],
    [50, undefined, 'flat'],
    [undefined, 50, 'flat'],
  ] as const)('calls %s against %s %s', (current, reference, trend) => {
    expect(trendOf(current, reference)).toBe(trend);
  });
});

describe('toSnapshot', () => {
  it("keeps the dashboard's known figures by metric id, and the ISO week of now", () => {
    const dashboard = computeDashboard({ stages: SEED, deals: DEALS, now: NOW, quota: 150_000 });
    const snapshot = toSnapshot(dashboard, NOW, 'Europe/Berlin');
    expect(snapshot.week).toBe('2026-W48');
    expect(snapshot.takenAt).toBe(NOW);
    expect(snapshot.figures).toMatchObject({
      averageDeal: 25_000,
      cycleDays: 37.5,
      coverage: 1.8,
      stuckDeals: 1,
    });
    expect(snapshot.figures.closeRate).toBeCloseTo(66.667, 3);
    expect(Object.hasOwn(snapshot.figures, 'mqlToSql')).toBe(false);
  });
});

describe('compareToHistory', () => {
  it('has nothing to compare with and calls every metric flat without history', () => {
    const result = compareToHistory(snap('2026-W48', { closeRate: 30 }), []);
    expect(result.closeRate).toEqual({
      current: 30,
      trendWeek: 'flat',
      trendBaseline: 'flat',
      betterWeek: undefined,
      betterBaseline: undefined,
    });
    expect(result.mqlToSql).toEqual({
      trendWeek: 'flat',
      trendBaseline: 'flat',
      betterWeek: undefined,
      betterBaseline: undefined,
    });
  });

  it('compares with last week and uses that one week as the baseline', () => {
    const result = compareToHistory(snap('2026-W48', { closeRate: 30 }), [
      snap('2026-W47', { closeRate: 25 }),
    ]);
    expect(result.closeRate).toMatchObject({
      current: 30,
      lastWeek: 25,
      baseline4w: 25,
      trendWeek: 'up',
      trendBaseline: 'up',
      betterWeek: true,
    });
  });

  it('averages only the four weeks before this one, ignoring older and later snapshots', () => {
    const history = [
      snap('2026-W43', { averageDeal: 1_000 }), // five weeks back: outside the baseline
      snap('2026-W44', { averageDeal: 20_000 }),
      snap('2026-W45', { averageDeal: 22_000 }),
      snap('2026-W46', { averageDeal: 24_000 }),
      snap('2026-W47', { averageDeal: 26_000 }),
      snap('2026-W48', { averageDeal: 99_000 }), // this week's own: not history
      snap('2026-W49', { averageDeal: 99_000 }),
    ];
    const result = compareToHistory(snap('2026-W48', { averageDeal: 23_000 }), history);
    expect(result.averageDeal).toMatchObject({
      lastWeek: 26_000,
      baseline4w: 23_000, // (20 + 22 + 24 + 26) / 4
      trendWeek: 'down',
      trendBaseline: 'flat',
      betterWeek: false,
      betterBaseline: undefined,
    });
  });

  it('says up when a lower-is-better metric rises, and marks it as worse', () => {
    const result = compareToHistory(snap('2026-W48', { cycleDays: 60, stuckDeals: 3 }), [
      snap('2026-W47', { cycleDays: 50, stuckDeals: 5 }),
    ]);
    expect(result.cycleDays).toMatchObject({ trendWeek: 'up', betterWeek: false });
    expect(result.stuckDeals).toMatchObject({ trendWeek: 'down', betterWeek: true });
  });

  it('leaves last week unknown after a gap, while the baseline still uses what it has', () => {
    const result = compareToHistory(snap('2026-W48', { closeRate: 30 }), [
      snap('2026-W45', { closeRate: 20 }),
    ]);
    expect(result.closeRate?.lastWeek).toBeUndefined();
    expect(result.closeRate).toMatchObject({ baseline4w: 20, trendWeek: 'flat', trendBaseline: 'up' });
  });

  it('leaves weeks without the figure out of the baseline', () => {
    const result = compareToHistory(snap('2026-W48', { mqlToSql: 30 }), [
      snap('2026-W47', {}),
      snap('2026-W46', { mqlToSql: 20 }),
      snap('2026-W45', { mqlToSql: 40 }),
    ]);
    expect(result.mqlToSql).toMatchObject({ baseline4w: 30, trendBaseline: 'flat' });
    expect(result.mqlToSql?.lastWeek).toBeUndefined();
  });

  it('uses the later of two snapshots taken in the same week, comparing instants, not text', () => {
    const result = compareToHistory(snap('2026-W48', { closeRate: 30 }), [
      snap('2026-W47', { closeRate: 10 }, '2026-11-17T06:00:00Z'),
      snap('2026-W47', { closeRate: 30 }, '2026-11-17T09:00:00+05:00'), // 04:00 UTC: taken earlier
    ]);
    expect(result.closeRate).toMatchObject({ lastWeek: 10, trendWeek: 'up' });
  });

  it('crosses the year boundary: 2027-W01 looks back to 2026-W53', () => {
    const result = compareToHistory(snap('2027-W01', { closeRate: 30 }), [
      snap('2026-W53', { closeRate: 40 }),
    ]);
    expect(result.closeRate).toMatchObject({ lastWeek: 40, trendWeek: 'down', betterWeek: false });
  });
});

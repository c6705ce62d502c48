import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMillis, plainDateMillis } from '../../../src/engines/pipeline/dates.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('plain dates read digit by digit', () => {
  it('gives the instant Date.UTC gives for every real date from year 100 to 9999', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (year, month, day) => {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const utc = Date.UTC(year, month - 1, day);
          const real = new Date(utc).getUTCDate() === day;
          expect(plainDateMillis(text)).toBe(real ? utc : undefined);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('knows leap days and the days around them', () => {
    expect(plainDateMillis('2016-02-29')).toBe(Date.UTC(2016, 1, 29));
    expect(plainDateMillis('2000-02-29')).toBe(Date.UTC(2000, 1, 29));
    expect(plainDateMillis('1900-02-29')).toBeUndefined();
    expect(plainDateMillis('2017-02-29')).toBeUndefined();
    expect(plainDateMillis('2017-03-01')).toBe(Date.UTC(2017, 2, 1));
    expect(plainDateMillis('1969-12-31')).toBe(-86_400_000);
    expect(plainDateMillis('1970-01-01')).toBe(0);
  });

  it('leaves anything else to the slow path', () => {
    for (const text of ['2017-1-05', '2017/01/05', '20a7-01-05', '2017-13-01', '2017-00-10', '0099-01-01'])
      expect(plainDateMillis(text)).toBeUndefined();
    expect(isoMillis('0099-01-01')).toBe(Date.UTC(99, 0, 1));
  });
});

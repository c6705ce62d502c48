import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirstRows } from '../../src/import/first-rows.js';

describe('FirstRows', () => {
  it('gives the first row of every id seen before, as a Map of id to first row does', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 5000 }),
        fc.nat(6000),
        (ids, expected) => {
          const rows = new FirstRows(expected);
          const map = new Map<string, number>();
          ids.forEach((id, i) => {
            const expected = map.get(id);
            if (expected === undefined) map.set(id, i + 2);
            expect(rows.seen(id, i + 2)).toBe(expected);
          });
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps ids that are prefixes of one another, empty and non-Latin apart across many pieces', () => {
    const rows = new FirstRows();
    const ids = Array.from({ length: 30_000 }, (_, i) => (i % 3 === 0 ? `Å${i}` : String(i)));
    ids.forEach((id, i) => {
      expect(rows.seen(id, i)).toBeUndefined();
    });
    expect(rows.seen('', 1)).toBeUndefined();
    expect(rows.seen('', 2)).toBe(1);
    expect(rows.seen('1', 0)).toBe(1);
    expect(rows.seen('13', 0)).toBe(13);
    expect(rows.seen('12', 0)).toBeUndefined();
    expect(rows.seen('Å29997', 0)).toBe(29_997);
  });
});

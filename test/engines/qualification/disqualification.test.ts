import { describe, expect, it } from 'vitest';
import {
  type DisqualificationFacts,
  findDisqualifications,
  TRIGGER_IDS,
  TRIGGERS,
} from '../../../src/engines/qualification/index.js';
import { InputError } from '../../../src/errors.js';

const NOW = '2025-06-30T09:00:00Z';

describe('findDisqualifications', () => {
  it('checks the triggers in a fixed order', () => {
    expect(TRIGGERS.map((t) => t.id)).toEqual([...TRIGGER_IDS]);
  });

  it('fires nothing for a lead with no known problems', () => {
    expect(findDisqualifications({}, { now: NOW })).toEqual([]);
    expect(findDisqualifications({ competitor: false, lastActivityAt: '2025-06-29' }, { now: NOW })).toEqual(
      [],
    );
  });

  it.each<[string, DisqualificationFacts, string, string]>([
    ['no budget', { noBudget: true }, 'no-budget', 'No budget and none creatable (noted on the lead)'],
    [
      'no economic buyer',
      { noEconomicBuyerAccess: true },
      'no-economic-buyer',
      'No access to the economic buyer (noted on the lead)',
    ],
    ['no pain', { noPain: true }, 'no-pain', 'No pain or compelling event (noted on the lead)'],
    [
      'outside the ICP',
      { outsideIcp: true },
      'outside-icp',
      'Outside the ideal customer profile (noted on the lead)',
    ],
    [
      'an ICP mismatch',
      { icp: { mismatches: ['Industry: Retail is not one of SaaS'] } },
      'outside-icp',
      'Outside the ideal customer profile (Industry: Retail is not one of SaaS)',
    ],
    [
      'a competitor',
      { competitor: true },
      'competitor-or-student',
      'Competitor or student (works for a competitor)',
    ],
    ['a student', { student: true }, 'competitor-or-student', 'Competitor or student (a student)'],
    [
      'do not contact',
      { doNotContact: true },
      'do-not-contact',
      'Do not contact (asked not to be contacted)',
    ],
    ['a bounced e-mail', { bounced: true }, 'do-not-contact', 'Do not contact (e-mail bounced)'],
    [
      'a duplicate',
      { duplicate: true },
      'duplicate-or-customer',
      'Duplicate or existing customer (duplicate of another lead)',
    ],
    [
      'a customer',
      { existingCustomer: true },
      'duplicate-or-customer',
      'Duplicate or existing customer (already a customer)',
    ],
    [
      'no activity for 20 days',
      { lastActivityAt: '2025-06-10T09:00:00Z' },
      'stale',
      'Stale (no activity for 20 days since 2025-06-10; the limit is 14)',
    ],
  ])('fires on %s with a reason', (_case, facts, trigger, reason) => {
    expect(findDisqualifications(facts, { now: NOW })).toEqual([{ trigger, reason }]);
  });

  it('names every cause of one trigger and keeps the triggers in order', () => {
    const found = findDisqualifications(
      { existingCustomer: true, noBudget: true, competitor: true, student: true },
      { redFlags: [{ trigger: 'no-budget', source: 'Budget: Red flag' }] },
    );
    expect(found).toEqual([
      { trigger: 'no-budget', reason: 'No budget and none creatable (Budget: Red flag; noted on the lead)' },
      {
        trigger: 'competitor-or-student',
        reason: 'Competitor or student (works for a competitor; a student)',
      },
      { trigger: 'duplicate-or-customer', reason: 'Duplicate or existing customer (already a customer)' },
    ]);
  });

  it.each([
    ['2025-06-17T09:00:00Z', 14, false],
    ['2025-06-16T09:00:00Z', 14, true],
    ['2025-06-16T09:00:01Z', 14, false],
    ['2025-06-23T09:00:00Z', 7, true],
    ['2025-07-05T09:00:00Z', 14, false],
  ])(
    'with last activity at %s and a limit of %i days, stale is %s',
    (lastActivityAt, staleAfterDays, stale) => {
      const found = findDisqualifications({ lastActivityAt }, { now: NOW, staleAfterDays });
      expect(found.some((d) => d.trigger === 'stale')).toBe(stale);
    },
  );

  it('reads a date without an offset as UTC', () => {
    expect(
      findDisqualifications({ lastActivityAt: '2025-06-16' }, { now: '2025-06-30T00:00:00Z' }),
    ).toHaveLength(1);
    expect(findDisqualifications({ lastActivityAt: '2025-06-16' }, { now: '2025-06-29T23:59:59Z' })).toEqual(
      [],
    );
  });

  it.each<[string, DisqualificationFacts, object, string]>([
    ['a last activity without now', { lastActivityAt: '2025-06-01' }, {}, 'now'],
    [
      'a last activity that is not a date',
      { lastActivityAt: 'last tuesday' },
      { now: NOW },
      'facts.lastActivityAt',
    ],
    ['a now that is not a date', { lastActivityAt: '2025-06-01' }, { now: 'today' }, 'now'],
    ['a stale limit of zero days', {}, { staleAfterDays: 0 }, 'staleAfterDays'],
  ])('rejects %s', (_case, facts, options, path) => {
    expect(() => findDisqualifications(facts, options)).toThrow(InputError);
    try {
      findDisqualifications(facts, options);
    } catch (error) {
      expect((error as InputError).problems[0]?.path).toBe(path);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { measureDate, newestDealDate } from '../../../src/engines/dashboard/index.js';
import type { Deal } from '../../../src/engines/deal.js';

const deal = (over: Partial<Deal>): Deal => ({
  id: 'D1',
  stage: 'Lead',
  status: 'open',
  history: [],
  ...over,
});

describe('newestDealDate', () => {
  it.each([
    {
      name: 'a creation date',
      deals: [deal({ createdAt: '2017-03-01' })],
      newest: '2017-03-01T00:00:00.000Z',
    },
    {
      name: 'the latest of creations, closes and stage entries',
      deals: [
        deal({ createdAt: '2017-03-01', closedAt: '2017-06-30' }),
        deal({ id: 'D2', history: [{ stage: 'Lead', enteredAt: '2017-12-31T09:30:00Z' }] }),
      ],
      newest: '2017-12-31T09:30:00.000Z',
    },
    {
      name: 'not an expected close date, which lies ahead by design',
      deals: [deal({ createdAt: '2017-03-01', expectedCloseDate: '2018-02-01' })],
      newest: '2017-03-01T00:00:00.000Z',
    },
    { name: 'nothing without dates', deals: [deal({})], newest: undefined },
  ])('finds $name', ({ deals, newest }) => {
    expect(newestDealDate(deals)).toBe(newest);
  });
});

describe('measureDate', () => {
  const old = [deal({ createdAt: '2017-12-31' })];
  it.each([
    {
      name: 'an older export at its newest date',
      deals: old,
      given: undefined,
      expected: { at: '2017-12-31T00:00:00.000Z', basis: 'newest' },
    },
    {
      name: 'the moment given, whatever the export',
      deals: old,
      given: '2018-03-01T00:00:00.000Z',
      expected: { at: '2018-03-01T00:00:00.000Z', basis: 'given' },
    },
    {
      name: 'a current export at now',
      deals: [deal({ createdAt: '2026-12-02T08:00:00Z' })],
      given: undefined,
      expected: { at: '2026-12-02T15:00:00.000Z', basis: 'now' },
    },
    {
      name: 'deals without dates at now',
      deals: [deal({})],
      given: undefined,
      expected: { at: '2026-12-02T15:00:00.000Z', basis: 'now' },
    },
  ])('measures $name', ({ deals, given, expected }) => {
    expect(measureDate(deals, '2026-12-02T15:00:00.000Z', given)).toEqual(expected);
  });
});

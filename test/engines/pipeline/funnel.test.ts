import { describe, expect, it } from 'vitest';
import {
  cohortFunnel,
  funnelFromRates,
  snapshotFunnel,
  stageConversion,
} from '../../../src/engines/pipeline/index.js';
import { InputError } from '../../../src/errors.js';
import { deal, SEED } from './fixtures.js';

const DEALS = [
  deal('a', 'Lead', 'open', { createdAt: '2025-01-05' }),
  deal('b', 'Qualified', 'open', { createdAt: '2025-01-20' }),
  deal('c', 'Discovery', 'lost', { createdAt: '2025-02-03', closedAt: '2025-03-01' }),
  deal('d', 'Closed Won', 'won', { history: [['Lead', '2025-02-10T09:00:00Z']], closedAt: '2025-04-01' }),
  deal('e', 'Proposal', 'open'),
];

describe('snapshotFunnel', () => {
  it('gives the share of deals reaching each stage, first stage 100, lost stage left out', () => {
    expect(snapshotFunnel(SEED, DEALS)).toEqual([
      { stage: 'Lead', reached: 5, percent: 100 },
      { stage: 'Qualified', reached: 4, percent: 80 },
      { stage: 'Discovery', reached: 3, percent: 60 },
      { stage: 'Proposal', reached: 2, percent: 40 },
      { stage: 'Negotiation', reached: 1, percent: 20 },
      { stage: 'Closed Won', reached: 1, percent: 20 },
    ]);
  });

  it('shows zeros, not a division by zero, when there are no deals', () => {
    expect(snapshotFunnel(SEED, []).map((r) => r.percent)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('stageConversion', () => {
  it('divides deals that reached the next stage by deals that reached this one', () => {
    expect(stageConversion(SEED, DEALS).map((s) => [s.from, s.to, s.percent])).toEqual([
      ['Lead', 'Qualified', 80],
      ['Qualified', 'Discovery', 75],
      ['Discovery', 'Proposal', 66.7],
      ['Proposal', 'Negotiation', 50],
      ['Negotiation', 'Closed Won', 100],
    ]);
  });

  it('leaves the rate out when no deal reached the stage', () => {
    const steps = stageConversion(SEED, [deal('a', 'Lead', 'open')]);
    expect(steps[1]).toEqual({ from: 'Qualified', to: 'Discovery', reachedFrom: 0, reachedTo: 0 });
  });
});

describe('cohortFunnel', () => {
  it('groups by creation month, falls back to the first stage entry, and counts undated deals', () => {
    const { cohorts, undated } = cohortFunnel(SEED, DEALS, { by: 'month' });
    expect(undated).toBe(1);
    expect(cohorts.map((c) => [c.cohort, c.deals, c.open, c.incomplete])).toEqual([
      ['2025-01', 2, 2, true],
      ['2025-02', 2, 0, false],
    ]);
    expect(cohorts[1]?.funnel.map((r) => r.percent)).toEqual([100, 100, 100, 50, 50, 50]);
  });

  it('groups by quarter when asked', () => {
    const { cohorts } = cohortFunnel(SEED, DEALS, { by: 'quarter' });
    expect(cohorts.map((c) => [c.cohort, c.deals])).toEqual([['2025-Q1', 4]]);
  });
});

describe('funnelFromRates', () => {
  it('chains stage-to-stage rates into a funnel', () => {
    const rates = { Qualified: 60, Discovery: 75, Proposal: 50, Negotiation: 50, 'Closed Won': 50 };
    expect(funnelFromRates(SEED, rates).map((r) => r.percent)).toEqual([100, 60, 45, 22.5, 11.3, 5.6]);
  });

  it("takes the seed's cumulative funnel as it is", () => {
    const seed = { Lead: 100, Qualified: 60, Discovery: 45, Proposal: 30, Negotiation: 20, 'Closed Won': 15 };
    expect(funnelFromRates(SEED, seed, { as: 'cumulative' })).toEqual(
      Object.entries(seed).map(([stage, percent]) => ({ stage, percent })),
    );
  });

  it.each([
    ['a missing stage', { Qualified: 60 }, 'step', 'funnel.Discovery: needs a percentage'],
    ['an unknown stage', { Qualified: 60, Demo: 50 }, 'step', 'funnel.Demo: is not a stage'],
    ['a rate above 100', { Lead: 100, Qualified: 120 }, 'cumulative', 'funnel.Qualified: needs a percentage'],
    [
      'a cumulative value above the stage before it',
      { Qualified: 40, Discovery: 50, Proposal: 30, Negotiation: 20, 'Closed Won': 10 },
      'cumulative',
      'funnel.Discovery: must not be above the stage before it (40)',
    ],
  ] as const)('refuses %s', (_, values, as, message) => {
    expect(() => funnelFromRates(SEED, values, { as })).toThrow(InputError);
    expect(() => funnelFromRates(SEED, values, { as })).toThrow(message);
  });
});

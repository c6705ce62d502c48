import { describe, expect, it } from 'vitest';
import { daysInCurrentStage, stuckDeals, timeInStage } from '../../../src/engines/pipeline/index.js';
import { deal, SEED } from './fixtures.js';

const DEALS = [
  // Lead 10 days, Qualified 20, Discovery 30 (to the close on 2 March).
  deal('t1', 'Closed Won', 'won', {
    history: [
      ['Lead', '2025-01-01'],
      ['Qualified', '2025-01-11'],
      ['Discovery', '2025-01-31'],
    ],
    closedAt: '2025-03-02',
  }),
  // Lead 4 days; Qualified still running, so it does not count.
  deal('t2', 'Qualified', 'open', {
    owner: 'ana',
    history: [
      ['Lead', '2025-02-01'],
      ['Qualified', '2025-02-05'],
    ],
  }),
  // Lead from creation 20 days, Qualified 20 days until lost.
  deal('t3', 'Closed Lost', 'lost', {
    createdAt: '2025-01-01',
    history: [
      ['Qualified', '2025-01-21'],
      ['Closed Lost', '2025-02-10'],
    ],
    closedAt: '2025-02-10',
  }),
  // Closed before it entered Proposal: the negative stay is left out.
  deal('t4', 'Proposal', 'lost', { history: [['Proposal', '2025-03-01']], closedAt: '2025-02-01' }),
  deal('t5', 'Qualified', 'open', { owner: 'ben', history: [['Qualified', '2025-02-20']] }),
];

describe('timeInStage', () => {
  it('gives median, p75 and p90 days per open stage from completed stays', () => {
    expect(timeInStage(SEED, DEALS)).toEqual([
      { stage: 'Lead', sample: 3, median: 10, p75: 15, p90: 18 }, // stays 4, 10, 20
      { stage: 'Qualified', sample: 2, median: 20, p75: 20, p90: 20 },
      { stage: 'Discovery', sample: 1, median: 30, p75: 30, p90: 30 },
      { stage: 'Proposal', sample: 0 },
      { stage: 'Negotiation', sample: 0 },
    ]);
  });
});

describe('daysInCurrentStage', () => {
  it.each([
    [
      'from its last entry into the current stage',
      deal('a', 'Qualified', 'open', { history: [['Qualified', '2025-02-05']] }),
      24,
    ],
    [
      'from creation for a deal still in the first stage',
      deal('b', 'Lead', 'open', { createdAt: '2025-02-27T12:00:00Z' }),
      1.5,
    ],
    ['unknown without any date', deal('c', 'Proposal', 'open'), undefined],
  ])('counts %s', (_, d, expected) => {
    expect(daysInCurrentStage(SEED, d, '2025-03-01')).toBe(expected);
  });
});

describe('stuckDeals', () => {
  it("lists open deals past their stage's p90 with days and owner", () => {
    expect(stuckDeals(SEED, DEALS, { now: '2025-03-01', minSample: 2 })).toEqual([
      { id: 't2', stage: 'Qualified', owner: 'ana', days: 24, p90: 20 },
    ]);
  });

  it('flags nothing in a stage with too few completed stays for a p90', () => {
    expect(stuckDeals(SEED, DEALS, { now: '2025-03-01' })).toEqual([]);
  });

  it('flags nothing before the p90 is passed', () => {
    expect(stuckDeals(SEED, DEALS, { now: '2025-02-25', minSample: 2 })).toEqual([]);
  });
});

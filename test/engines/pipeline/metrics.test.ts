import { describe, expect, it } from 'vitest';
import {
  averageDeal,
  coverage,
  cycleLength,
  salesVelocity,
  weightedPipeline,
  winRate,
} from '../../../src/engines/pipeline/index.js';
import { InputError } from '../../../src/errors.js';
import { deal, SEED } from './fixtures.js';

describe('winRate', () => {
  it.each([
    ['no deals', [], undefined],
    ['only open deals', [deal('a', 'Lead', 'open')], undefined],
    [
      'three won and one lost, open ones ignored',
      [
        deal('a', 'Closed Won', 'won'),
        deal('b', 'Closed Won', 'won'),
        deal('c', 'Closed Won', 'won'),
        deal('d', 'Closed Lost', 'lost'),
        deal('e', 'Lead', 'open'),
      ],
      75,
    ],
    ['nothing won', [deal('a', 'Closed Lost', 'lost')], 0],
  ])('is won ÷ (won + lost) with %s', (_, deals, expected) => {
    expect(winRate(deals)).toBe(expected);
  });
});

describe('averageDeal', () => {
  it('averages the amounts of won deals only', () => {
    const deals = [
      deal('a', 'Closed Won', 'won', { amount: 10_000 }),
      deal('b', 'Closed Won', 'won', { amount: 20_000 }),
      deal('c', 'Closed Won', 'won'),
      deal('d', 'Proposal', 'open', { amount: 90_000 }),
    ];
    expect(averageDeal(deals)).toBe(15_000);
    expect(averageDeal([deal('d', 'Proposal', 'open', { amount: 90_000 })])).toBeUndefined();
  });
});

describe('weightedPipeline', () => {
  it('sums amount × stage probability over open deals and counts the unpriced ones', () => {
    const result = weightedPipeline(SEED, [
      deal('a', 'Proposal', 'open', { amount: 10_000 }),
      deal('b', 'Proposal', 'open', { amount: 5_000 }),
      deal('c', 'Lead', 'open', { amount: 5_000 }),
      deal('d', 'Negotiation', 'open'),
      deal('e', 'Closed Won', 'won', { amount: 50_000 }),
      deal('f', 'Nowhere', 'open', { amount: 1_000 }),
    ]);
    expect(result.weighted).toBe(9_500);
    expect(result.open).toBe(20_000);
    expect(result.unpriced).toBe(2);
    expect(result.byStage.find((r) => r.stage === 'Proposal')).toEqual({
      stage: 'Proposal',
      deals: 2,
      amount: 15_000,
      weighted: 9_000,
    });
  });
});

describe('coverage', () => {
  it.each([
    [
      'a 25% win rate needs 4×',
      { openPipeline: 300_000, remainingQuota: 100_000, winRate: 25 },
      { coverage: 3, needed: 4, gap: 100_000, covered: false },
    ],
    [
      'a 33⅓% win rate needs 3×',
      { openPipeline: 300_000, remainingQuota: 100_000, winRate: 100 / 3 },
      { coverage: 3, needed: 3, gap: 0, covered: true },
    ],
    [
      'an 18% win rate needs 5.6×',
      { openPipeline: 600_000, remainingQuota: 100_000, winRate: 18 },
      { coverage: 6, needed: 5.6, gap: 0, covered: true },
    ],
    [
      'a met quota needs nothing',
      { openPipeline: 0, remainingQuota: 0, winRate: 25 },
      { gap: 0, covered: true },
    ],
    [
      'a 0% win rate cannot be covered',
      { openPipeline: 50_000, remainingQuota: 100_000, winRate: 0 },
      { coverage: 0.5, gap: 100_000, covered: false },
    ],
  ])('%s', (_, input, expected) => {
    expect(coverage(input)).toEqual(expected);
  });
});

describe('salesVelocity', () => {
  it('is opportunities × win rate × average deal ÷ cycle days', () => {
    expect(salesVelocity({ opportunities: 50, winRate: 20, averageDeal: 10_000, cycleDays: 40 })).toBe(2_500);
  });

  it('rises by a quarter when the cycle is cut by a fifth', () => {
    const base = salesVelocity({ opportunities: 50, winRate: 20, averageDeal: 10_000, cycleDays: 40 });
    const faster = salesVelocity({ opportunities: 50, winRate: 20, averageDeal: 10_000, cycleDays: 32 });
    expect(faster / base).toBeCloseTo(1.25, 10);
  });

  it('refuses a cycle of zero days', () => {
    expect(() => salesVelocity({ opportunities: 1, winRate: 10, averageDeal: 1, cycleDays: 0 })).toThrow(
      InputError,
    );
  });
});

describe('cycleLength', () => {
  it('is the median days from creation (or first stage entry) to close among won deals', () => {
    const deals = [
      deal('a', 'Closed Won', 'won', { createdAt: '2025-01-01', closedAt: '2025-01-31' }),
      deal('b', 'Closed Won', 'won', { history: [['Qualified', '2025-01-01']], closedAt: '2025-02-20' }),
      deal('c', 'Closed Won', 'won', { createdAt: '2025-01-01', closedAt: '2025-01-11' }),
      deal('d', 'Closed Won', 'won', { createdAt: '2025-01-01' }),
      deal('e', 'Closed Lost', 'lost', { createdAt: '2024-01-01', closedAt: '2025-01-01' }),
    ];
    expect(cycleLength(SEED, deals)).toEqual({ medianDays: 30, sample: 3 });
  });

  it('has no median without a won deal carrying both dates', () => {
    expect(cycleLength(SEED, [deal('d', 'Closed Won', 'won')])).toEqual({ sample: 0 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/engines/deal.js';
import { BOTTLENECK_FIXES, findBottlenecks } from '../../../src/engines/pipeline/index.js';
import { deal, SEED } from './fixtures.js';

// Won deals stay 2, 3, 25, 5 and 5 days in Lead … Negotiation: Discovery is the slow stage.
const won = (id: string): Deal =>
  deal(id, 'Closed Won', 'won', {
    amount: 10_000,
    closedAt: '2025-02-10',
    history: [
      ['Lead', '2025-01-01'],
      ['Qualified', '2025-01-03'],
      ['Discovery', '2025-01-06'],
      ['Proposal', '2025-01-31'],
      ['Negotiation', '2025-02-05'],
    ],
  });
const lostAt = (stage: string, count: number): Deal[] =>
  Array.from({ length: count }, (_, i) => deal(`${stage}-${i}`, stage, 'lost'));
const DEALS = [
  won('w1'),
  won('w2'),
  won('w3'),
  won('w4'),
  ...lostAt('Lead', 2),
  ...lostAt('Proposal', 6),
  ...lostAt('Negotiation', 1),
];

describe('findBottlenecks', () => {
  const result = findBottlenecks(SEED, DEALS);

  it('ranks stages by money lost = dropped × downstream win rate × average deal', () => {
    expect(result.stages.map((s) => [s.stage, s.dropped, s.downstreamWinRate, s.moneyLost])).toEqual([
      ['Proposal', 6, 80, 48_000], // 4 of 5 that reached Negotiation won
      ['Negotiation', 1, 100, 10_000],
      ['Lead', 2, 36.4, 7_273], // 4 of 11 that reached Qualified won
      ['Qualified', 0, 36.4, 0],
      ['Discovery', 0, 36.4, 0],
    ]);
  });

  it('measures conversion among decided deals against the target the probabilities imply', () => {
    const byStage = Object.fromEntries(result.stages.map((s) => [s.stage, [s.conversion, s.target]]));
    expect(byStage).toEqual({
      Lead: [84.6, 40],
      Qualified: [100, 62.5],
      Discovery: [100, 66.7],
      Proposal: [45.5, 75],
      Negotiation: [80, 80],
    });
  });

  it('names the worst stage in each view', () => {
    expect(result.worst).toEqual({ conversion: 'Proposal', time: 'Discovery', money: 'Proposal' });
  });

  it('gives each flag a fix that fits the view and the buyer phase', () => {
    const proposal = result.stages.find((s) => s.stage === 'Proposal');
    expect(proposal?.issues.map((i) => i.view)).toEqual(['conversion', 'money']);
    expect(proposal?.issues[0]?.fix).toMatch(/economic buyer/);
    const discovery = result.stages.find((s) => s.stage === 'Discovery');
    expect(discovery).toMatchObject({ medianDays: 25, p90Days: 25 });
    expect(discovery?.issues).toEqual([
      {
        view: 'time',
        detail: 'longest median time in stage: 25 days (p90 25 days)',
        fix: BOTTLENECK_FIXES.find((f) => f.view === 'time' && f.journeys?.includes('consideration'))?.fix,
      },
    ]);
    expect(result.stages.find((s) => s.stage === 'Qualified')?.issues).toEqual([]);
  });

  it('uses given targets and a given average deal', () => {
    const custom = findBottlenecks(SEED, DEALS, { targets: { Negotiation: 90 }, averageDeal: 1_000 });
    const negotiation = custom.stages.find((s) => s.stage === 'Negotiation');
    expect(negotiation?.target).toBe(90);
    expect(negotiation?.issues.map((i) => i.view)).toEqual(['conversion']);
    expect(custom.stages[0]).toMatchObject({ stage: 'Proposal', moneyLost: 4_800 });
  });

  it('flags nothing without deals', () => {
    const empty = findBottlenecks(SEED, []);
    expect(empty.worst).toEqual({});
    expect(empty.stages.every((s) => s.issues.length === 0 && s.moneyLost === 0)).toBe(true);
  });
});

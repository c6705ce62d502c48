import { describe, expect, it } from 'vitest';
import { analyzeConversion, recommend } from '../../../src/engines/optimizer/index.js';

const metrics = analyzeConversion([
  { name: 'MQL to SQL', target: 25, current: 22, previous: 20 },
  { name: 'SQL to Opp', target: 50, current: 46, previous: 46.2 },
  { name: 'Close Rate', target: 20, current: 21, previous: 24 },
  { name: 'Cycle days', target: 30, current: 33, higherIsBetter: false },
  { name: 'Avg Deal', target: 10_000 },
]);

const sources = [
  { name: 'Inbound website', volumePerMonth: 120, quality: 'high', cac: 150 },
  { name: 'Outbound prospecting', volumePerMonth: 200, quality: 'medium', cac: 320 },
  { name: 'Referrals', volumePerMonth: 25, quality: 'high', cac: 60 },
  { name: 'Trade shows', volumePerMonth: 10, quality: 'low', cac: 900 },
] as const;

describe('recommend', () => {
  it('ranks every rule by expected impact, ties by title', () => {
    const ranked = recommend({
      metrics,
      bottlenecks: [{ stage: 'Discovery', conversion: 30, target: 40, fix: 'Map the pain before demoing.' }],
      cycle: { currentDays: 60, targetDays: 45 },
      sources,
    });
    expect(ranked.map((r) => [r.title, r.impact])).toEqual([
      // (1 − 60/320) × 64,000 / 92,500 of acquisition spend
      ['Shift budget from Outbound prospecting to Referrals', 56.2],
      // 60 / 45 − 1 (velocity) and 40 / 30 − 1 (revenue through the stage)
      ['Shorten the sales cycle to 45 days', 33.3],
      ['Unblock Discovery', 33.3],
      // 25 / 22 − 1
      ['Bring MQL to SQL to target', 13.6],
      // (1 − 60/150) × 18,000 / 92,500
      ['Shift budget from Inbound website to Referrals', 11.7],
      // lower is better: 33 / 30 − 1
      ['Bring Cycle days to target', 10],
      // (1 − 60/900) × 9,000 / 92,500
      ['Shift budget from Trade shows to Referrals', 9.1],
      // 50 / 46 − 1
      ['Bring SQL to Opp to target', 8.7],
      // on target but fell: (24 / 21 − 1) ÷ 2
      ['Stop the slide in Close Rate', 7.1],
    ]);
    expect(ranked.find((r) => r.title === 'Unblock Discovery')?.detail).toContain(
      'Map the pain before demoing.',
    );
    expect(ranked.find((r) => r.title === 'Bring MQL to SQL to target')?.detail).toContain('within an hour');
  });

  it('recommends nothing when everything is on target and steady', () => {
    const steady = analyzeConversion([{ name: 'Close Rate', target: 20, current: 22, previous: 22 }]);
    expect(
      recommend({
        metrics: steady,
        bottlenecks: [{ stage: 'Proposal', conversion: 65, target: 60 }],
        cycle: { currentDays: 30, targetDays: 45 },
        sources: [{ name: 'Referrals', volumePerMonth: 10, quality: 'high', cac: 60 }],
      }),
    ).toEqual([]);
  });

  it('caps the impact at 100 when a step converts nothing yet', () => {
    const [top] = recommend({
      metrics: analyzeConversion([{ name: 'Demo show rate', target: 70, current: 0 }]),
    });
    expect(top).toMatchObject({ title: 'Bring Demo show rate to target', impact: 100 });
    expect(top?.detail).toContain('exit criteria');
  });

  it('does not send budget to a cheaper source of lower quality', () => {
    const recs = recommend({
      metrics: [],
      sources: [
        { name: 'Referrals', volumePerMonth: 20, quality: 'high', cac: 400 },
        { name: 'Purchased list', volumePerMonth: 500, quality: 'low', cac: 10 },
      ],
    });
    expect(recs).toEqual([]);
  });
});

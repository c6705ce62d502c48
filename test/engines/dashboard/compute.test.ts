import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../src/engines/dashboard/index.js';
import { DEALS, LEADS, NOW, SEED } from './fixtures.js';

describe('computeDashboard on a hand-made table of ten deals', () => {
  const dashboard = computeDashboard({ stages: SEED, deals: DEALS, now: NOW, quota: 150_000 });

  it('counts open, won and lost deals', () => {
    expect(dashboard.counts).toEqual({ deals: 10, open: 4, won: 4, lost: 2 });
  });

  it('closes 4 of 6 closed deals and averages 25,000 per won deal', () => {
    expect(dashboard.closeRate).toBeCloseTo((100 * 4) / 6, 10);
    expect(dashboard.averageDeal).toBe(25_000); // (10k + 20k + 30k + 40k) / 4
  });

  it('takes the median of the won cycles 20, 35, 40, 40 days: 37.5', () => {
    expect(dashboard.cycle).toEqual({ medianDays: 37.5, sample: 4 });
  });

  it('weights the open pipeline by stage probability', () => {
    // 50k·60% + 25k·60% + 60k·80% + 5k·10% = 30,000 + 15,000 + 48,000 + 500
    expect(dashboard.pipeline.weighted).toBeCloseTo(93_500, 6);
    expect(dashboard.pipeline.open).toBe(140_000);
  });

  it('measures coverage against the quota left this quarter and needs 1 ÷ win rate', () => {
    // Q4 2026 wins: won3 (11 Oct, 30k) and won4 (5 Nov, 40k); won1 and won2 closed in Q3.
    expect(dashboard.quota).toEqual({
      amount: 150_000,
      period: { start: '2026-10-01', end: '2027-01-01' },
      won: 70_000,
      remaining: 80_000,
      coverage: 1.8, // 140,000 / 80,000 = 1.75
      gap: 0, // 1.5 × 80,000 = 120,000 ≤ 140,000
      covered: true,
    });
    expect(dashboard.neededCoverage).toBe(1.5); // 1 / (4/6)
  });

  it('computes velocity as open deals × win rate × average deal ÷ cycle days', () => {
    expect(dashboard.velocity).toBeCloseTo((4 * (4 / 6) * 25_000) / 37.5, 8); // ≈ 1,777.78 per day
  });

  it('shows the funnel of the stages reached and the conversion from stage to stage', () => {
    expect(dashboard.funnel.map((r) => [r.stage, r.reached, r.percent])).toEqual([
      ['Lead', 10, 100],
      ['Qualified', 8, 80],
      ['Discovery', 8, 80],
      ['Proposal', 8, 80],
      ['Negotiation', 5, 50],
      ['Closed Won', 4, 40],
    ]);
    expect(dashboard.conversion.map((s) => s.percent)).toEqual([80, 100, 100, 62.5, 80]);
  });

  it('reports p50 and p90 days in stage from completed stays', () => {
    const proposal = dashboard.timeInStage.find((t) => t.stage === 'Proposal');
    // stays 5, 10, 20, 30, 30: median 20, p90 at rank 3.6 → 30
    expect(proposal).toMatchObject({ sample: 5, median: 20, p90: 30 });
  });

  it('flags the deal in Proposal past the p90 of 30 days, with its owner, and not the younger ones', () => {
    expect(dashboard.stuck).toEqual([
      {
        id: 'open1',
        stage: 'Proposal',
        owner: 'U0ABCDEF1',
        account: 'Acme & Sons',
        amount: 50_000,
        days: 53.4, // 1 Oct → 23 Nov 09:00
        p90: 30,
      },
    ]);
  });

  it('puts the top bottleneck where the most money was lost: Proposal', () => {
    // Proposal: 1 lost × 100% won after it × 25k = 25k; Lead: 1 lost × 80% (4 of 5) × 25k = 20k.
    expect(dashboard.bottlenecks.map((b) => [b.stage, b.moneyLost])).toEqual([
      ['Proposal', 25_000],
      ['Lead', 20_000],
      ['Qualified', 0],
      ['Discovery', 0],
      ['Negotiation', 0],
    ]);
    expect(dashboard.topBottleneck?.stage).toBe('Proposal');
    expect(dashboard.topBottleneck?.issues.length).toBeGreaterThan(0);
  });

  it('shows configured against observed probabilities', () => {
    const rows = dashboard.probabilities.map((p) => [p.stage, p.configured, p.observed]);
    expect(rows.slice(0, 5)).toEqual([
      ['Lead', 10, 66.7], // 4 won of 6 closed
      ['Qualified', 25, 80], // 4 of 5
      ['Discovery', 40, 80],
      ['Proposal', 60, 80],
      ['Negotiation', 80, 100], // 4 of 4
    ]);
  });

  it('leaves MQL to SQL and SQL to Opp unknown without leads, never zero', () => {
    expect(dashboard.leads).toBeUndefined();
  });

  it('computes MQL to SQL and SQL to Opp from leads when given', () => {
    const withLeads = computeDashboard({ stages: SEED, deals: DEALS, now: NOW, leads: LEADS });
    // MQL: l2 l3 l4 l5 l6 (5); SQL: l3 l4 l5 l6 (4); opportunity: l4 l6 (2)
    expect(withLeads.leads).toEqual({ leads: 7, mql: 5, sql: 4, opportunity: 2, mqlToSql: 80, sqlToOpp: 50 });
  });

  it('has no coverage without a quota but still says what coverage the win rate needs', () => {
    const noQuota = computeDashboard({ stages: SEED, deals: DEALS, now: NOW });
    expect(noQuota.quota).toBeUndefined();
    expect(noQuota.neededCoverage).toBe(1.5);
  });

  it('has no close rate, average, velocity or needed coverage before any deal closed', () => {
    const open = DEALS.filter((d) => d.status === 'open');
    const early = computeDashboard({ stages: SEED, deals: open, now: NOW });
    expect(early.closeRate).toBeUndefined();
    expect(early.averageDeal).toBeUndefined();
    expect(early.velocity).toBeUndefined();
    expect(early.neededCoverage).toBeUndefined();
    expect(early.cycle).toEqual({ sample: 0 });
  });

  it('counts a quota period given explicitly instead of the quarter', () => {
    const year = computeDashboard({
      stages: SEED,
      deals: DEALS,
      now: NOW,
      quota: 150_000,
      period: { start: '2026-01-01', end: '2027-01-01' },
    });
    expect(year.quota?.won).toBe(100_000);
    expect(year.quota?.coverage).toBe(2.8); // 140,000 / 50,000
  });

  it('refuses a quota of zero or less', () => {
    expect(() => computeDashboard({ stages: SEED, deals: DEALS, now: NOW, quota: 0 })).toThrow(/quota/);
  });
});

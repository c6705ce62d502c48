import { describe, expect, it } from 'vitest';
import { resolveIntake } from '../../../src/engines/intake.js';
import {
  HEALTH_PARTS,
  healthInputsFromDeals,
  healthInputsFromIntake,
  pipelineHealth,
} from '../../../src/engines/pipeline/index.js';
import { InputError } from '../../../src/errors.js';
import { deal, SEED } from './fixtures.js';

describe('pipelineHealth', () => {
  it('scores intake figures alone: conversion, close rate and cycle, reweighted', () => {
    const health = pipelineHealth({
      conversion: { current: 12, target: 15 },
      closeRate: { current: 20, target: 25 },
      cycle: { days: 45, targetDays: 30 },
    });
    // Missed targets score 6 × share: (0.25·4.8 + 0.20·4.8 + 0.15·4) ÷ 0.60 = 4.6
    expect(health.score).toBe(4.6);
    expect(health.parts).toEqual([
      { name: 'Conversion vs target', weight: 0.42, value: 4.8, detail: '12% against a target of 15%' },
      { name: 'Close rate vs target', weight: 0.33, value: 4.8, detail: '20% against a target of 25%' },
      { name: 'Speed', weight: 0.25, value: 4, detail: '45-day cycle against 30 days' },
    ]);
  });

  it('never gives 7 or more to a business that misses every target, however narrowly', () => {
    const health = pipelineHealth({
      conversion: { current: 14.9, target: 15 },
      closeRate: { current: 24.9, target: 25 },
      coverage: { openPipeline: 399, remainingQuota: 100, winRate: 25 },
      cycle: { days: 31, targetDays: 30 },
    });
    expect(health.score).toBeLessThan(7);
  });

  it.each([
    [
      'everything at or above target scores 10',
      {
        conversion: { current: 20, target: 15 },
        closeRate: { current: 30, target: 25 },
        coverage: { openPipeline: 500, remainingQuota: 100, winRate: 25 },
        cycle: { days: 20, targetDays: 30 },
        stuck: { stuck: 0, open: 10 },
        freshness: { fresh: 10, open: 10 },
      },
      10,
    ],
    [
      'half the coverage needed scores 3 (a missed target scores 6 × share)',
      { coverage: { openPipeline: 200, remainingQuota: 100, winRate: 25 } },
      3,
    ],
    ['a met quota scores 10', { coverage: { openPipeline: 0, remainingQuota: 0, winRate: 25 } }, 10],
    ['no wins leave coverage at 0', { coverage: { openPipeline: 900, remainingQuota: 100, winRate: 0 } }, 0],
    ['one deal in ten stuck scores 8', { stuck: { stuck: 1, open: 10 } }, 8],
    ['half the deals stuck scores 0', { stuck: { stuck: 5, open: 10 } }, 0],
    ['seven fresh deals in ten score 7', { freshness: { fresh: 7, open: 10 } }, 7],
    [
      'velocity down a fifth scores 8, ahead of the cycle',
      { velocity: { current: 800, previous: 1000 }, cycle: { days: 90, targetDays: 30 } },
      8,
    ],
    ['a zero target counts as met', { conversion: { current: 0, target: 0 } }, 10],
  ])('%s', (_, inputs, score) => {
    expect(pipelineHealth(inputs).score).toBe(score);
  });

  it('reports weights that add up to 1 (to rounding) and a score equal to the weighted parts', () => {
    const health = pipelineHealth({
      conversion: { current: 9, target: 12 },
      coverage: { openPipeline: 250, remainingQuota: 100, winRate: 20 },
      stuck: { stuck: 2, open: 20 },
    });
    const total = health.parts.reduce((sum, p) => sum + p.weight, 0);
    expect(Math.abs(total - 1)).toBeLessThanOrEqual(0.02);
    const weighted = health.parts.reduce((sum, p) => sum + p.weight * p.value, 0);
    expect(Math.abs(weighted - health.score)).toBeLessThan(0.1);
  });

  it('leaves out parts with no open deals to judge', () => {
    expect(
      pipelineHealth({ conversion: { current: 15, target: 15 }, stuck: { stuck: 0, open: 0 } }).parts,
    ).toHaveLength(1);
  });

  it('refuses to score without any figure', () => {
    expect(() => pipelineHealth({})).toThrow(InputError);
  });

  it('has weights that add up to 1 when every part applies', () => {
    expect(HEALTH_PARTS.reduce((sum, p) => sum + p.weight, 0)).toBeCloseTo(1, 10);
  });
});

describe('healthInputsFromIntake', () => {
  it("uses the team's current figures and its segment's cycle benchmark", () => {
    const intake = resolveIntake({
      business: 'Acme',
      model: 'inside',
      deal: { averageSize: 8_000 },
      cycle: { averageDays: 45 },
      conversion: { current: 12, target: 15 },
      metrics: { closeRate: { current: 20, target: 25 } },
    });
    expect(healthInputsFromIntake(intake)).toEqual({
      cycle: { days: 45, targetDays: 30 },
      conversion: { current: 12, target: 15 },
      closeRate: { current: 20, target: 25 },
    });
  });

  it('still scores when the team gave no current figures', () => {
    const intake = resolveIntake({ business: 'Acme', model: 'field' });
    const inputs = healthInputsFromIntake(intake);
    expect(inputs).toEqual({ cycle: { days: 120, targetDays: 90 } });
    // A 120-day cycle against a 90-day benchmark is a missed target: 6 × 90 ÷ 120 = 4.5
    expect(pipelineHealth(inputs).score).toBe(4.5);
  });
});

describe('healthInputsFromDeals', () => {
  const deals = [
    deal('w1', 'Closed Won', 'won', { amount: 1_000, createdAt: '2025-01-01', closedAt: '2025-01-21' }),
    deal('w2', 'Closed Won', 'won', { amount: 1_000, createdAt: '2025-01-01', closedAt: '2025-02-10' }),
    deal('l1', 'Closed Lost', 'lost', { createdAt: '2025-01-01', closedAt: '2025-01-15' }),
    deal('o1', 'Proposal', 'open', { amount: 4_000, history: [['Proposal', '2025-02-20']] }),
    deal('o2', 'Qualified', 'open', { amount: 2_000, history: [['Qualified', '2025-01-02']] }),
    deal('o3', 'Lead', 'open', { amount: 2_000, createdAt: '2025-02-25', expectedCloseDate: '2025-02-28' }),
    deal('o4', 'Lead', 'open'),
  ];

  it('derives close rate, coverage, cycle, stuck share and freshness', () => {
    const inputs = healthInputsFromDeals(SEED, deals, {
      now: '2025-03-01',
      closeRateTarget: 50,
      remainingQuota: 4_000,
      cycleTargetDays: 20,
    });
    expect(inputs.closeRate?.current).toBeCloseTo(66.667, 2);
    expect(inputs.coverage).toEqual({ openPipeline: 8_000, remainingQuota: 4_000, winRate: (2 / 3) * 100 });
    expect(inputs.cycle).toEqual({ days: 30, targetDays: 20 });
    expect(inputs.stuck).toEqual({ stuck: 0, open: 4 });
    // o1 moved 9 days ago; o2 is stale, o3 is past its close date, o4 has no date at all.
    expect(inputs.freshness).toEqual({ fresh: 1, open: 4 });
  });

  it('leaves out what needs a target or a quota that was not given', () => {
    const inputs = healthInputsFromDeals(SEED, deals, { now: '2025-03-01' });
    expect(Object.keys(inputs).sort()).toEqual(['freshness', 'stuck']);
  });
});

import { describe, expect, it } from 'vitest';
import { buildIcpStep, ICP_FIELDS, parseIcpStep } from '../../../src/views/intake/icp-step.js';
import { ACTION_IDS, BLOCK_IDS, INTAKE_NAV_BLOCK_ID } from '../../../src/views/intake/index.js';
import { acmeDraft, ctx } from './drafts.js';
import { initialOf, inputsOf, stateOf } from './state.js';

describe('ICP step', () => {
  it('pre-fills lists as comma-separated or one-per-line text and ranges as numbers', () => {
    const view = buildIcpStep(acmeDraft(), ctx(2));
    expect(initialOf(view, 'industries')).toBe('B2B SaaS, Fintech, Logistics');
    expect(initialOf(view, 'sizeMin')).toBe('200');
    expect(initialOf(view, 'sizeMax')).toBe('2000');
    expect(initialOf(view, 'revenueMin')).toBe('20000000');
    expect(initialOf(view, 'revenueMax')).toBe('250000000');
    expect(initialOf(view, 'geography')).toBe('North America, United Kingdom');
    expect(initialOf(view, 'painPoints')?.split('\n')).toHaveLength(3);
    expect(initialOf(view, 'buyingTriggers')).toBe(
      'New VP of Sales or RevOps hire\nSeries B or later funding round',
    );
  });

  it('uses the exported ids, a short title and a Back button', () => {
    const view = buildIcpStep({}, ctx(2));
    const inputs = inputsOf(view);
    expect(inputs.map((b) => b.block_id)).toEqual(ICP_FIELDS.map((f) => BLOCK_IDS[f]));
    expect(inputs.map((b) => ('action_id' in b.element ? b.element.action_id : ''))).toEqual(
      ICP_FIELDS.map((f) => ACTION_IDS[f]),
    );
    expect(view.title.text).toBe('Sales design · 2/5');
    expect(view.blocks.some((b) => b.block_id === INTAKE_NAV_BLOCK_ID)).toBe(true);
  });

  it('parses lists, ranges and money shorthands', () => {
    const result = parseIcpStep(
      stateOf({
        industries: 'B2B SaaS, , Fintech,',
        sizeMin: '50',
        sizeMax: '1,000',
        revenueMin: '$5m',
        revenueMax: '1.5bn',
        geography: 'DACH',
        painPoints: '- Slow forecasts\n\n• Messy CRM\n',
      }),
    );
    expect(result).toEqual({
      ok: true,
      data: {
        icp: {
          industries: ['B2B SaaS', 'Fintech'],
          companySize: { min: 50, max: 1000 },
          annualRevenue: { min: 5_000_000, max: 1_500_000_000 },
          geography: ['DACH'],
          painPoints: ['Slow forecasts', 'Messy CRM'],
        },
      },
    });
  });

  it.each([
    [{ sizeMin: '500', sizeMax: '50' }, 'sizeMin', /larger than the largest; swap them/],
    [{ revenueMin: '10m', revenueMax: '1m' }, 'revenueMin', /larger than the largest/],
    [{ sizeMin: '10' }, 'sizeMax', /Enter the largest company size too, or clear both/],
    [{ revenueMax: '1m' }, 'revenueMin', /Enter the smallest annual revenue too/],
    [{ sizeMin: '12.5', sizeMax: '50' }, 'sizeMin', /Enter a whole number of employees, such as 200/],
    [{ sizeMin: '-3', sizeMax: '50' }, 'sizeMin', /between 0 and/],
    [{ revenueMin: 'a lot', revenueMax: '1m' }, 'revenueMin', /could not read 'a lot' as an amount; try 50k/],
    [{ painPoints: 'x'.repeat(201) }, 'painPoints', /200 characters/],
  ] as const)('returns an inline error for %j under its block', (values, field, message) => {
    const result = parseIcpStep(stateOf(values));
    if (result.ok) throw new Error('expected errors');
    expect(Object.keys(result.errors)).toEqual([BLOCK_IDS[field]]);
    expect(result.errors[BLOCK_IDS[field]]).toMatch(message);
  });

  it('checks a range even when another field of the step is wrong, so all problems show at once', () => {
    const result = parseIcpStep(
      stateOf({ sizeMin: '500', sizeMax: '50', revenueMin: 'lots', revenueMax: '1m' }),
    );
    expect(result.ok ? [] : Object.keys(result.errors).sort()).toEqual(
      [BLOCK_IDS.revenueMin, BLOCK_IDS.sizeMin].sort(),
    );
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { resolveIntake } from '../../src/engines/intake.js';
import { InputError } from '../../src/errors.js';

function problems(raw: unknown): string[] {
  try {
    resolveIntake(raw);
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

describe('resolveIntake', () => {
  it('makes no assumptions for the complete example', () => {
    const intake = resolveIntake(parse(readFileSync('examples/acme.yml', 'utf8')));
    expect(intake.assumptions).toEqual([]);
    expect(intake.deal).toEqual({ averageSize: 42000, segment: 'mid-market', motion: 'consultative' });
  });

  it('fills every missing field for the minimal example and records each default', () => {
    const intake = resolveIntake(parse(readFileSync('examples/minimal.yml', 'utf8')));
    const paths = intake.assumptions.map((a) => a.path);
    expect(paths).toContain('deal.averageSize');
    expect(paths).toContain('icp.industries');
    expect(paths).toContain('leadSources');
    expect(intake.deal.segment).toBe('smb');
    expect(intake.metrics.closeRate.current).toBeUndefined();
  });

  it.each([
    [{ model: 'inside' }, ['business: is required']],
    [{ business: 'A', model: 'online' }, ['model: must be one of inside, field, hybrid']],
    [
      { business: 'A', model: 'inside', conversion: { target: 120 } },
      ['conversion.target: must be at most 100 (a percentage, such as 25)'],
    ],
    [
      {
        business: 'A',
        model: 'inside',
        leadSources: [{ name: 'Web', volumePerMonth: -5, quality: 'high', cac: 10 }],
      },
      ['leadSources[0].volumePerMonth: must be 0 or more'],
    ],
    [
      { business: 'A', model: 'inside', icp: { companySize: { min: 500, max: 50 } } },
      ['icp.companySize.min: min must not be larger than max'],
    ],
    [
      { business: 'A', model: 'inside', framwork: 'bant' },
      ['framwork: is not a known field; check its spelling or remove it'],
    ],
    [
      { business: 'A', model: 'inside', framework: 'spiced' },
      [expect.stringMatching(/^framework: must be one of bant, meddic/)],
    ],
    [
      { business: 'A', model: 'inside', holidays: ['25/12/2026'] },
      ['holidays[0]: must be a date written YYYY-MM-DD'],
    ],
  ])('refuses %o naming the field and the fix', (raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('reports every problem at once, not only the first', () => {
    expect(problems({ model: 'x', cycle: { averageDays: 0 } })).toHaveLength(3);
  });
});

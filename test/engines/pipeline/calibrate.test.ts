import { describe, expect, it } from 'vitest';
import { calibrateProbabilities, withCalibratedProbabilities } from '../../../src/engines/pipeline/index.js';
import { InputError } from '../../../src/errors.js';
import { deal, SEED } from './fixtures.js';

// Two won, one lost at Proposal, one lost at Lead, one still open (left out of every figure).
const DEALS = [
  deal('w1', 'Closed Won', 'won'),
  deal('w2', 'Closed Won', 'won'),
  deal('l1', 'Proposal', 'lost'),
  deal('l2', 'Closed Lost', 'lost'),
  deal('o1', 'Negotiation', 'open'),
];

describe('calibrateProbabilities', () => {
  it('shows configured and observed side by side and shrinks toward the configured value', () => {
    const rows = calibrateProbabilities(SEED, DEALS);
    expect(rows.map((r) => [r.stage, r.configured, r.observed, r.sample, r.calibrated])).toEqual([
      // calibrated = (won + 20·p0) ÷ (closed + 20)
      ['Lead', 10, 50, 4, 16.7], // (2 + 2) / 24
      ['Qualified', 25, 66.7, 3, 30.4], // (2 + 5) / 23
      ['Discovery', 40, 66.7, 3, 43.5], // (2 + 8) / 23
      ['Proposal', 60, 66.7, 3, 60.9], // (2 + 12) / 23
      ['Negotiation', 80, 100, 2, 81.8], // (2 + 16) / 22
      ['Closed Won', 100, 100, 2, 100],
      ['Closed Lost', 0, 0, 2, 0],
    ]);
  });

  it('follows the data alone with a prior strength of 0', () => {
    const rows = calibrateProbabilities(SEED, DEALS, { priorStrength: 0 });
    expect(rows.map((r) => r.calibrated)).toEqual([50, 66.7, 66.7, 66.7, 100, 100, 0]);
  });

  it('keeps the configured probability and shows no observed rate when nothing has closed', () => {
    const rows = calibrateProbabilities(SEED, [deal('o', 'Proposal', 'open')], { priorStrength: 0 });
    expect(rows.map((r) => r.calibrated)).toEqual([10, 25, 40, 60, 80, 100, 0]);
    expect(rows.every((r) => r.observed === undefined && r.sample === 0)).toBe(true);
  });

  it('refuses a negative prior strength', () => {
    expect(() => calibrateProbabilities(SEED, DEALS, { priorStrength: -1 })).toThrow(InputError);
  });
});

describe('withCalibratedProbabilities', () => {
  it('puts the calibrated values into the stages', () => {
    const stages = withCalibratedProbabilities(SEED, calibrateProbabilities(SEED, DEALS));
    expect(stages.map((s) => s.probability)).toEqual([16.7, 30.4, 43.5, 60.9, 81.8, 100, 0]);
    expect(stages[1]?.exitCriteria).toBe(SEED[1]?.exitCriteria);
  });
});

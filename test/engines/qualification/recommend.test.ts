import { describe, expect, it } from 'vitest';
import { type RecommendInput, recommendFramework } from '../../../src/engines/qualification/index.js';
import type { FrameworkId } from '../../../src/engines/types.js';
import { InputError } from '../../../src/errors.js';

describe('recommendFramework', () => {
  it('recommends MEDDIC for enterprise deals and says which facts decided it', () => {
    expect(
      recommendFramework({
        model: 'field',
        averageDealSize: 90_000,
        segment: 'enterprise',
        motion: 'complex',
      }),
    ).toEqual({
      framework: 'meddic',
      reason:
        'Enterprise deals averaging $90,000 with a field team: MEDDIC tracks the economic buyer and decision process that long cycles depend on',
    });
  });

  it.each<[string, RecommendInput, FrameworkId, string]>([
    [
      'SMB deals',
      { model: 'inside', averageDealSize: 8_000, segment: 'smb' },
      'bant',
      'SMB deals averaging $8,000 with an inside sales team',
    ],
    [
      'enterprise deals of $400,000',
      { model: 'field', averageDealSize: 400_000, segment: 'enterprise' },
      'meddpicc',
      'Enterprise deals averaging $400,000',
    ],
    [
      'enterprise read from a $150,000 deal size',
      { model: 'hybrid', averageDealSize: 150_000 },
      'meddic',
      'Enterprise deals averaging $150,000 with a hybrid team',
    ],
    [
      'complex mid-market deals',
      { model: 'field', averageDealSize: 90_000, motion: 'complex' },
      'challenger',
      'Complex mid-market deals averaging $90,000 with a field team',
    ],
    [
      'relationship selling',
      { model: 'hybrid', averageDealSize: 30_000, motion: 'relationship' },
      'sandler',
      'Relationship mid-market deals',
    ],
    [
      'consultative selling',
      { model: 'hybrid', averageDealSize: 42_000, segment: 'mid-market', motion: 'consultative' },
      'spin',
      'Consultative mid-market deals',
    ],
    [
      'consultative SMB selling',
      { model: 'inside', averageDealSize: 9_000, motion: 'consultative' },
      'spin',
      'Consultative SMB deals',
    ],
    [
      'transactional mid-market deals',
      { model: 'inside', averageDealSize: 20_000, motion: 'transactional' },
      'bant',
      'Mid-market deals averaging $20,000',
    ],
    [
      'a field team with no motion',
      { model: 'field', averageDealSize: 50_000 },
      'meddic',
      'Mid-market deals averaging $50,000 with a field team',
    ],
    [
      'a hybrid team with no motion',
      { model: 'hybrid', averageDealSize: 50_000 },
      'spin',
      'with a hybrid team',
    ],
    [
      'an inside team with no motion',
      { model: 'inside', averageDealSize: 50_000 },
      'bant',
      'with an inside sales team',
    ],
  ])('recommends for %s', (_case, input, framework, reasonStart) => {
    const result = recommendFramework(input);
    expect(result.framework).toBe(framework);
    expect(result.reason).toContain(reasonStart);
  });

  it('explains with the name of the framework it picked', () => {
    const { framework, reason } = recommendFramework({
      model: 'hybrid',
      averageDealSize: 30_000,
      motion: 'relationship',
    });
    expect(framework).toBe('sandler');
    expect(reason).toMatch(/: Sandler/);
  });

  it.each([-1, Number.NaN])('rejects an average deal size of %s', (averageDealSize) => {
    expect(() => recommendFramework({ model: 'inside', averageDealSize })).toThrow(InputError);
  });
});

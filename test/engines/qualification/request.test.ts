import { describe, expect, it } from 'vitest';
import { parseQualifyRequest, qualify } from '../../../src/engines/qualification/index.js';
import { InputError } from '../../../src/errors.js';

function problemsOf(raw: unknown) {
  try {
    parseQualifyRequest(raw);
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseQualifyRequest', () => {
  it('reads answers written as a level, as points or as { level, evidence }', () => {
    const request = parseQualifyRequest({
      framework: 'MEDDIC',
      lead: ' Globex ',
      answers: {
        champion: 2,
        metrics: 'validated',
        economic_buyer: { level: 'confirmed', evidence: 'CFO signed the case' },
      },
    });
    expect(request).toEqual({
      framework: 'meddic',
      lead: 'Globex',
      answers: {
        champion: { level: '2' },
        metrics: { level: 'validated' },
        economic_buyer: { level: 'confirmed', evidence: 'CFO signed the case' },
      },
    });
    expect(qualify(request).score).toBe(7);
  });

  it('defaults to no answers', () => {
    expect(parseQualifyRequest({ framework: 'bant' }).answers).toEqual({});
  });

  it('carries lead facts, now and the stale limit through to the verdict', () => {
    const request = parseQualifyRequest({
      framework: 'bant',
      answers: { budget: 'confirmed', authority: 'confirmed', need: 'confirmed' },
      facts: { lastActivityAt: '2025-01-01' },
      now: '2025-01-20T00:00:00Z',
      staleAfterDays: 30,
    });
    expect(qualify(request).verdict).toBe('qualified');
    expect(qualify({ ...request, staleAfterDays: 14 }).verdict).toBe('disqualified');
  });

  it.each([
    [
      'an unknown framework',
      { framework: 'bnat' },
      'framework',
      'must be one of bant, meddic, meddpicc, spin, sandler, challenger',
    ],
    [
      'a missing framework',
      { answers: {} },
      'framework',
      'must be one of bant, meddic, meddpicc, spin, sandler, challenger',
    ],
    [
      'an answer that is a list',
      { framework: 'bant', answers: { budget: ['confirmed'] } },
      'answers.budget',
      'must be a level, or { level, evidence }',
    ],
    [
      'a fact that is not true or false',
      { framework: 'bant', facts: { competitor: 'yes' } },
      'facts.competitor',
      'must be true or false',
    ],
    [
      'a stale limit of half a day',
      { framework: 'bant', staleAfterDays: 0.5 },
      'staleAfterDays',
      'must be a whole number of days',
    ],
  ])('rejects %s', (_case, raw, path, message) => {
    expect(problemsOf(raw)).toContainEqual({ path, message });
  });

  it('rejects keys it does not know', () => {
    expect(problemsOf({ framework: 'bant', facts: { rich: true } }).map((p) => p.path)).toEqual([
      'facts.rich',
    ]);
    expect(problemsOf({ framework: 'bant', anwsers: {} }).map((p) => p.path)).toEqual(['anwsers']);
  });
});

import { describe, expect, it } from 'vitest';
import type { Design } from '../../../src/engines/design.js';
import { FRAMEWORKS, getFramework, qualificationSummary } from '../../../src/engines/qualification/index.js';
import { listNames } from '../../../src/engines/qualification/summary.js';

describe('qualificationSummary', () => {
  it('gives the blueprint BANT criteria and a minimum of 3/4 with no extra conditions', () => {
    const summary = qualificationSummary(getFramework('bant'));
    expect(summary.framework).toBe('bant');
    expect(summary.frameworkName).toBe('BANT');
    expect(summary.criteria.map((c) => c.name)).toEqual(['Budget', 'Authority', 'Need', 'Timeline']);
    expect(summary.criteria[0]?.requirement).toBe('Approved budget ≥ deal size or a path to one');
    expect(summary.minimum).toEqual({ score: 3, max: 4 });
    expect(summary.conditions).toEqual([]);
  });

  it.each([
    ['meddic', { score: 12, max: 18 }, ['Economic buyer and Champion at 2 or more (Validated)']],
    ['meddpicc', { score: 16, max: 24 }, ['Economic buyer and Champion at 2 or more (Validated)']],
    ['spin', { score: 6, max: 8 }, ['Implication and Need-payoff at 2 or more (Fully covered)']],
    [
      'sandler',
      { score: 9, max: 11 },
      ['Pain at 4 or more (Personal impact)', 'Budget and Decision at 2 or more (Confirmed)'],
    ],
    ['challenger', { score: 6, max: 9 }, ['Teach and Take control at 2 or more']],
  ])('states the %s minimum %j and its conditions', (id, minimum, conditions) => {
    const summary = qualificationSummary(getFramework(id));
    expect(summary.minimum).toEqual(minimum);
    expect(summary.conditions).toEqual(conditions);
  });

  it('fits the blueprint view model once a reason is added', () => {
    for (const framework of FRAMEWORKS) {
      const section: Design['qualification'] = {
        ...qualificationSummary(framework),
        reason: 'chosen by the team',
      };
      expect(section.criteria).toHaveLength(framework.criteria.length);
      expect(section.criteria.every((c) => c.questions.length >= 2)).toBe(true);
    }
  });

  it('accepts a framework id as well as a framework', () => {
    expect(qualificationSummary('spin')).toEqual(qualificationSummary(getFramework('spin')));
  });

  it('copies the questions so the blueprint cannot change the rubric', () => {
    const summary = qualificationSummary(getFramework('bant'));
    summary.criteria[0]?.questions.push('Changed?');
    expect(getFramework('bant').criteria[0]?.questions).toHaveLength(3);
  });
});

describe('listNames', () => {
  it.each([
    [[], ''],
    [['Pain'], 'Pain'],
    [['Budget', 'Decision'], 'Budget and Decision'],
    [['Teach', 'Tailor', 'Take control'], 'Teach, Tailor and Take control'],
  ])('joins %j as "%s"', (names, text) => {
    expect(listNames(names)).toBe(text);
  });
});

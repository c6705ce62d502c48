import { describe, expect, it } from 'vitest';
import {
  FRAMEWORKS,
  type Framework,
  findLevel,
  frameworkProblems,
  getFramework,
  levelChoices,
  startingLevel,
} from '../../../src/engines/qualification/index.js';
import { FRAMEWORK_IDS } from '../../../src/engines/types.js';
import { InputError } from '../../../src/errors.js';

function criterion(frameworkId: string, criterionId: string) {
  const found = getFramework(frameworkId).criteria.find((c) => c.id === criterionId);
  if (!found) throw new Error(`no ${criterionId} in ${frameworkId}`);
  return found;
}

describe('FRAMEWORKS', () => {
  it('offers one framework per id, in the order of FRAMEWORK_IDS', () => {
    expect(FRAMEWORKS.map((f) => f.id)).toEqual([...FRAMEWORK_IDS]);
  });

  it.each(FRAMEWORKS.map((f) => [f.id, f] as const))('%s is a consistent rubric', (_id, framework) => {
    expect(frameworkProblems(framework)).toEqual([]);
    expect(framework.version).toBe('1.0.0');
  });

  it.each([
    ['bant', ['budget', 'authority', 'need', 'timeline'], 3, 4, []],
    [
      'meddic',
      ['metrics', 'economic_buyer', 'decision_criteria', 'decision_process', 'identify_pain', 'champion'],
      12,
      18,
      [
        ['economic_buyer', 2],
        ['champion', 2],
      ],
    ],
    [
      'meddpicc',
      [
        'metrics',
        'economic_buyer',
        'decision_criteria',
        'decision_process',
        'paper_process',
        'identify_pain',
        'champion',
        'competition',
      ],
      16,
      24,
      [
        ['economic_buyer', 2],
        ['champion', 2],
      ],
    ],
    [
      'spin',
      ['situation', 'problem', 'implication', 'need_payoff'],
      6,
      8,
      [
        ['implication', 2],
        ['need_payoff', 2],
      ],
    ],
    [
      'sandler',
      ['up_front_contract', 'pain', 'budget', 'decision'],
      9,
      11,
      [
        ['pain', 4],
        ['budget', 2],
        ['decision', 2],
      ],
    ],
    [
      'challenger',
      ['teach', 'tailor', 'take_control'],
      6,
      9,
      [
        ['teach', 2],
        ['take_control', 2],
      ],
    ],
  ] as const)('%s has criteria %j and qualifies at %i of %i', (id, criteria, min, max, required) => {
    const framework = getFramework(id);
    expect(framework.criteria.map((c) => c.id)).toEqual(criteria);
    expect(framework.rule.minScore).toBe(min);
    expect(framework.rule.maxScore).toBe(max);
    expect(framework.rule.required.map((r) => [r.criterion, r.minPoints])).toEqual(required);
  });

  it('scores BANT criteria confirmed, partial, unknown or red flag, counting only confirmed', () => {
    for (const c of getFramework('bant').criteria) {
      expect(c.levels.map((l) => [l.id, l.points])).toEqual([
        ['red_flag', 0],
        ['unknown', 0],
        ['partial', 0],
        ['confirmed', 1],
      ]);
    }
  });

  it.each([
    ['budget', 'no-budget'],
    ['authority', 'no-economic-buyer'],
    ['need', 'no-pain'],
    ['timeline', 'no-pain'],
  ])('makes a BANT %s red flag fire the %s trigger', (id, trigger) => {
    expect(criterion('bant', id).levels.find((l) => l.id === 'red_flag')?.disqualifies).toBe(trigger);
  });

  it('scores MEDDIC letters 0 unknown, 1 identified, 2 validated, 3 confirmed with evidence', () => {
    expect(criterion('meddic', 'metrics').levels.map((l) => [l.id, l.label, l.points])).toEqual([
      ['unknown', 'Unknown', 0],
      ['identified', 'Identified', 1],
      ['validated', 'Validated', 2],
      ['confirmed', 'Confirmed with evidence', 3],
    ]);
  });

  it('walks the Sandler pain funnel from surface problem to willingness to fix', () => {
    expect(criterion('sandler', 'pain').levels.map((l) => l.id)).toEqual([
      'no_pain',
      'not_explored',
      'surface',
      'cost',
      'tried',
      'personal',
      'willing',
    ]);
  });

  it('gives every criterion 2 to 4 questions and a one-line requirement', () => {
    for (const c of FRAMEWORKS.flatMap((f) => f.criteria)) {
      expect(c.questions.length).toBeGreaterThanOrEqual(2);
      expect(c.questions.length).toBeLessThanOrEqual(4);
      expect(c.requirement).not.toContain('\n');
      expect(c.requirement.length).toBeLessThanOrEqual(80);
    }
  });
});

describe('getFramework', () => {
  it('finds a framework whatever its case', () => {
    expect(getFramework(' MEDDPICC ').id).toBe('meddpicc');
  });

  it('rejects an unknown id, naming every valid one', () => {
    expect(() => getFramework('bnat')).toThrow(InputError);
    try {
      getFramework('bnat', '--framework');
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).problems).toEqual([
        {
          path: '--framework',
          message: 'unknown framework "bnat"; use one of bant, meddic, meddpicc, spin, sandler, challenger',
        },
      ]);
    }
  });
});

describe('findLevel', () => {
  it.each([
    ['bant', 'budget', 'confirmed', 'confirmed'],
    ['bant', 'budget', 'CONFIRMED', 'confirmed'],
    ['bant', 'budget', 'Red flag', 'red_flag'],
    ['bant', 'budget', 'red-flag', 'red_flag'],
    ['bant', 'budget', '1', undefined],
    ['bant', 'budget', '0', undefined],
    ['bant', 'budget', 'maybe', undefined],
    ['meddic', 'champion', '2', 'validated'],
    ['meddic', 'champion', 'Confirmed with evidence', 'confirmed'],
    ['meddic', 'champion', '4', undefined],
    ['meddic', 'economic_buyer', '0', 'unknown'],
    ['meddic', 'economic_buyer', 'no access', 'no_access'],
    ['sandler', 'pain', 'Personal impact', 'personal'],
    ['sandler', 'pain', '5', 'willing'],
  ])('reads %s %s "%s" as %s', (framework, id, input, expected) => {
    expect(findLevel(criterion(framework, id), input)?.id).toBe(expected);
  });

  it('lists levels with their points only where a number names one level', () => {
    expect(levelChoices(criterion('bant', 'budget'))).toBe('red_flag, unknown, partial, confirmed');
    expect(levelChoices(criterion('meddic', 'economic_buyer'))).toBe(
      'no_access, unknown (0), identified (1), validated (2), confirmed (3)',
    );
  });

  it('starts an unanswered criterion at its first level that is not a red flag', () => {
    expect(startingLevel(criterion('bant', 'need')).id).toBe('unknown');
    expect(startingLevel(criterion('sandler', 'pain')).id).toBe('not_explored');
    expect(startingLevel(criterion('spin', 'situation')).id).toBe('not_covered');
  });
});

describe('frameworkProblems', () => {
  const bant = getFramework('bant');
  const [budget, ...rest] = bant.criteria;
  if (!budget) throw new Error('BANT has no budget');

  it.each<[string, Framework, string]>([
    [
      'a max score that is not the sum of the criteria',
      { ...bant, rule: { ...bant.rule, maxScore: 5 } },
      'rule.maxScore',
    ],
    ['a min score above the max', { ...bant, rule: { ...bant.rule, minScore: 9 } }, 'rule.minScore'],
    [
      'a required criterion that does not exist',
      { ...bant, rule: { ...bant.rule, required: [{ criterion: 'bugdet', minPoints: 1 }] } },
      'rule.required[0]',
    ],
    [
      'a red flag listed after an ordinary level',
      {
        ...bant,
        criteria: [{ ...budget, levels: [...budget.levels.slice(1), ...budget.levels.slice(0, 1)] }, ...rest],
      },
      'criteria[0] (budget)',
    ],
    [
      'a single question',
      { ...bant, criteria: [{ ...budget, questions: ['Why?'] }, ...rest] },
      'criteria[0] (budget)',
    ],
    [
      'duplicate criteria',
      { ...bant, criteria: [budget, budget, ...rest.slice(1)], rule: { ...bant.rule, maxScore: 4 } },
      'criteria',
    ],
  ])('reports %s', (_what, framework, path) => {
    expect(frameworkProblems(framework).map((p) => p.path)).toContain(path);
  });
});

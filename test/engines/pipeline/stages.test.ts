import { describe, expect, it } from 'vitest';
import { customStages, designStages, summaryFromFramework } from '../../../src/engines/pipeline/index.js';
import { InputError } from '../../../src/errors.js';

describe('designStages', () => {
  it('gives inside teams the seed stages with their exit criteria and probabilities', () => {
    const stages = designStages({ model: 'inside', framework: 'bant' });
    expect(stages.map((s) => [s.name, s.exitCriteria, s.probability, s.kind])).toEqual([
      ['Lead', 'Contact made', 10, 'open'],
      ['Qualified', 'BANT confirmed (3 of 4)', 25, 'open'],
      ['Discovery', 'Pain mapped', 40, 'open'],
      ['Proposal', 'Quote sent', 60, 'open'],
      ['Negotiation', 'Terms agreed', 80, 'open'],
      ['Closed Won', 'Contract signed', 100, 'won'],
      ['Closed Lost', 'Loss reason recorded', 0, 'lost'],
    ]);
  });

  it.each([
    ['inside', ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']],
    ['hybrid', ['Lead', 'Qualified', 'Discovery', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']],
    [
      'field',
      [
        'Lead',
        'Qualified',
        'Discovery',
        'Validation',
        'Proposal',
        'Negotiation',
        'Closed Won',
        'Closed Lost',
      ],
    ],
  ] as const)('tailors the stages to a %s team', (model, names) => {
    expect(designStages({ model, framework: 'meddic' }).map((s) => s.name)).toEqual(names);
  });

  it.each([
    ['bant', 'BANT confirmed (3 of 4)', ['budget', 'authority', 'need', 'timeline']],
    ['meddic', 'MEDDIC 12/18 with EB and Champion ≥ 2', ['economic_buyer', 'champion']],
    ['meddpicc', 'MEDDPICC 16/24 with EB and Champion ≥ 2', ['economic_buyer', 'champion']],
    [
      'sandler',
      'Sandler 9/11 with Pain at personal impact, Budget and Decision confirmed',
      ['up_front_contract', 'pain', 'budget', 'decision'],
    ],
  ] as const)('ties the Qualified stage to the %s qualify rule', (framework, exit, checks) => {
    const qualified = designStages({ model: 'hybrid', framework }).find((s) => s.name === 'Qualified');
    expect(qualified?.exitCriteria).toBe(exit);
    expect(qualified?.exitChecks).toEqual(checks);
  });

  it('gates later stages with the criteria that belong there', () => {
    const stages = designStages({ model: 'field', framework: 'meddpicc' });
    const checks = Object.fromEntries(stages.map((s) => [s.name, s.exitChecks]));
    expect(checks.Discovery).toEqual(['pain_mapped', 'identify_pain', 'metrics']);
    expect(checks.Validation).toEqual(['technical_fit', 'business_case', 'decision_criteria', 'competition']);
    expect(checks.Negotiation).toEqual(['terms_agreed', 'paper_process']);
  });

  it('keeps open probabilities rising and maps stages onto the buyer journey', () => {
    for (const model of ['inside', 'field', 'hybrid'] as const) {
      const open = designStages({ model, framework: 'spin' }).filter((s) => s.kind === 'open');
      const probabilities = open.map((s) => s.probability);
      expect(probabilities).toEqual([...probabilities].sort((a, b) => a - b));
      expect(new Set(probabilities).size).toBe(probabilities.length);
      expect(open[0]?.journey).toBe('awareness');
      expect(open.at(-1)?.journey).toBe('decision');
    }
  });

  it('uses every criterion for Qualified when a custom framework names no gates', () => {
    const framework = {
      id: 'house',
      name: 'House rule',
      criteria: ['fit', 'urgency'].map((id) => ({
        id,
        name: id === 'fit' ? 'Fit' : 'Urgency',
        levels: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
      })),
      qualifies: 'House rule: fit and urgency',
    };
    const qualified = designStages({ model: 'inside', framework }).find((s) => s.name === 'Qualified');
    expect(qualified?.exitChecks).toEqual(['fit', 'urgency']);
    expect(
      designStages({ model: 'inside', framework }).find((s) => s.name === 'Discovery')?.exitChecks,
    ).toEqual(['pain_mapped']);
  });

  it('returns a custom stage list instead of the design when one is given', () => {
    const stages = designStages({
      model: 'field',
      framework: 'bant',
      custom: [
        { name: 'New', kind: 'open' },
        { name: 'Won', kind: 'won' },
      ],
    });
    expect(stages.map((s) => s.name)).toEqual(['New', 'Won']);
  });
});

describe('summaryFromFramework', () => {
  it('reads a full framework: own levels strongest first with red flags last, its rule as the Qualified exit', () => {
    const summary = summaryFromFramework({
      id: 'bant',
      name: 'BANT',
      criteria: [
        {
          id: 'budget',
          name: 'Budget',
          levels: [
            { id: 'red_flag', label: 'Red flag', disqualifies: 'no-budget' },
            { id: 'unknown', label: 'Unknown' },
            { id: 'confirmed', label: 'Confirmed' },
          ],
        },
        {
          id: 'need',
          name: 'Need',
          levels: [
            { id: 'unknown', label: 'Unknown' },
            { id: 'confirmed', label: 'Confirmed' },
          ],
        },
      ],
      rule: { describe: 'Qualifies with 3 of 4 criteria confirmed and no red flag' },
      gates: { qualified: ['budget', 'authority', 'need'] },
    });
    expect(summary.qualifies).toBe('BANT qualifies with 3 of 4 criteria confirmed and no red flag');
    expect(summary.criteria[0]?.levels.map((l) => l.label)).toEqual(['Confirmed', 'Unknown', 'Red flag']);
    expect(summary.criteria[0]?.levels.map((l) => l.value)).toEqual(['confirmed', 'unknown', 'red_flag']);
    expect(summary.gates?.qualified).toEqual(['budget', 'need']);
  });

  it("names the gated criterion's own level, as the scorecard records it (Challenger)", () => {
    const stages = designStages({ model: 'field', motion: 'consultative', framework: 'challenger' });
    const exit = Object.fromEntries(stages.map((s) => [s.name, s.exitCriteria]));
    expect(exit.Discovery).toBe('Pain mapped; Challenger Tailor: Tailored');
    expect(exit.Negotiation).toBe('Terms agreed; Challenger Take control: Driving');
  });
});

describe('customStages', () => {
  it("fills in an imported pipeline such as Maven's", () => {
    const stages = customStages([
      { name: 'Prospecting', kind: 'open' },
      { name: 'Engaging', kind: 'open' },
      { name: 'Won', kind: 'won' },
      { name: 'Lost', kind: 'lost' },
    ]);
    expect(stages.map((s) => [s.name, s.probability, s.journey, s.exitCriteria])).toEqual([
      ['Prospecting', 33, 'awareness', 'Ready for Engaging'],
      ['Engaging', 67, 'decision', 'Ready for Won'],
      ['Won', 100, 'purchase', 'Contract signed'],
      ['Lost', 0, 'decision', 'Loss reason recorded'],
    ]);
  });

  it('keeps probabilities and exit criteria that are given', () => {
    const [first] = customStages([
      { name: 'Intro', kind: 'open', probability: 5, exitCriteria: 'Call booked' },
      { name: 'Signed', kind: 'won' },
    ]);
    expect(first).toMatchObject({ probability: 5, exitCriteria: 'Call booked' });
  });

  it.each([
    ['no open stage', [{ name: 'Won', kind: 'won' }], 'needs at least one open stage'],
    ['no won stage', [{ name: 'A', kind: 'open' }], 'needs exactly one won stage'],
    [
      'two won stages',
      [
        { name: 'A', kind: 'open' },
        { name: 'W1', kind: 'won' },
        { name: 'W2', kind: 'won' },
      ],
      'needs exactly one won stage',
    ],
    [
      'a repeated name',
      [
        { name: 'A', kind: 'open' },
        { name: 'a', kind: 'open' },
        { name: 'W', kind: 'won' },
      ],
      'is listed twice',
    ],
    [
      'an empty name',
      [
        { name: ' ', kind: 'open' },
        { name: 'W', kind: 'won' },
      ],
      'must not be empty',
    ],
  ] as const)('refuses a list with %s', (_, list, message) => {
    expect(() => customStages(list.map((s) => ({ ...s })))).toThrow(InputError);
    expect(() => customStages(list.map((s) => ({ ...s })))).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import {
  type Answer,
  type Framework,
  getFramework,
  type QualifyInput,
  qualify,
  type Verdict,
} from '../../../src/engines/qualification/index.js';
import { InputError } from '../../../src/errors.js';

const levels = (map: Record<string, string>): Record<string, Answer> =>
  Object.fromEntries(
    Object.entries(map).map(([k, level]) => [k, { level, evidence: `${k} noted on the call` }]),
  );

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('qualify', () => {
  it.each<[string, QualifyInput['framework'], Record<string, string>, number, Verdict]>([
    [
      '3 of 4 BANT criteria confirmed',
      'bant',
      { budget: 'confirmed', authority: 'confirmed', need: 'confirmed', timeline: 'partial' },
      3,
      'qualified',
    ],
    [
      '2 of 4 BANT criteria confirmed',
      'bant',
      { budget: 'confirmed', authority: 'partial', need: 'confirmed', timeline: 'partial' },
      2,
      'nurture',
    ],
    [
      'a BANT budget red flag',
      'bant',
      { budget: 'red_flag', authority: 'confirmed', need: 'confirmed', timeline: 'confirmed' },
      3,
      'disqualified',
    ],
    [
      'MEDDIC at 12/18 with the economic buyer and champion validated',
      'meddic',
      {
        metrics: '2',
        economic_buyer: '2',
        decision_criteria: '2',
        decision_process: '2',
        identify_pain: '2',
        champion: '2',
      },
      12,
      'qualified',
    ],
    [
      'MEDDIC at 11/18',
      'meddic',
      {
        metrics: '1',
        economic_buyer: '2',
        decision_criteria: '2',
        decision_process: '2',
        identify_pain: '2',
        champion: '2',
      },
      11,
      'nurture',
    ],
    [
      'MEDDIC at 15/18 with the champion only identified',
      'meddic',
      {
        metrics: '3',
        economic_buyer: '3',
        decision_criteria: '3',
        decision_process: '3',
        identify_pain: '2',
        champion: '1',
      },
      15,
      'nurture',
    ],
    [
      'MEDDIC with no access to the economic buyer',
      'meddic',
      {
        metrics: '3',
        economic_buyer: 'no_access',
        decision_criteria: '3',
        decision_process: '3',
        identify_pain: '3',
        champion: '3',
      },
      15,
      'disqualified',
    ],
    [
      'MEDDPICC at 16/24',
      'meddpicc',
      {
        metrics: '2',
        economic_buyer: '2',
        decision_criteria: '2',
        decision_process: '2',
        paper_process: '2',
        identify_pain: '2',
        champion: '2',
        competition: '2',
      },
      16,
      'qualified',
    ],
    [
      'MEDDPICC at 15/24',
      'meddpicc',
      {
        metrics: '2',
        economic_buyer: '2',
        decision_criteria: '2',
        decision_process: '2',
        paper_process: '1',
        identify_pain: '2',
        champion: '2',
        competition: '2',
      },
      15,
      'nurture',
    ],
    [
      'SPIN with implication and need-payoff fully covered',
      'spin',
      { situation: 'partly', problem: 'partly', implication: 'fully', need_payoff: 'fully' },
      6,
      'qualified',
    ],
    [
      'SPIN without the need-payoff',
      'spin',
      { situation: 'fully', problem: 'fully', implication: 'fully', need_payoff: 'partly' },
      7,
      'nurture',
    ],
    [
      'Sandler with personal pain, budget and decision confirmed',
      'sandler',
      { up_front_contract: 'agenda', pain: 'personal', budget: 'confirmed', decision: 'confirmed' },
      9,
      'qualified',
    ],
    [
      'Sandler with pain only at its cost',
      'sandler',
      { up_front_contract: 'agreed', pain: 'cost', budget: 'confirmed', decision: 'confirmed' },
      8,
      'nurture',
    ],
    [
      'Sandler with no pain',
      'sandler',
      { up_front_contract: 'agreed', pain: 'no_pain', budget: 'confirmed', decision: 'confirmed' },
      6,
      'disqualified',
    ],
    [
      'Challenger with the insight landed and control taken',
      'challenger',
      { teach: 'reframed', tailor: 'tailored', take_control: 'agreed' },
      6,
      'qualified',
    ],
    [
      'Challenger without control of money and process',
      'challenger',
      { teach: 'acting', tailor: 'mobilized', take_control: 'discussed' },
      7,
      'nurture',
    ],
  ])('scores %s and gives the verdict', (_case, framework, answers, score, verdict) => {
    const card = qualify({ framework, answers: levels(answers) });
    expect(card.score).toBe(score);
    expect(card.verdict).toBe(verdict);
  });

  it('marks a lead disqualified when the budget is a red flag, naming the answer', () => {
    const card = qualify({ framework: 'bant', answers: levels({ budget: 'red flag', need: 'confirmed' }) });
    expect(card.disqualifications).toEqual([
      { trigger: 'no-budget', reason: 'No budget and none creatable (Budget: Red flag)' },
    ]);
    expect(card.summary).toBe('Disqualified: no budget and none creatable (Budget: Red flag).');
    expect(card.criteria.find((c) => c.id === 'budget')).toMatchObject({ redFlag: true, met: false });
  });

  it('disqualifies an otherwise qualified lead on the lead facts', () => {
    const answers = levels({
      budget: 'confirmed',
      authority: 'confirmed',
      need: 'confirmed',
      timeline: 'confirmed',
    });
    const card = qualify({ framework: 'bant', answers, facts: { existingCustomer: true } });
    expect(card.verdict).toBe('disqualified');
    expect(card.disqualifications.map((d) => d.trigger)).toEqual(['duplicate-or-customer']);
  });

  it('judges staleness against the given now', () => {
    const answers = levels({ budget: 'confirmed', authority: 'confirmed', need: 'confirmed' });
    const facts = { lastActivityAt: '2025-03-01' };
    expect(qualify({ framework: 'bant', answers, facts, now: '2025-03-10T12:00:00Z' }).verdict).toBe(
      'qualified',
    );
    expect(qualify({ framework: 'bant', answers, facts, now: '2025-03-20T12:00:00Z' }).verdict).toBe(
      'disqualified',
    );
  });

  it('explains a nurture verdict by the score and by each required criterion that falls short', () => {
    const short = qualify({
      framework: 'meddic',
      answers: levels({ metrics: '2', economic_buyer: '1', champion: '2' }),
    });
    expect(short.summary).toBe(
      'Nurture: 5/18 is below the 12/18 bar and Economic buyer is at Identified (1), below the required 2.',
    );
    const strong = qualify({
      framework: 'meddic',
      answers: levels({
        metrics: '3',
        economic_buyer: '3',
        decision_criteria: '3',
        decision_process: '3',
        identify_pain: '3',
        champion: '1',
      }),
    });
    expect(strong.summary).toBe(
      'Nurture: 16/18 clears the 12/18 bar, but Champion is at Identified (1), below the required 2.',
    );
  });

  it('explains a qualified verdict with the conditions it met and what is still open', () => {
    const card = qualify({
      framework: 'meddic',
      answers: levels({
        metrics: '3',
        economic_buyer: '2',
        decision_criteria: '3',
        decision_process: '3',
        identify_pain: '1',
        champion: '2',
      }),
    });
    expect(card.summary).toBe(
      "Qualified: 14/18 meets MEDDIC's bar of 12/18 with Economic buyer and Champion at 2 or more (Validated); Identify pain is still open.",
    );
  });

  it('reports a criterion below its bar and a level claimed without evidence as missing evidence', () => {
    const card = qualify({
      framework: 'bant',
      answers: {
        budget: { level: 'confirmed' },
        authority: { level: 'partial', evidence: 'Talked to the IT lead' },
      },
    });
    expect(card.missingEvidence).toEqual([
      'Budget: Confirmed but no evidence recorded; note what confirms it',
      'Authority: Partial, needs Confirmed (Decision maker identified and engaged, or a sponsor taking us to them)',
      'Need: Unknown, needs Confirmed (A stated pain we solve, with a cost the buyer can name)',
      'Timeline: Unknown, needs Confirmed (Decision date agreed and tied to a compelling event)',
    ]);
  });

  it('never says "Confirmed with evidence but no evidence recorded"', () => {
    const card = qualify({ framework: 'meddic', answers: { metrics: { level: 'confirmed' } } });
    const line = card.missingEvidence.find((l) => l.startsWith('Metrics'));
    expect(line).toBe(
      'Metrics: marked "Confirmed with evidence" but the evidence is not written down; note what confirms it',
    );
    expect(card.missingEvidence.join('\n')).not.toMatch(/with evidence but no evidence/);
  });

  it("asks the rubric's questions for criteria below their bar, deeper ones for criteria already started", () => {
    const card = qualify({
      framework: 'bant',
      answers: levels({
        budget: 'confirmed',
        authority: 'partial',
        need: 'confirmed',
        timeline: 'confirmed',
      }),
    });
    expect(card.nextQuestions).toEqual([
      'Authority: Who signs the contract, and who could veto it?',
      'Authority: Can we bring the person who signs into the next conversation?',
    ]);
    const fresh = qualify({
      framework: 'sandler',
      answers: levels({ up_front_contract: 'agreed', budget: 'confirmed', decision: 'confirmed' }),
    });
    expect(fresh.nextQuestions).toEqual([
      'Pain: Tell me more about that. Can you give me an example?',
      'Pain: How long has this been a problem, and what has it cost you?',
    ]);
    const deep = qualify({
      framework: 'sandler',
      answers: levels({
        up_front_contract: 'agreed',
        pain: 'tried',
        budget: 'confirmed',
        decision: 'confirmed',
      }),
    });
    expect(deep.nextQuestions).toEqual([
      'Pain: What have you tried to fix it, and how did that work out?',
      'Pain: How do you feel about it personally? Have you given up trying?',
    ]);
  });

  it('keeps each criterion with its level, points, bar and evidence', () => {
    const card = qualify({
      framework: 'meddic',
      answers: { champion: { level: '1', evidence: '  Ana shared the org chart  ' } },
    });
    expect(card.criteria.find((c) => c.id === 'champion')).toEqual({
      id: 'champion',
      name: 'Champion',
      level: 'identified',
      levelLabel: 'Identified',
      points: 1,
      maxPoints: 3,
      bar: 2,
      evidence: 'Ana shared the org chart',
      met: false,
      redFlag: false,
      answered: true,
    });
    expect(card.criteria.find((c) => c.id === 'metrics')).toMatchObject({
      level: 'unknown',
      answered: false,
    });
    expect(card).toMatchObject({
      framework: 'meddic',
      frameworkName: 'MEDDIC',
      version: '1.0.0',
      maxScore: 18,
      minScore: 12,
    });
  });

  it('gives the same scorecard for the same answers, whatever their order or spelling', () => {
    const a = qualify({
      framework: 'meddic',
      answers: { champion: { level: '2' }, economicBuyer: { level: 'validated' } },
    });
    const b = qualify({
      framework: 'meddic',
      answers: { 'economic-buyer': { level: 'Validated' }, champion: { level: 'validated' } },
    });
    expect(b).toEqual(a);
  });

  it('rejects an unknown criterion, listing the valid ones', () => {
    expect(
      problemsOf(() => qualify({ framework: 'bant', answers: { champion: { level: 'confirmed' } } })),
    ).toEqual([
      {
        path: 'answers.champion',
        message: 'not a BANT criterion; use one of budget, authority, need, timeline',
      },
    ]);
  });

  it('suggests the criterion a mistyped id was meant to be', () => {
    expect(problemsOf(() => qualify({ framework: 'meddic', answers: { champoin: { level: '2' } } }))).toEqual(
      [{ path: 'answers.champoin', message: 'not a MEDDIC criterion; did you mean champion?' }],
    );
  });

  it('rejects an invalid level, naming the criterion and listing its levels', () => {
    expect(
      problemsOf(() => qualify({ framework: 'meddic', answers: { champion: { level: 'strong' } } })),
    ).toEqual([
      {
        path: 'answers.champion',
        message:
          '"strong" is not a Champion level; use one of unknown (0), identified (1), validated (2), confirmed (3)',
      },
    ]);
  });

  it('reports every bad answer at once', () => {
    const problems = problemsOf(() =>
      qualify({
        framework: 'bant',
        answers: {
          budget: { level: 'lots' },
          need: { level: 'yes' },
          Need: { level: 'confirmed' },
          color: { level: 'red' },
        },
      }),
    );
    expect(problems.map((p) => p.path)).toEqual(['answers.budget', 'answers.color', 'answers.need']);
    expect(problems[2]?.message).toBe('answers Need a second time; give it once');
  });

  it('scores a workspace framework given as data', () => {
    const bant = getFramework('bant');
    const strict: Framework = {
      ...bant,
      name: 'Strict BANT',
      rule: { ...bant.rule, minScore: 4, describe: 'All four confirmed' },
    };
    const answers = levels({ budget: 'confirmed', authority: 'confirmed', need: 'confirmed' });
    expect(qualify({ framework: strict, answers }).verdict).toBe('nurture');
    expect(qualify({ framework: 'bant', answers }).verdict).toBe('qualified');
  });

  it('refuses a workspace framework whose rule does not add up', () => {
    const bant = getFramework('bant');
    const broken: Framework = { ...bant, rule: { ...bant.rule, maxScore: 10 } };
    expect(problemsOf(() => qualify({ framework: broken, answers: {} })).map((p) => p.path)).toEqual([
      'framework.rule.maxScore',
    ]);
  });
});

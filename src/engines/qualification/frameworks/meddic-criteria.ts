import type { Criterion, Level } from '../framework.js';

/** The 0–3 MEDDIC scale with wording fitted to one letter; a red flag, when given, comes first. */
function scale(
  [unknown, identified, validated, confirmed]: readonly [string, string, string, string],
  redFlag?: Level,
): Level[] {
  const levels: Level[] = [
    { id: 'unknown', label: 'Unknown', points: 0, description: unknown },
    { id: 'identified', label: 'Identified', points: 1, description: identified },
    { id: 'validated', label: 'Validated', points: 2, description: validated },
    { id: 'confirmed', label: 'Confirmed with evidence', points: 3, description: confirmed },
  ];
  return redFlag ? [redFlag, ...levels] : levels;
}

export const METRICS: Criterion = {
  id: 'metrics',
  name: 'Metrics',
  description: 'The quantified value the buyer expects from solving the problem.',
  requirement: 'Quantified business impact the buyer agrees with',
  questions: [
    'What would success look like in numbers a year from now?',
    'How do you measure this today, and what is the baseline?',
    'Who else has to agree with these numbers?',
  ],
  levels: scale([
    'No numbers yet',
    'A metric named, without figures',
    'Figures agreed with our contact',
    'Figures signed off by the economic buyer, with their source',
  ]),
  metAt: 2,
};

export const ECONOMIC_BUYER: Criterion = {
  id: 'economic_buyer',
  name: 'Economic buyer',
  description: 'The person with overall authority over the money and the decision.',
  requirement: 'Named, met, and agrees the problem is worth funding',
  questions: [
    'Who has the final say on spending for this?',
    'What does that person need to see to say yes?',
    'Can we meet them before we send a proposal?',
  ],
  levels: scale(
    [
      'Not identified',
      'Named but not met',
      'Met; their priorities are known',
      'Met and agreed the business case, on record',
    ],
    {
      id: 'no_access',
      label: 'No access',
      points: 0,
      description: 'No access to the economic buyer, and no one will take us there',
      disqualifies: 'no-economic-buyer',
    },
  ),
  metAt: 2,
};

export const DECISION_CRITERIA: Criterion = {
  id: 'decision_criteria',
  name: 'Decision criteria',
  description: 'How the buyer will judge the options: technical, financial and relationship criteria.',
  requirement: 'Written criteria we can meet, ideally shaped by us',
  questions: [
    'What criteria will you use to compare the options?',
    'Which matters most: price, fit, risk or time to value?',
    'Who wrote these criteria, and can we see them?',
  ],
  levels: scale([
    'Criteria unknown',
    'Some criteria mentioned',
    'Full list of criteria confirmed with the buyer',
    'Criteria documented, and we meet each one',
  ]),
  metAt: 2,
};

export const DECISION_PROCESS: Criterion = {
  id: 'decision_process',
  name: 'Decision process',
  description: 'The steps, people and dates the buyer follows to reach a decision.',
  requirement: 'Steps, approvers and dates mapped to a close date',
  questions: [
    'What are the steps from here to a decision?',
    'Who is involved at each step, and what do they need from us?',
    'What has derailed decisions like this before?',
  ],
  levels: scale([
    'Process unknown',
    'Some steps known',
    'All steps and approvers confirmed',
    'Mutual plan with dates agreed with the buyer',
  ]),
  metAt: 2,
};

export const PAPER_PROCESS: Criterion = {
  id: 'paper_process',
  name: 'Paper process',
  description: 'The steps from a verbal yes to a signed contract: legal, procurement, security, signatures.',
  requirement: 'Legal, procurement and signing steps mapped with dates',
  questions: [
    'Once you decide, what has to happen before a contract is signed?',
    'Do procurement, legal or security review it, and how long does that take?',
    'Who signs, and are there spending thresholds that add approvers?',
  ],
  levels: scale([
    'Paper process unknown',
    'Some steps known',
    'All steps and owners confirmed',
    'Steps dated in the mutual plan, documents received',
  ]),
  metAt: 2,
};

export const IDENTIFY_PAIN: Criterion = {
  id: 'identify_pain',
  name: 'Identify pain',
  description: 'The business pain that makes the buyer act, and what it costs.',
  requirement: 'A pain with a cost, owned by someone who will act',
  questions: [
    'What is the biggest problem this would solve?',
    'What does that problem cost you today?',
    'Why solve it now rather than next year?',
  ],
  levels: scale(
    [
      'Pain not explored',
      'Pain mentioned',
      'Pain and its cost confirmed with its owner',
      'Pain, cost and urgency confirmed by the economic buyer',
    ],
    {
      id: 'no_pain',
      label: 'No pain',
      points: 0,
      description: 'No pain: the status quo works for them',
      disqualifies: 'no-pain',
    },
  ),
  metAt: 2,
};

export const CHAMPION: Criterion = {
  id: 'champion',
  name: 'Champion',
  description: 'An insider with power and influence who sells for us when we are not in the room.',
  requirement: 'An insider with influence who is actively selling for us',
  questions: [
    'Who gains most, personally, if this succeeds?',
    'Will you introduce us to the economic buyer?',
    'What would you tell the buyer about us when we are not there?',
  ],
  levels: scale([
    'No champion',
    'A friendly contact, untested',
    'Has given us inside information or access',
    'Has acted for us: set up meetings, shared plans, defended the deal',
  ]),
  metAt: 2,
};

export const COMPETITION: Criterion = {
  id: 'competition',
  name: 'Competition',
  description: 'Any vendor or internal initiative competing for the same money.',
  requirement: 'Alternatives known, doing nothing included, and our edge over each',
  questions: [
    'What other options are you considering, including building it yourselves?',
    'What do you like about them?',
    'What happens if you do nothing?',
  ],
  levels: scale([
    'Alternatives unknown',
    'Competitors named',
    "Their strengths and the buyer's view of them understood",
    'The buyer accepts our edge over each alternative',
  ]),
  metAt: 2,
};

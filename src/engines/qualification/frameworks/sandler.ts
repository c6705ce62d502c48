import type { Framework } from '../framework.js';

/** Sandler: pain, budget and decision qualified before any presentation; no pain, no sale. */
export const SANDLER: Framework = {
  id: 'sandler',
  name: 'Sandler',
  version: '1.0.0',
  focus: 'Up-front contract, Pain, Budget, Decision',
  bestFor: 'Relationship',
  criteria: [
    {
      id: 'up_front_contract',
      name: 'Up-front contract',
      description:
        "Agreement at the start of each meeting on its purpose, each side's role and the outcome, a no included.",
      requirement: 'Agenda, roles and outcome (yes, no or next step) agreed up front',
      questions: [
        'How much time do we have, and what would you like to get from it?',
        "Is it OK if, at the end, you tell me it's not a fit?",
        'If it is a fit, what would the next step be?',
      ],
      levels: [
        { id: 'none', label: 'None', points: 0, description: 'No up-front contract set' },
        { id: 'agenda', label: 'Agenda', points: 1, description: 'Agenda and time agreed' },
        {
          id: 'agreed',
          label: 'Agreed',
          points: 2,
          description: 'Purpose, roles and a clear yes-or-no outcome agreed',
        },
      ],
      metAt: 2,
    },
    {
      id: 'pain',
      name: 'Pain',
      description:
        'How far down the pain funnel the conversation went, from the surface problem to a commitment.',
      requirement: 'Pain funnel reached personal impact and a commitment to fix it',
      questions: [
        'Tell me more about that. Can you give me an example?',
        'How long has this been a problem, and what has it cost you?',
        'What have you tried to fix it, and how did that work out?',
        'How do you feel about it personally? Have you given up trying?',
      ],
      levels: [
        {
          id: 'no_pain',
          label: 'No pain',
          points: 0,
          description: 'The prospect has nothing to fix',
          disqualifies: 'no-pain',
        },
        { id: 'not_explored', label: 'Not explored', points: 0, description: 'Pain not explored yet' },
        { id: 'surface', label: 'Surface problem', points: 1, description: 'A surface problem named' },
        { id: 'cost', label: 'Cost', points: 2, description: 'What the problem costs is quantified' },
        { id: 'tried', label: 'Tried', points: 3, description: 'What they tried and why it fell short' },
        {
          id: 'personal',
          label: 'Personal impact',
          points: 4,
          description: 'How the problem affects them personally',
        },
        {
          id: 'willing',
          label: 'Willing to fix',
          points: 5,
          description: 'They have committed to fixing it',
        },
      ],
      metAt: 4,
    },
    {
      id: 'budget',
      name: 'Budget',
      description: 'Money for the fix is available, and discussed before any presentation.',
      requirement: 'Budget range discussed and confirmed before presenting',
      questions: [
        'Have you set money aside for fixing this?',
        'Projects like this usually run within a known range; where does that sit for you?',
        'If the budget is not there, how would you find it?',
      ],
      levels: [
        {
          id: 'none',
          label: 'None',
          points: 0,
          description: 'No budget and none creatable',
          disqualifies: 'no-budget',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Not discussed' },
        { id: 'discussed', label: 'Discussed', points: 1, description: 'A range discussed' },
        { id: 'confirmed', label: 'Confirmed', points: 2, description: 'Budget confirmed to cover the fix' },
      ],
      metAt: 2,
    },
    {
      id: 'decision',
      name: 'Decision',
      description: 'Who decides, how and when, known before any presentation.',
      requirement: 'Decision makers, steps and timing known before presenting',
      questions: [
        'Besides you, who else is involved in deciding?',
        'Walk me through how you will make the decision.',
        'Once you have decided, what happens next?',
      ],
      levels: [
        {
          id: 'no_access',
          label: 'No access',
          points: 0,
          description: 'We cannot reach the person who decides',
          disqualifies: 'no-economic-buyer',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Decision process not discussed' },
        { id: 'partial', label: 'Partial', points: 1, description: 'Part of the decision process known' },
        {
          id: 'confirmed',
          label: 'Confirmed',
          points: 2,
          description: 'Decision makers, steps and date confirmed',
        },
      ],
      metAt: 2,
    },
  ],
  rule: {
    minScore: 9,
    maxScore: 11,
    required: [
      { criterion: 'pain', minPoints: 4 },
      { criterion: 'budget', minPoints: 2 },
      { criterion: 'decision', minPoints: 2 },
    ],
    describe:
      'Qualifies at 9 of 11 points with Pain at personal impact or deeper, Budget and Decision confirmed',
    exit: 'Sandler 9/11 with Pain at personal impact, Budget and Decision confirmed',
  },
  gates: {
    qualified: ['up_front_contract', 'pain', 'budget', 'decision'],
    discovery: ['pain'],
    proposal: ['budget', 'decision'],
  },
};

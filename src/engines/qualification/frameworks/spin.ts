import type { Framework, Level } from '../framework.js';

/** Discovery coverage of one kind of SPIN question. */
function coverage(partly: string, fully: string): Level[] {
  return [
    { id: 'not_covered', label: 'Not covered', points: 0, description: 'Not explored yet' },
    { id: 'partly', label: 'Partly covered', points: 1, description: partly },
    { id: 'fully', label: 'Fully covered', points: 2, description: fully },
  ];
}

/** SPIN: discovery coverage; qualifies when the buyer has voiced the implications and the payoff. */
export const SPIN: Framework = {
  id: 'spin',
  name: 'SPIN',
  version: '1.0.0',
  focus: 'Situation, Problem, Implication, Need-payoff',
  bestFor: 'Consultative',
  criteria: [
    {
      id: 'situation',
      name: 'Situation',
      description: "Facts about the buyer's current setup, gathered without overdoing it.",
      requirement: 'Current process, tools and team understood',
      questions: [
        'How do you handle this today?',
        'Which tools and teams are involved?',
        'How has this changed over the last year?',
      ],
      levels: coverage('Some facts gathered', 'Current setup mapped and confirmed'),
      metAt: 2,
    },
    {
      id: 'problem',
      name: 'Problem',
      description: 'Difficulties and dissatisfactions the buyer admits to.',
      requirement: 'The buyer states specific problems with the current setup',
      questions: [
        'What is hardest about the way this works now?',
        'Where does the process break down?',
        'How satisfied are you with the results you get today?',
      ],
      levels: [
        {
          id: 'no_problem',
          label: 'No problem',
          points: 0,
          description: 'The buyer sees no problem with the current setup',
          disqualifies: 'no-pain',
        },
        ...coverage('Problems hinted at', 'Specific problems stated by the buyer'),
      ],
      metAt: 2,
    },
    {
      id: 'implication',
      name: 'Implication',
      description: 'The consequences of the problems, developed until they feel urgent.',
      requirement: 'The buyer has described the cost and knock-on effects of the problems',
      questions: [
        'What does that problem lead to further down the line?',
        'How does it affect your targets or your team?',
        'What does it cost you each month?',
      ],
      levels: coverage('Consequences touched on', 'Cost and knock-on effects described by the buyer'),
      metAt: 2,
    },
    {
      id: 'need_payoff',
      name: 'Need-payoff',
      description: 'The value of solving the problem, stated by the buyer in their own words.',
      requirement: 'The buyer has said what solving it is worth to them',
      questions: [
        'If you could fix this, what would that mean for you?',
        "How would that help you reach this year's goals?",
        'Who else would benefit, and how?',
      ],
      levels: coverage('Benefits suggested by us', 'Value of solving it stated by the buyer'),
      metAt: 2,
    },
  ],
  rule: {
    minScore: 6,
    maxScore: 8,
    required: [
      { criterion: 'implication', minPoints: 2 },
      { criterion: 'need_payoff', minPoints: 2 },
    ],
    describe: 'Qualifies at 6 of 8 points with Implication and Need-payoff fully covered',
    exit: 'SPIN 6/8 with Implication and Need-payoff fully covered',
  },
  gates: {
    qualified: ['implication', 'need_payoff'],
    discovery: ['problem', 'implication'],
    proposal: ['need_payoff'],
  },
};

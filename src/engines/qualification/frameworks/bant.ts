import type { Framework } from '../framework.js';

/** BANT: three of four criteria confirmed qualifies; any red flag disqualifies. */
export const BANT: Framework = {
  id: 'bant',
  name: 'BANT',
  version: '1.0.0',
  focus: 'Budget, Authority, Need, Timeline',
  bestFor: 'SMB sales',
  criteria: [
    {
      id: 'budget',
      name: 'Budget',
      description: 'Money is set aside, or can be made available, for a purchase of this size.',
      requirement: 'Approved budget ≥ deal size or a path to one',
      questions: [
        'What budget has been set aside for solving this, and who approved it?',
        'If there is no line item yet, how have purchases like this been funded before?',
        'How does the price compare with what the problem costs you each quarter?',
      ],
      levels: [
        {
          id: 'red_flag',
          label: 'Red flag',
          points: 0,
          description: 'No budget and none creatable',
          disqualifies: 'no-budget',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Budget not discussed yet' },
        {
          id: 'partial',
          label: 'Partial',
          points: 0,
          description: 'A budget exists but is below the deal size, unapproved or only a range',
        },
        {
          id: 'confirmed',
          label: 'Confirmed',
          points: 1,
          description: 'Approved budget covers the deal, or there is a named path to fund it',
        },
      ],
      metAt: 1,
    },
    {
      id: 'authority',
      name: 'Authority',
      description: 'The person who can say yes is known and involved.',
      requirement: 'Decision maker identified and engaged, or a sponsor taking us to them',
      questions: [
        'Who besides you will be involved in deciding?',
        'Who signs the contract, and who could veto it?',
        'Can we bring the person who signs into the next conversation?',
      ],
      levels: [
        {
          id: 'red_flag',
          label: 'Red flag',
          points: 0,
          description: 'No access to the economic buyer',
          disqualifies: 'no-economic-buyer',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Decision maker not identified' },
        {
          id: 'partial',
          label: 'Partial',
          points: 0,
          description: 'Talking to an influencer; the decision maker is named but not engaged',
        },
        {
          id: 'confirmed',
          label: 'Confirmed',
          points: 1,
          description: 'Decision maker engaged, or a sponsor has committed to a meeting with them',
        },
      ],
      metAt: 1,
    },
    {
      id: 'need',
      name: 'Need',
      description: 'A problem the product solves, which the buyer wants solved.',
      requirement: 'A stated pain we solve, with a cost the buyer can name',
      questions: [
        'What prompted you to look at this now?',
        'What does this problem cost you today, in time or money?',
        'What happens if nothing changes in the next six months?',
      ],
      levels: [
        {
          id: 'red_flag',
          label: 'Red flag',
          points: 0,
          description: 'No pain: the buyer is content with how things are',
          disqualifies: 'no-pain',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Need not explored' },
        {
          id: 'partial',
          label: 'Partial',
          points: 0,
          description: 'A problem mentioned but not quantified or prioritised',
        },
        {
          id: 'confirmed',
          label: 'Confirmed',
          points: 1,
          description: 'Pain stated, tied to our solution, with a cost or priority the buyer agrees with',
        },
      ],
      metAt: 1,
    },
    {
      id: 'timeline',
      name: 'Timeline',
      description: 'A date by which the buyer must decide, and the event that drives it.',
      requirement: 'Decision date agreed and tied to a compelling event',
      questions: [
        'When do you need this in place, and what happens on that date?',
        'Is a deadline driving this, such as a renewal, a launch or an audit?',
        'What could move the date between now and then?',
      ],
      levels: [
        {
          id: 'red_flag',
          label: 'Red flag',
          points: 0,
          description: 'No compelling event: no date and no reason to act',
          disqualifies: 'no-pain',
        },
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Timing not discussed' },
        {
          id: 'partial',
          label: 'Partial',
          points: 0,
          description: 'A rough target date without an event driving it',
        },
        {
          id: 'confirmed',
          label: 'Confirmed',
          points: 1,
          description: 'Decision date agreed and tied to a compelling event',
        },
      ],
      metAt: 1,
    },
  ],
  rule: {
    minScore: 3,
    maxScore: 4,
    required: [],
    describe: 'Qualifies with 3 of 4 criteria confirmed and no red flag',
    exit: 'BANT confirmed (3 of 4)',
  },
  gates: {
    qualified: ['budget', 'authority', 'need', 'timeline'],
    discovery: ['need'],
    validation: ['authority'],
    proposal: ['budget'],
    negotiation: ['authority', 'timeline'],
  },
};

import type { Framework } from '../framework.js';

/** Challenger: the rep teaches, tailors and takes control; qualifies once the insight lands and a plan is agreed. */
export const CHALLENGER: Framework = {
  id: 'challenger',
  name: 'Challenger',
  version: '1.0.0',
  focus: 'Teach, Tailor, Take control',
  bestFor: 'Complex deals',
  criteria: [
    {
      id: 'teach',
      name: 'Teach',
      description: 'A commercial insight that changes how the buyer sees their own business.',
      requirement: 'The buyer accepts a commercial insight that reframes the problem',
      questions: [
        'What do you make of the pattern we see at companies like yours?',
        'How does that change what the current approach costs you?',
        'Who else needs to see this before you act on it?',
      ],
      levels: [
        { id: 'none', label: 'None', points: 0, description: 'No insight shared yet' },
        {
          id: 'shared',
          label: 'Shared',
          points: 1,
          description: 'Insight shared; the buyer has not engaged',
        },
        {
          id: 'reframed',
          label: 'Reframed',
          points: 2,
          description: 'The buyer accepts the reframe and sees the cost of the status quo',
        },
        {
          id: 'acting',
          label: 'Acting',
          points: 3,
          description: 'The buyer acts on the insight: shares it, builds the case',
        },
      ],
      metAt: 2,
    },
    {
      id: 'tailor',
      name: 'Tailor',
      description: "The message fitted to each stakeholder's value drivers.",
      requirement: "Each stakeholder's value drivers mapped and the case tailored to them",
      questions: [
        'What does each person involved care about most?',
        'Whose goals does this help, and whose does it threaten?',
        'Who will push this forward when we are not there?',
      ],
      levels: [
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Stakeholders not mapped' },
        { id: 'mapped', label: 'Mapped', points: 1, description: 'Stakeholders and their priorities listed' },
        {
          id: 'tailored',
          label: 'Tailored',
          points: 2,
          description: 'The case tailored to and tested with each stakeholder',
        },
        {
          id: 'mobilized',
          label: 'Mobilised',
          points: 3,
          description: 'A mobiliser carries the tailored case inside the company',
        },
      ],
      metAt: 2,
    },
    {
      id: 'take_control',
      name: 'Take control',
      description: 'The rep leads the conversation about money and the buying process.',
      requirement: 'Price and a mutual plan to close agreed, with the rep leading',
      questions: [
        'What does your process look like from here to signature?',
        'Shall we agree a plan with dates for the next steps?',
        'If the price sits in this range, is anything stopping us from moving forward?',
      ],
      levels: [
        { id: 'unknown', label: 'Unknown', points: 0, description: 'Money and process not discussed' },
        { id: 'discussed', label: 'Discussed', points: 1, description: 'Price and next steps discussed' },
        { id: 'agreed', label: 'Agreed', points: 2, description: 'Price range and mutual plan agreed' },
        {
          id: 'driving',
          label: 'Driving',
          points: 3,
          description: 'The plan is on track; pushback on price handled without discounting',
        },
      ],
      metAt: 2,
    },
  ],
  rule: {
    minScore: 6,
    maxScore: 9,
    required: [
      { criterion: 'teach', minPoints: 2 },
      { criterion: 'take_control', minPoints: 2 },
    ],
    describe: 'Qualifies at 6 of 9 points with Teach and Take control at 2 or more',
    exit: 'Challenger 6/9 with Teach and Take control ≥ 2',
  },
  gates: {
    qualified: ['teach', 'take_control'],
    discovery: ['tailor'],
    validation: ['tailor'],
    negotiation: ['take_control'],
  },
};

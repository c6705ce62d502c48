import type { Framework } from '../framework.js';
import {
  CHAMPION,
  COMPETITION,
  DECISION_CRITERIA,
  DECISION_PROCESS,
  ECONOMIC_BUYER,
  IDENTIFY_PAIN,
  METRICS,
  PAPER_PROCESS,
} from './meddic-criteria.js';

/** MEDDPICC: MEDDIC plus the paper process and the competition; 16 of 24 qualifies. */
export const MEDDPICC: Framework = {
  id: 'meddpicc',
  name: 'MEDDPICC',
  version: '1.0.0',
  focus: 'MEDDIC plus Paper process and Competition',
  bestFor: 'Enterprise deals with procurement and competitors',
  criteria: [
    METRICS,
    ECONOMIC_BUYER,
    DECISION_CRITERIA,
    DECISION_PROCESS,
    PAPER_PROCESS,
    IDENTIFY_PAIN,
    CHAMPION,
    COMPETITION,
  ],
  rule: {
    minScore: 16,
    maxScore: 24,
    required: [
      { criterion: 'economic_buyer', minPoints: 2 },
      { criterion: 'champion', minPoints: 2 },
    ],
    describe: 'Qualifies at 16 of 24 points with Economic buyer and Champion at 2 or more',
    exit: 'MEDDPICC 16/24 with EB and Champion ≥ 2',
  },
  gates: {
    qualified: ['economic_buyer', 'champion'],
    discovery: ['identify_pain', 'metrics'],
    validation: ['decision_criteria', 'competition'],
    proposal: ['decision_criteria', 'decision_process'],
    negotiation: ['paper_process'],
  },
};

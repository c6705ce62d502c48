import type { Framework } from '../framework.js';
import {
  CHAMPION,
  DECISION_CRITERIA,
  DECISION_PROCESS,
  ECONOMIC_BUYER,
  IDENTIFY_PAIN,
  METRICS,
} from './meddic-criteria.js';

/** MEDDIC: six letters scored 0–3; 12 of 18 qualifies when the economic buyer and champion are validated. */
export const MEDDIC: Framework = {
  id: 'meddic',
  name: 'MEDDIC',
  version: '1.0.0',
  focus: 'Metrics, Economic buyer, Decision criteria and process, Pain, Champion',
  bestFor: 'Enterprise',
  criteria: [METRICS, ECONOMIC_BUYER, DECISION_CRITERIA, DECISION_PROCESS, IDENTIFY_PAIN, CHAMPION],
  rule: {
    minScore: 12,
    maxScore: 18,
    required: [
      { criterion: 'economic_buyer', minPoints: 2 },
      { criterion: 'champion', minPoints: 2 },
    ],
    describe: 'Qualifies at 12 of 18 points with Economic buyer and Champion at 2 or more',
    exit: 'MEDDIC 12/18 with EB and Champion ≥ 2',
  },
  gates: {
    qualified: ['economic_buyer', 'champion'],
    discovery: ['identify_pain', 'metrics'],
    validation: ['decision_criteria', 'economic_buyer'],
    proposal: ['decision_criteria'],
    negotiation: ['decision_process'],
  },
};

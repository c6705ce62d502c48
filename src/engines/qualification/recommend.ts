import { InputError } from '../../errors.js';
import { formatMoney } from '../format.js';
import { segmentForDealSize } from '../intake-defaults.js';
import type { FrameworkId, Motion, SalesModel, Segment } from '../types.js';

export interface RecommendInput {
  model: SalesModel;
  averageDealSize: number;
  /** When absent, read from the deal size (under $15,000 SMB, under $100,000 mid-market). */
  segment?: Segment | undefined;
  motion?: Motion | undefined;
}

export interface Recommendation {
  framework: FrameworkId;
  reason: string;
}

interface Situation {
  model: SalesModel;
  averageDealSize: number;
  segment: Segment;
  motion: Motion | undefined;
}

export interface RecommendRule {
  framework: FrameworkId;
  when: (s: Situation) => boolean;
  /** Whether the motion decided it, so the reason names the motion. */
  byMotion: boolean;
  why: string;
}

/** Deals at least this large bring procurement and competitors into every decision. */
const MEDDPICC_FROM = 250_000;

/** The seed's table as ordered rules: the first that matches decides. */
export const RECOMMEND_RULES: readonly RecommendRule[] = [
  {
    framework: 'meddpicc',
    when: (s) => s.segment === 'enterprise' && s.averageDealSize >= MEDDPICC_FROM,
    byMotion: false,
    why: 'MEDDPICC adds the paper process and the competition, which decide deals this size as often as the buyer does',
  },
  {
    framework: 'meddic',
    when: (s) => s.segment === 'enterprise',
    byMotion: false,
    why: 'MEDDIC tracks the economic buyer and decision process that long cycles depend on',
  },
  {
    framework: 'challenger',
    when: (s) => s.motion === 'complex',
    byMotion: true,
    why: 'Challenger teaches a commercial insight, tailors it to each stakeholder and takes control of money and process',
  },
  {
    framework: 'sandler',
    when: (s) => s.motion === 'relationship',
    byMotion: true,
    why: "Sandler's up-front contracts and pain funnel keep long relationships honest about pain, budget and decision",
  },
  {
    framework: 'spin',
    when: (s) => s.motion === 'consultative',
    byMotion: true,
    why: 'SPIN builds the need through situation, problem, implication and need-payoff questions',
  },
  {
    framework: 'bant',
    when: (s) => s.segment === 'smb' || s.motion === 'transactional',
    byMotion: false,
    why: 'BANT qualifies quickly on budget, authority, need and timeline, which short cycles need',
  },
  {
    framework: 'meddic',
    when: (s) => s.model === 'field',
    byMotion: false,
    why: 'MEDDIC keeps a field team honest about the economic buyer and the decision process',
  },
  {
    framework: 'spin',
    when: (s) => s.model === 'hybrid',
    byMotion: false,
    why: 'SPIN gives a hybrid team one discovery method for calls and visits alike',
  },
  {
    framework: 'bant',
    when: () => true,
    byMotion: false,
    why: 'BANT gives an inside team a fast, shared bar for budget, authority, need and timeline',
  },
];

const SEGMENT_WORDS: Record<Segment, string> = {
  smb: 'SMB',
  'mid-market': 'mid-market',
  enterprise: 'enterprise',
};
const TEAM_WORDS: Record<SalesModel, string> = {
  inside: 'an inside sales team',
  field: 'a field team',
  hybrid: 'a hybrid team',
};

function facts(s: Situation, byMotion: boolean): string {
  const kind = byMotion && s.motion ? `${s.motion} ${SEGMENT_WORDS[s.segment]}` : SEGMENT_WORDS[s.segment];
  const text = `${kind} deals averaging ${formatMoney(s.averageDealSize)} with ${TEAM_WORDS[s.model]}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Picks the framework that suits the sales model, deal size and motion, and says which facts decided it. */
export function recommendFramework(input: RecommendInput): Recommendation {
  if (!Number.isFinite(input.averageDealSize) || input.averageDealSize < 0) {
    throw new InputError([
      { path: 'averageDealSize', message: 'must be an amount of 0 or more, such as 25000' },
    ]);
  }
  const situation: Situation = {
    model: input.model,
    averageDealSize: input.averageDealSize,
    segment: input.segment ?? segmentForDealSize(input.averageDealSize),
    motion: input.motion,
  };
  const rule = RECOMMEND_RULES.find((r) => r.when(situation));
  if (!rule) throw new Error('No recommendation rule matched; the last rule must match every situation.');
  return { framework: rule.framework, reason: `${facts(situation, rule.byMotion)}: ${rule.why}` };
}

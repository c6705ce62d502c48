import { InputError } from '../../errors.js';
import { formatCount } from '../format.js';
import type { Intake } from '../intake.js';
import { formatMoneyScaled } from './format.js';
import { namesMatch, phrasesMatch, placeMatch } from './icp-match.js';

export type Icp = Intake['icp'];

/** What is known about a company; anything left out counts as unknown, never as a mismatch. */
export interface CompanyFacts {
  industry?: string | undefined;
  employees?: number | undefined;
  annualRevenue?: number | undefined;
  /** Country or region, e.g. `Germany`, `US`, `EMEA`. */
  geography?: string | undefined;
  painPoints?: readonly string[] | undefined;
  buyingTriggers?: readonly string[] | undefined;
}

export type IcpCriterionId =
  | 'industry'
  | 'companySize'
  | 'annualRevenue'
  | 'geography'
  | 'painPoints'
  | 'buyingTriggers';
export type Match = boolean | 'partial' | 'unknown';

export interface IcpContribution {
  id: IcpCriterionId;
  criterion: string;
  weight: number;
  matched: Match;
  points: number;
  reason: string;
}

export interface IcpFit {
  /** 0–100: the points earned as a share of all weights. */
  score: number;
  contributions: IcpContribution[];
  /** Reasons of hard criteria (industry, size, geography) that do not match: the lead is outside the ICP. */
  mismatches: string[];
}

interface Judgement {
  matched: Match;
  reason: string;
}

export interface IcpRule {
  id: IcpCriterionId;
  criterion: string;
  weight: number;
  /** A known mismatch here puts the company outside the ICP. */
  hard: boolean;
  judge: (icp: Icp, company: CompanyFacts) => Judgement;
}

/** A partial match earns this share of the weight. */
const PARTIAL_SHARE = 0.5;

function inRange(
  value: number | undefined,
  range: { min: number; max: number },
  what: string,
  show: (n: number) => string,
  unit = '',
): Judgement {
  if (value === undefined) return { matched: 'unknown', reason: `${what} not known; counts 0 until it is` };
  const span = `${show(range.min)}–${show(range.max)}`;
  const given = `${show(value)}${unit}`;
  if (value >= range.min && value <= range.max)
    return { matched: true, reason: `${given} is within ${span}` };
  // Within a factor of two of the range still resembles the ICP.
  if (value >= range.min / 2 && value <= range.max * 2) {
    return { matched: 'partial', reason: `${given} is near ${span}` };
  }
  return { matched: false, reason: `${given} is outside ${span}` };
}

function overlap(wanted: readonly string[], given: readonly string[] | undefined, what: string): Judgement {
  if (wanted.length === 0) return { matched: true, reason: `the ICP names no ${what}` };
  if (given === undefined || given.length === 0) {
    return { matched: 'unknown', reason: `no ${what} recorded; counts 0 until they are` };
  }
  const hits = given.filter((g) => wanted.some((w) => phrasesMatch(g, w)));
  if (hits.length === 0)
    return { matched: false, reason: `none of ${given.join(', ')} match the ICP's ${what}` };
  const full = hits.length >= Math.min(2, wanted.length);
  return {
    matched: full ? true : 'partial',
    reason: `${hits.join(', ')} match${hits.length === 1 ? 'es' : ''} the ICP's ${what}`,
  };
}

/** The ICP criteria with their weights (summing to 100), in the order they are shown. */
export const ICP_RULES: readonly IcpRule[] = [
  {
    id: 'industry',
    criterion: 'Industry',
    weight: 25,
    hard: true,
    judge: (icp, c) => {
      if (icp.industries.length === 0) return { matched: true, reason: 'the ICP accepts any industry' };
      if (c.industry === undefined)
        return { matched: 'unknown', reason: 'industry not known; counts 0 until it is' };
      const list = icp.industries.join(', ');
      return icp.industries.some((i) => namesMatch(c.industry ?? '', i))
        ? { matched: true, reason: `${c.industry} is one of ${list}` }
        : { matched: false, reason: `${c.industry} is not one of ${list}` };
    },
  },
  {
    id: 'companySize',
    criterion: 'Company size',
    weight: 20,
    hard: true,
    judge: (icp, c) => inRange(c.employees, icp.companySize, 'employee count', formatCount, ' employees'),
  },
  {
    id: 'annualRevenue',
    criterion: 'Annual revenue',
    weight: 15,
    hard: false,
    judge: (icp, c) => inRange(c.annualRevenue, icp.annualRevenue, 'annual revenue', formatMoneyScaled),
  },
  {
    id: 'geography',
    criterion: 'Geography',
    weight: 15,
    hard: true,
    judge: (icp, c) => {
      if (icp.geography.length === 0) return { matched: true, reason: 'the ICP accepts any geography' };
      if (c.geography === undefined)
        return { matched: 'unknown', reason: 'location not known; counts 0 until it is' };
      const where = c.geography;
      const list = icp.geography.join(', ');
      const matches = icp.geography.map((g) => placeMatch(where, g));
      if (matches.includes('inside')) return { matched: true, reason: `${where} is within ${list}` };
      if (matches.includes('overlaps')) return { matched: 'partial', reason: `${where} overlaps ${list}` };
      return { matched: false, reason: `${where} is outside ${list}` };
    },
  },
  {
    id: 'painPoints',
    criterion: 'Pain points',
    weight: 15,
    hard: false,
    judge: (icp, c) => overlap(icp.painPoints, c.painPoints, 'pain points'),
  },
  {
    id: 'buyingTriggers',
    criterion: 'Buying triggers',
    weight: 10,
    hard: false,
    judge: (icp, c) => overlap(icp.buyingTriggers, c.buyingTriggers, 'buying triggers'),
  },
];

const share = (m: Match) => (m === true ? 1 : m === 'partial' ? PARTIAL_SHARE : 0);

/** Scores how well a company fits the ICP, 0–100, listing what each criterion contributed and why. */
export function scoreIcpFit(icp: Icp, company: CompanyFacts, rules: readonly IcpRule[] = ICP_RULES): IcpFit {
  for (const [path, value] of [
    ['employees', company.employees],
    ['annualRevenue', company.annualRevenue],
  ] as const) {
    if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
      throw new InputError([{ path, message: 'must be a number of 0 or more' }]);
    }
  }
  const contributions = rules.map((rule) => {
    const { matched, reason } = rule.judge(icp, company);
    return {
      id: rule.id,
      criterion: rule.criterion,
      weight: rule.weight,
      matched,
      points: rule.weight * share(matched),
      reason,
    };
  });
  const total = rules.reduce((sum, r) => sum + r.weight, 0);
  const earned = contributions.reduce((sum, c) => sum + c.points, 0);
  const mismatches = contributions
    .filter((c, i) => c.matched === false && rules[i]?.hard === true)
    .map((c) => `${c.criterion}: ${c.reason}`);
  return { score: total > 0 ? Math.round((earned / total) * 100) : 0, contributions, mismatches };
}

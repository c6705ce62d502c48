import type { Deal } from '../deal.js';
import { calibrateProbabilities } from './calibrate.js';
import { outcomeOf } from './reach.js';
import type { StageDef } from './stages.js';

/** Where the stage probabilities came from, strongest evidence first. */
export type ProbabilitySource = 'history' | 'funnel' | 'default';

export interface EvidenceProbabilities {
  /** The stages with their probability set from the best evidence at hand. */
  stages: StageDef[];
  source: ProbabilitySource;
  /** Won ÷ closed among imported deals that reached each stage, by stage name (history only). */
  observed: Record<string, number>;
  /** Closed deals (won or lost) in the history. */
  closedDeals: number;
  /** One sentence saying where the probabilities come from. */
  basis: string;
}

export interface EvidenceInput {
  /** Percent of leads reaching each stage by stage name, the won stage included (the intake's funnel). */
  funnel?: Readonly<Record<string, number>>;
  /** Imported deals; used when at least `minClosed` of them are closed. */
  deals?: readonly Deal[];
  /** Closed deals needed before history is trusted (default 30). */
  minClosed?: number;
  /** Prior strength of the calibration, in deals (default 20). */
  priorStrength?: number;
}

/** Open stages only rise: each takes at least the probability of the one before (won and lost are kept). */
function nonDecreasing(stages: StageDef[]): StageDef[] {
  let floor = 0;
  return stages.map((s) => {
    if (s.kind !== 'open') return s;
    floor = Math.max(floor, s.probability);
    return { ...s, probability: floor };
  });
}

/** Win probability at each stage from a cumulative funnel: won share ÷ stage share, whole percent. */
function fromFunnel(
  stages: readonly StageDef[],
  funnel: Readonly<Record<string, number>>,
): StageDef[] | undefined {
  const share = (name: string): number | undefined => {
    const key = Object.keys(funnel).find((k) => k.trim().toLowerCase() === name.trim().toLowerCase());
    return key === undefined ? undefined : funnel[key];
  };
  const won = stages.find((s) => s.kind === 'won');
  const wonShare = won === undefined ? undefined : share(won.name);
  if (wonShare === undefined) return undefined;
  return nonDecreasing(
    stages.map((s) => {
      const at = share(s.name);
      if (s.kind !== 'open' || at === undefined) return s;
      const p = at <= 0 ? 100 : (100 * wonShare) / at;
      return { ...s, probability: Math.min(99, Math.round(p)) };
    }),
  );
}

/**
 * Stage probabilities from the best evidence, in order: the team's imported history when it holds at
 * least `minClosed` closed deals (calibrated toward the funnel or default probability, see
 * `calibrateProbabilities`), else the intake's funnel (won share ÷ stage share: a funnel of 45% at
 * Qualified ending at 6% won gives 13%), else the stages' own defaults. Open stages never decrease.
 */
export function probabilitiesFromEvidence(
  stages: readonly StageDef[],
  input: EvidenceInput = {},
): EvidenceProbabilities {
  const funnelled = input.funnel === undefined ? undefined : fromFunnel(stages, input.funnel);
  const prior = funnelled ?? [...stages];
  const deals = input.deals ?? [];
  const closedDeals = deals.filter((d) => outcomeOf(stages, d) !== 'open').length;
  const minClosed = input.minClosed ?? 30;
  if (deals.length > 0 && closedDeals >= minClosed) {
    const k = input.priorStrength ?? 20;
    const rows = calibrateProbabilities(prior, deals, { priorStrength: k });
    const observed: Record<string, number> = {};
    for (const row of rows) if (row.observed !== undefined) observed[row.stage] = row.observed;
    const calibrated = prior.map((s, i) =>
      s.kind === 'open' ? { ...s, probability: Math.round(rows[i]?.calibrated ?? s.probability) } : s,
    );
    return {
      stages: nonDecreasing(calibrated),
      source: 'history',
      observed,
      closedDeals,
      basis: `From ${closedDeals} closed deals, each stage's won share shrunk toward ${funnelled ? 'the funnel' : 'the default'} by ${k} deals.`,
    };
  }
  if (funnelled !== undefined) {
    return {
      stages: funnelled,
      source: 'funnel',
      observed: {},
      closedDeals,
      basis: "From the intake's funnel: the won share ÷ the share reaching each stage.",
    };
  }
  return {
    stages: nonDecreasing([...stages]),
    source: 'default',
    observed: {},
    closedDeals,
    basis: 'Typical defaults (*): give a stage-by-stage funnel or import closed deals to replace them.',
  };
}

import type { PipelineView } from '../../blocks/pipeline.js';
import {
  bottleneckFacts,
  computeDashboard,
  type Dashboard,
  measureDate,
} from '../../engines/dashboard/index.js';
import type { Deal } from '../../engines/deal.js';
import type { Design } from '../../engines/design.js';
import type { Intake } from '../../engines/intake.js';
import type { StageDef } from '../../engines/pipeline/index.js';
import { teamTargets, teamThresholds } from '../../jobs/team-stages.js';

/** Stuck deals listed by name; the rest are counted. */
export const STUCK_LISTED = 5;

function stageRows(stages: readonly StageDef[], d: Dashboard): PipelineView['stages'] {
  const byStage = new Map(d.probabilities.map((p) => [p.stage, p]));
  return stages
    .filter((s) => s.kind === 'open')
    .map((s) => {
      const p = byStage.get(s.name);
      const row = {
        name: s.name,
        exitCriteria: s.exitCriteria,
        probability: s.probability,
        journey: s.journey,
      };
      if (p?.observed === undefined) return row;
      return { ...row, observed: p.observed, sample: p.sample, calibrated: p.calibrated };
    });
}

function bottlenecks(d: Dashboard): PipelineView['bottlenecks'] {
  return d.bottlenecks
    .filter((b) => b.issues.length > 0)
    .map((b) => ({
      stage: b.stage,
      detail: bottleneckFacts(b).join('; '),
      fix: [...new Set(b.issues.map((i) => i.fix))].join(' '),
      moneyLost: b.moneyLost,
    }));
}

/**
 * What `/sales-ops pipeline` shows for a team with imported deals, with or without a business profile: the
 * stages' configured probabilities against the ones observed in the deals (calibrated toward the configured
 * ones when few deals closed), the snapshot funnel, health, weighted pipeline, bottlenecks and stuck deals.
 * An older export is measured at its newest date, and the view says so.
 */
export function pipelineFromDeals(input: {
  stages: readonly StageDef[];
  deals: readonly Deal[];
  now: string;
  intake?: Intake | undefined;
  design?: Design | undefined;
}): PipelineView {
  const { stages, deals, design } = input;
  const measured = measureDate(deals, input.now);
  const staleDays = teamThresholds(input.intake)?.staleDays;
  const d = computeDashboard({
    stages,
    deals,
    now: measured.at,
    targets: teamTargets(input.intake),
    ...(staleDays === undefined ? {} : { staleDays }),
  });
  const view: PipelineView = {
    basis: {
      kind: 'deals',
      deals: deals.length,
      ...(measured.basis === 'newest' ? { asOf: measured.at } : {}),
    },
    stages: stageRows(stages, d),
    funnel: d.funnel.map((r) => ({ stage: r.stage, percent: r.percent, reached: r.reached })),
    weighted: {
      weighted: d.pipeline.weighted,
      open: d.pipeline.open,
      openDeals: d.pipeline.byStage.reduce((sum, s) => sum + s.deals, 0),
    },
    bottlenecks: bottlenecks(d),
    stuck: { total: d.stuckCount, listed: d.stuck.slice(0, STUCK_LISTED) },
    gaps: [],
    ratesGiven: false,
    recommendations: [],
  };
  if (d.health !== undefined) view.health = d.health;
  if (design !== undefined) {
    view.business = design.business;
    view.model = design.model;
    view.frameworkName = design.qualification.frameworkName;
  }
  return view;
}

import type { KnownBlock } from '@slack/types';
import { type PipelineView, pipelineMessage } from '../blocks/pipeline.js';
import { buildDesign } from '../engines/build-design.js';
import type { Deal } from '../engines/deal.js';
import type { Design } from '../engines/design.js';
import { type Intake, resolveIntake } from '../engines/intake.js';
import {
  CYCLE_BENCHMARK_DAYS,
  calibrateProbabilities,
  designStages,
  findBottlenecks,
  healthInputsFromDeals,
  healthInputsFromIntake,
  pipelineHealth,
  type StageDef,
  snapshotFunnel,
  weightedPipeline,
} from '../engines/pipeline/index.js';
import { QUICK_ACTION_IDS, SLASH_COMMAND } from './help.js';
import type { CommandHandler, ReplyMessage } from './types.js';

const TOP_RECOMMENDATIONS = 3;

/** What `/sales-ops pipeline` and `/sales-ops crm` answer while the workspace has no business profile. */
export function profileNeededMessage(command: 'pipeline' | 'crm'): ReplyMessage {
  const what = command === 'pipeline' ? 'The pipeline design' : 'The CRM spec';
  const text = `*No business profile yet.* ${what} is built from your business: its name and sales model (inside, field or hybrid) are enough to start, and deal size, sales cycle and conversion rates make it fit. Press *Design a blueprint* or run \`${SLASH_COMMAND} design YourCompany\`, then run \`${SLASH_COMMAND} ${command}\` again.`;
  const blocks: KnownBlock[] = [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      elements: [
        {
          type: 'button',
          text: { type: 'plain_text', text: 'Design a blueprint' },
          action_id: QUICK_ACTION_IDS.design,
          style: 'primary',
        },
      ],
    },
  ];
  return { text, blocks };
}

/** The pipeline's stages for a resolved intake and the framework its design uses. */
export function stagesFor(intake: Intake, design: Design): StageDef[] {
  return designStages({ model: intake.model, framework: design.qualification.framework });
}

function fromDeals(intake: Intake, stages: readonly StageDef[], deals: readonly Deal[], now: string) {
  const calibrated = calibrateProbabilities(stages, deals);
  const health = pipelineHealth({
    ...healthInputsFromIntake(intake),
    ...healthInputsFromDeals(stages, deals, {
      now,
      closeRateTarget: intake.metrics.closeRate.target,
      cycleTargetDays: CYCLE_BENCHMARK_DAYS[intake.deal.segment],
    }),
  });
  const weighted = weightedPipeline(stages, deals);
  const bottlenecks = findBottlenecks(stages, deals).stages.flatMap((row) =>
    row.issues.map((issue) => ({
      stage: row.stage,
      detail: issue.detail,
      fix: issue.fix,
      moneyLost: row.moneyLost,
    })),
  );
  return {
    observed: new Map(calibrated.map((c) => [c.stage, c])),
    funnel: snapshotFunnel(stages, deals),
    health,
    weighted: {
      weighted: weighted.weighted,
      open: weighted.open,
      openDeals: weighted.byStage.reduce((sum, s) => sum + s.deals, 0),
    },
    bottlenecks,
  };
}

/**
 * What `/sales-ops pipeline` shows: the designed stages, funnel and health from the intake, or, when the
 * workspace has deals, observed probabilities, the snapshot funnel, health and bottlenecks from those deals.
 */
export function pipelineReport(input: {
  intake: Intake;
  design: Design;
  stages: readonly StageDef[];
  deals?: readonly Deal[];
  now: string;
}): PipelineView {
  const { intake, design, stages } = input;
  const assumedFunnel = design.assumptions.some((a) => a.path === 'funnel');
  const base = {
    business: design.business,
    model: design.model,
    frameworkName: design.qualification.frameworkName,
    recommendations: [...design.recommendations]
      .sort((a, b) => b.impact - a.impact)
      .slice(0, TOP_RECOMMENDATIONS)
      .map(({ title, detail }) => ({ title, detail })),
    ratesGiven: design.metrics.some((m) => m.unit === 'percent' && m.current !== undefined),
    gaps: design.metrics.flatMap((m) =>
      m.unit === 'percent' && m.current !== undefined && m.current < m.target
        ? [{ name: m.name, current: m.current, target: m.target, trend: m.trend }]
        : [],
    ),
  };
  const rows = stages.map((s) => ({
    name: s.name,
    exitCriteria: s.exitCriteria,
    probability: s.probability,
    journey: s.journey,
  }));
  if (input.deals === undefined || input.deals.length === 0) {
    return {
      ...base,
      basis: { kind: assumedFunnel ? 'assumed' : 'intake' },
      stages: rows,
      funnel: design.funnel,
      health: design.overview.health,
      bottlenecks: [],
    };
  }
  const observed = fromDeals(intake, stages, input.deals, input.now);
  return {
    ...base,
    basis: { kind: 'deals', deals: input.deals.length },
    stages: rows.map((row) => {
      const c = observed.observed.get(row.name);
      return c?.observed === undefined ? row : { ...row, observed: c.observed, sample: c.sample };
    }),
    funnel: observed.funnel,
    health: observed.health,
    weighted: observed.weighted,
    bottlenecks: observed.bottlenecks,
  };
}

/** `/sales-ops pipeline`: stages, exit criteria, probabilities, funnel, health and bottlenecks, privately. */
export const pipeline: CommandHandler = async (request, deps) => {
  const profile = await deps.store.profiles.get(request.teamId);
  if (profile === undefined) {
    await request.reply(profileNeededMessage('pipeline'));
    return;
  }
  const intake = resolveIntake(profile.intake);
  const design = buildDesign(intake);
  const view = pipelineReport({
    intake,
    design,
    stages: stagesFor(intake, design),
    now: deps.now().toISOString(),
  });
  await request.reply(pipelineMessage(view));
};

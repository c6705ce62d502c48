import type { KnownBlock } from '@slack/types';
import { type PipelineView, pipelineMessage } from '../../blocks/pipeline.js';
import { buildDesign, intakeProbabilities } from '../../engines/build-design.js';
import type { Deal } from '../../engines/deal.js';
import type { Design } from '../../engines/design.js';
import { type Intake, resolveIntake } from '../../engines/intake.js';
import type { StageDef } from '../../engines/pipeline/index.js';
import { teamStages } from '../../jobs/team-stages.js';
import { QUICK_ACTION_IDS, SLASH_COMMAND } from '../ids.js';
import type { CommandHandler, ReplyMessage } from '../types.js';
import { pipelineFromDeals } from './deals.js';

const TOP_RECOMMENDATIONS = 3;

/** What `/sales-ops pipeline` and `/sales-ops crm` answer while the workspace has no business profile. */
export function profileNeededMessage(command: 'pipeline' | 'crm'): ReplyMessage {
  const what = command === 'pipeline' ? 'The pipeline design' : 'The CRM spec';
  const deals =
    command === 'pipeline'
      ? ` Or import your CRM export with \`${SLASH_COMMAND} import\`: the pipeline then comes from your deals.`
      : '';
  const text = `*No business profile yet.* ${what} is built from your business: its name and sales model (inside, field or hybrid) are enough to start, and deal size, sales cycle and conversion rates make it fit. Press *Design a blueprint* or run \`${SLASH_COMMAND} design YourCompany\`, then run \`${SLASH_COMMAND} ${command}\` again.${deals}`;
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

/** The pipeline's stages for a resolved intake, with the blueprint's probabilities (see `intakeProbabilities`). */
export function stagesFor(intake: Intake): StageDef[] {
  return intakeProbabilities(intake).stages;
}

/** The intake's current rates below target, with last period's value when the intake gave one. */
function gapsOf(intake: Intake, design: Design): PipelineView['gaps'] {
  const previous: Record<string, number | undefined> = {
    'MQL to SQL': intake.metrics.mqlToSql.previous,
    'SQL to Opp': intake.metrics.sqlToOpp.previous,
    'Close Rate': intake.metrics.closeRate.previous,
  };
  return design.metrics.flatMap((m) => {
    if (m.unit !== 'percent' || m.current === undefined || m.current >= m.target) return [];
    const before = previous[m.name];
    const gap = { name: m.name, current: m.current, target: m.target };
    // No arrow without a previous value: "→" would claim the rate held steady.
    return [before === undefined ? gap : { ...gap, previous: { value: before, trend: m.trend ?? 'flat' } }];
  });
}

/**
 * What `/sales-ops pipeline` shows: the designed stages, funnel and health from the intake, or, when the
 * workspace has deals, configured against observed probabilities, the funnel, health, bottlenecks and stuck
 * deals from those deals (see pipelineFromDeals).
 */
export function pipelineReport(input: {
  intake: Intake;
  design: Design;
  stages: readonly StageDef[];
  deals?: readonly Deal[];
  now: string;
}): PipelineView {
  const { intake, design, stages } = input;
  if (input.deals !== undefined && input.deals.length > 0) {
    return pipelineFromDeals({ stages, deals: input.deals, now: input.now, intake, design });
  }
  const assumedFunnel = design.assumptions.some((a) => a.path === 'funnel');
  return {
    business: design.business,
    model: design.model,
    frameworkName: design.qualification.frameworkName,
    recommendations: [...design.recommendations]
      .sort((a, b) => b.impact - a.impact)
      .slice(0, TOP_RECOMMENDATIONS)
      .map(({ title, detail }) => ({ title, detail })),
    ratesGiven: design.metrics.some((m) => m.unit === 'percent' && m.current !== undefined),
    gaps: gapsOf(intake, design),
    basis: { kind: assumedFunnel ? 'assumed' : 'intake' },
    stages: stages.map((s) => ({
      name: s.name,
      exitCriteria: s.exitCriteria,
      probability: s.probability,
      journey: s.journey,
    })),
    funnel: design.funnel,
    health: design.overview.health,
    bottlenecks: [],
  };
}

/**
 * `/sales-ops pipeline`, privately: from the imported deals when there are any (with or without a business
 * profile), else from the profile; a team with neither is told how to start.
 */
export const pipeline: CommandHandler = async (request, deps) => {
  const [profile, deals] = await Promise.all([
    deps.store.profiles.get(request.teamId),
    deps.store.deals.listDeals(request.teamId),
  ]);
  const now = deps.now().toISOString();
  if (profile === undefined && deals.length === 0) {
    await request.reply(profileNeededMessage('pipeline'));
    return;
  }
  const intake = profile === undefined ? undefined : resolveIntake(profile.intake);
  const design = intake === undefined ? undefined : buildDesign(intake);
  if (deals.length > 0) {
    const stages = await teamStages(deps.store, request.teamId, intake, deals);
    await request.reply(pipelineMessage(pipelineFromDeals({ stages, deals, now, intake, design })));
    return;
  }
  if (intake === undefined || design === undefined) return;
  await request.reply(pipelineMessage(pipelineReport({ intake, design, stages: stagesFor(intake), now })));
};

import { designAutomation, designCrmFields, designReports, HYGIENE_RULES } from './crm/index.js';
import type { Design } from './design.js';
import { formatCount, formatMoneyRange } from './format.js';
import type { Intake } from './intake.js';
import { analyzeConversion, followUpSummary, recommend, sequenceFromIntake } from './optimizer/index.js';
import {
  CYCLE_BENCHMARK_DAYS,
  designStages,
  type FrameworkSummary,
  frameworkSummary,
  funnelFromRates,
  funnelStages,
  healthInputsFromIntake,
  pipelineHealth,
  type StageDef,
} from './pipeline/index.js';
import { qualificationSummary, recommendFramework } from './qualification/index.js';
import type { Assumption, FrameworkId } from './types.js';

const QUALITY_LABEL = { high: 'High', medium: 'Med', low: 'Low' } as const;

/** Runs the four engines over a resolved intake and gathers what the blueprint shows. */
export function buildDesign(intake: Intake): Design {
  const assumptions: Assumption[] = [...intake.assumptions];
  const { framework, reason } = chooseFramework(intake);
  const summary: FrameworkSummary = frameworkSummary(framework);
  const stages = designStages({ model: intake.model, framework: summary });
  const sourceNames = intake.leadSources.map((s) => s.name);
  const sequence = sequenceFromIntake(intake.sequence);
  const readings = metricReadings(intake);
  const analysis = analyzeConversion(readings);
  return {
    business: intake.business,
    model: intake.model,
    overview: {
      cycleDays: intake.cycle.averageDays,
      ...(intake.conversion.current === undefined ? {} : { currentCvr: intake.conversion.current }),
      targetCvr: intake.conversion.target,
      health: healthFor(intake, assumptions),
      status: 'Active',
    },
    icp: {
      industries: intake.icp.industries,
      companySize: `${formatCount(intake.icp.companySize.min)}–${formatCount(intake.icp.companySize.max)} employees`,
      annualRevenue: formatMoneyRange(intake.icp.annualRevenue.min, intake.icp.annualRevenue.max),
      geography: intake.icp.geography,
      painPoints: intake.icp.painPoints,
      buyingTriggers: intake.icp.buyingTriggers,
    },
    leadSources: intake.leadSources.map((s) => ({ ...s, quality: QUALITY_LABEL[s.quality] })),
    qualification: { ...qualificationSummary(framework), reason },
    stages: stages.map(({ name, exitCriteria, probability, journey }) => ({
      name,
      exitCriteria,
      probability,
      journey,
    })),
    funnel: funnelFor(intake, stages, assumptions),
    crm: {
      objects: designCrmFields({ stages, framework: summary, leadSources: sourceNames }),
      automation: designAutomation({ stages, framework: summary }),
      hygiene: HYGIENE_RULES.map(({ id, description }) => ({ id, description })),
      reports: designReports({ stages, leadSources: sourceNames }),
    },
    followUp: followUpSummary(sequence),
    metrics: readings.map((r, i) => ({
      name: r.name,
      unit: r.name === 'Avg Deal' ? 'currency' : 'percent',
      target: r.target,
      ...(r.current === undefined ? {} : { current: r.current }),
      trend: analysis[i]?.trend ?? 'flat',
    })),
    recommendations: recommend({
      metrics: analysis,
      cycle: { currentDays: intake.cycle.averageDays, targetDays: CYCLE_BENCHMARK_DAYS[intake.deal.segment] },
      sources: intake.leadSources,
    }),
    assumptions,
  };
}

/** The team's framework, or the one recommended for its model and deal size, with the reason either way. */
function chooseFramework(intake: Intake): { framework: FrameworkId; reason: string } {
  if (intake.framework !== 'auto') return { framework: intake.framework, reason: 'Chosen by the team.' };
  return recommendFramework({
    model: intake.model,
    averageDealSize: intake.deal.averageSize,
    segment: intake.deal.segment,
    motion: intake.deal.motion,
  });
}

function metricReadings(intake: Intake) {
  const { mqlToSql, sqlToOpp, closeRate, averageDeal } = intake.metrics;
  return [
    { name: 'MQL to SQL' as const, ...mqlToSql },
    { name: 'SQL to Opp' as const, ...sqlToOpp },
    { name: 'Close Rate' as const, ...closeRate },
    { name: 'Avg Deal' as const, ...averageDeal },
  ];
}

/**
 * The intake's funnel when given; otherwise an even step-down from 100% to the lead-to-customer
 * conversion (current when known, else the target), recorded as an assumption.
 */
function funnelFor(intake: Intake, stages: readonly StageDef[], assumptions: Assumption[]): Design['funnel'] {
  if (intake.funnel !== undefined) return funnelFromRates(stages, intake.funnel, { as: 'cumulative' });
  const shown = funnelStages(stages);
  const end = intake.conversion.current ?? intake.conversion.target;
  const ratio = (Math.max(end, 0.1) / 100) ** (1 / Math.max(shown.length - 1, 1));
  assumptions.push({
    path: 'funnel',
    value: `even step-down from 100% to ${end}%`,
    reason: 'no stage-by-stage funnel given',
  });
  return shown.map((s, i) => ({ stage: s.name, percent: Math.round(100 * ratio ** i) }));
}

/** Pipeline Health from the intake's figures; when most of them are unknown the score says so. */
function healthFor(intake: Intake, assumptions: Assumption[]): Design['overview']['health'] {
  const health = pipelineHealth(healthInputsFromIntake(intake));
  if (health.parts.length < 3) {
    assumptions.push({
      path: 'overview.health',
      value: `${health.score}/10 from ${health.parts.map((p) => p.name.toLowerCase()).join(' and ')} only`,
      reason: 'give current conversion and close rates for a fuller score',
    });
  }
  return health;
}

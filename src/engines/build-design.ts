import { designAutomation, designCrmFields, designReports, hygieneRules } from './crm/index.js';
import type { Deal } from './deal.js';
import type { Design } from './design.js';
import { funnelNames, healthFor, statusOf } from './design-parts.js';
import { formatCount, formatMoneyRange } from './format.js';
import type { Intake } from './intake.js';
import { designCadence, templatesForCadence } from './optimizer/cadence-design.js';
import {
  analyzeConversion,
  followUpSummary,
  recommend,
  type Sequence,
  sequenceFromIntake,
} from './optimizer/index.js';
import {
  CYCLE_BENCHMARK_DAYS,
  designStages,
  type EvidenceProbabilities,
  type FrameworkSummary,
  frameworkSummary,
  funnelFromRates,
  funnelStages,
  isProductSource,
  probabilitiesFromEvidence,
  type StageDef,
} from './pipeline/index.js';
import { qualificationSummary, recommendFramework } from './qualification/index.js';
import { operatingThresholds, type Thresholds } from './thresholds.js';
import type { Assumption, FrameworkId } from './types.js';

const QUALITY_LABEL = { high: 'High', medium: 'Med', low: 'Low' } as const;

/** What the blueprint may draw on besides the intake: the team's imported deals. */
export interface DesignEvidence {
  /** Imported deals; their history sets the stage probabilities once enough of them are closed. */
  deals?: readonly Deal[];
}

/** The stages an intake calls for: by motion, with a product-qualified stage for signups, named by its funnel. */
export function stagesForIntake(intake: Intake, framework: FrameworkSummary): StageDef[] {
  const names = funnelNames(intake.funnel);
  return designStages({
    model: intake.model,
    framework,
    motion: intake.deal.motion,
    productLed: intake.leadSources.some((s) => isProductSource(s.name)),
    ...(names === undefined ? {} : { names }),
  });
}

/**
 * The team's stages with their probabilities, as the blueprint shows them: the stages the intake calls for
 * under its framework, probabilities from the imported deals, else the intake's funnel, else defaults.
 * Every surface that shows the team's stages (blueprint, pipeline, CRM spec, digest) reads them here.
 */
export function intakeProbabilities(intake: Intake, evidence: DesignEvidence = {}): EvidenceProbabilities {
  const summary = frameworkSummary(chooseFramework(intake).framework);
  return probabilitiesFromEvidence(stagesForIntake(intake, summary), {
    ...(intake.funnel === undefined ? {} : { funnel: intake.funnel }),
    ...(evidence.deals === undefined || evidence.deals.length === 0 ? {} : { deals: evidence.deals }),
  });
}

/** Runs the four engines over a resolved intake and gathers what the blueprint shows. */
export function buildDesign(intake: Intake, evidence: DesignEvidence = {}): Design {
  const assumptions: Assumption[] = [...intake.assumptions];
  const { framework, reason } = chooseFramework(intake);
  const summary: FrameworkSummary = frameworkSummary(framework);
  const probabilities = intakeProbabilities(intake, evidence);
  const stages = probabilities.stages;
  if (probabilities.source === 'default') {
    assumptions.push({
      path: 'stages.probability',
      value: 'typical stage probabilities',
      reason: 'no funnel given and too few closed deals imported',
    });
  }
  const times = operatingThresholds(intake);
  const sourceNames = intake.leadSources.map((s) => s.name);
  const readings = metricReadings(intake);
  const analysis = analyzeConversion(readings);
  const health = healthFor(intake, assumptions);
  return {
    business: intake.business,
    model: intake.model,
    overview: {
      cycleDays: intake.cycle.averageDays,
      ...(intake.conversion.current === undefined ? {} : { currentCvr: intake.conversion.current }),
      targetCvr: intake.conversion.target,
      health,
      status: statusOf(health),
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
    stages: stages.map(({ name, exitCriteria, probability, journey }) => {
      const observed = probabilities.observed[name];
      return {
        name,
        exitCriteria,
        probability,
        ...(observed === undefined ? {} : { observedProbability: observed }),
        journey,
      };
    }),
    probabilityBasis: { source: probabilities.source, text: probabilities.basis },
    timing: {
      idleDays: times.idleDays,
      staleDays: times.staleDays,
      leadStaleDays: times.leadStaleDays,
      speedToLeadHours: times.speedToLeadHours,
      reviewDays: times.reviewDays,
    },
    funnel: funnelFor(intake, stages, assumptions),
    crm: {
      objects: designCrmFields({ stages, framework: summary, leadSources: sourceNames }),
      automation: designAutomation({
        stages,
        framework: summary,
        idleDays: times.idleDays,
        speedToLeadHours: times.speedToLeadHours,
      }),
      hygiene: hygieneRules(times.staleDays),
      reports: designReports({ stages, leadSources: sourceNames }),
    },
    followUp: followUpSummary(cadenceForIntake(intake, times)),
    metrics: readings.map((r, i) => {
      const trend = analysis[i]?.trend;
      return {
        name: r.name,
        unit: r.name === 'Avg Deal' ? 'currency' : 'percent',
        target: r.target,
        ...(r.current === undefined ? {} : { current: r.current }),
        ...(r.current === undefined || r.previous === undefined || trend === undefined ? {} : { trend }),
      };
    }),
    recommendations: recommend({
      metrics: analysis,
      cycle: { currentDays: intake.cycle.averageDays, targetDays: CYCLE_BENCHMARK_DAYS[intake.deal.segment] },
      sources: intake.leadSources,
      business: {
        motion: intake.deal.motion,
        segment: intake.deal.segment,
        averageDeal: intake.deal.averageSize,
        cycleDays: intake.cycle.averageDays,
        speedToLeadHours: times.speedToLeadHours,
        idleDays: times.idleDays,
      },
    }),
    assumptions,
  };
}

/** The intake's cadence, or one designed for its motion, deal size and cycle; templates quote the ICP. */
function cadenceForIntake(intake: Intake, times: Thresholds): Sequence {
  const input = {
    motion: intake.deal.motion,
    productLed: intake.leadSources.some((s) => isProductSource(s.name)),
    thresholds: times,
    icp: intake.icp,
    enterprise: intake.deal.segment === 'enterprise' || intake.deal.motion === 'complex',
  };
  if (intake.sequence === undefined) return designCadence(input);
  return sequenceFromIntake(intake.sequence, (cadence) => templatesForCadence(cadence, input));
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

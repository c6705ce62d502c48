export { BOTTLENECK_FIXES, type BottleneckView, fixFor } from './bottleneck-fixes.js';
export { type BottleneckIssue, findBottlenecks, flagWorst, type StageBottleneck } from './bottlenecks.js';
export {
  type CalibratedStage,
  calibrateFromCounts,
  calibrateProbabilities,
  withCalibratedProbabilities,
} from './calibrate.js';
export { type CustomStage, customStages } from './custom-stages.js';
export {
  FRAMEWORK_SUMMARIES,
  type FrameworkLike,
  type FrameworkSummary,
  frameworkSummary,
  type StageGate,
  summaryFromFramework,
} from './frameworks.js';
export {
  type Cohort,
  cohortFunnel,
  type FunnelRow,
  funnelFromRates,
  funnelStages,
  reachedCounts,
  type StageStep,
  snapshotFunnel,
  stageConversion,
} from './funnel.js';
export { HEALTH_PARTS, type HealthInputs, pipelineHealth } from './health.js';
export { CYCLE_BENCHMARK_DAYS, healthInputsFromDeals, healthInputsFromIntake } from './health-inputs.js';
export {
  averageDeal,
  type Coverage,
  coverage,
  cycleLength,
  salesVelocity,
  type WeightedPipeline,
  weightedPipeline,
  winRate,
} from './metrics.js';
export {
  type EvidenceInput,
  type EvidenceProbabilities,
  type ProbabilitySource,
  probabilitiesFromEvidence,
} from './probabilities.js';
export { furthestOpen, lostFromStage, outcomeOf, reachedStage, reachedStages } from './reach.js';
export { isProductSource } from './stage-sets.js';
export { designStages, type StageDef, type StageKind } from './stages.js';
export {
  completedStays,
  daysInCurrentStage,
  entriesOf,
  type StageTime,
  type StuckDeal,
  stuckDeals,
  timeInStage,
} from './time-in-stage.js';

/** ProcessOptimizer: follow-up calendars and sequences, templates, A/B statistics, conversion analysis. */

export { formatCount } from '../format.js';
export type { AbPlan, AbPlanInput } from './ab-plan.js';
export { abPlanSchema, defaultLift, planAbTest } from './ab-plan.js';
export type { Arm, ChiSquareResult, ZTestResult } from './ab-stats.js';
export {
  chiSquareForArms,
  chiSquareIndependence,
  rateOf,
  twoProportionZTest,
  twoSidedP,
} from './ab-stats.js';
export type { AbInput, AbOutcome, AbVerdict } from './ab-verdict.js';
export { abVerdict, observedBaseline } from './ab-verdict.js';
export type { Variant } from './assign-variant.js';
export { assignVariant, fnv1a32 } from './assign-variant.js';
export { probabilityBBeatsA } from './bayes.js';
export type { Channel, ChannelLabel, Template } from './channels.js';
export { CHANNEL_IDS, CHANNELS, LINKEDIN_NOTE_LIMIT, SMS_LIMIT } from './channels.js';
export type { MetricAnalysis, MetricReading, MetricStatus } from './conversion.js';
export { analyzeConversion, trendOf } from './conversion.js';
export { DEFAULT_TEMPLATES, defaultTemplate } from './default-templates.js';
export { formatChance, formatP, formatRate } from './format.js';
export type {
  Bottleneck,
  LeadSource,
  Recommendation,
  RecommendationRule,
  RecommendInput,
} from './recommend.js';
export { RECOMMENDATION_RULES, recommend } from './recommend.js';
export type { SampleSizeInput } from './sample-size.js';
export { sampleSizePerArm } from './sample-size.js';
export type { ScheduledStep, ScheduleInput, ShiftedDue } from './schedule.js';
export { nextWorkingSlot, scheduleSteps, shiftPastAbsence } from './schedule.js';
export type { Sequence, SequenceStep } from './sequence.js';
export {
  DEFAULT_CADENCE,
  DEFAULT_SEQUENCE,
  followUpSummary,
  sequenceFromIntake,
  stepKey,
  templateFor,
} from './sequence.js';
export { MAX_DAY, MAX_STEPS, parseSequence, sequenceSchema } from './sequence-schema.js';
export type { TemplateVariable } from './template.js';
export {
  KNOWN_VARIABLES,
  renderTemplate,
  TEMPLATE_VARIABLES,
  templateProblems,
  templateVariables,
} from './template.js';
export type { Absence, WorkCalendar } from './work-calendar.js';

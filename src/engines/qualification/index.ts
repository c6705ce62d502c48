/** QualificationEngine: frameworks as data, ICP fit, lead scoring, disqualification and the scorecard. */
export { type Answer, type ResolvedAnswer, resolveAnswers } from './answers.js';
export { closest } from './closest.js';
export {
  DEFAULT_STALE_AFTER_DAYS,
  type Disqualification,
  type DisqualificationFacts,
  type DisqualificationOptions,
  findDisqualifications,
  type RedFlag,
  TRIGGER_IDS,
  TRIGGERS,
  type TriggerContext,
  type TriggerId,
  type TriggerRule,
} from './disqualification.js';
export {
  barFor,
  type Criterion,
  type Framework,
  findCriterion,
  findLevel,
  type Level,
  levelChoices,
  normalizeKey,
  type QualifyRule,
  startingLevel,
  topPoints,
} from './framework.js';
export { frameworkProblems } from './framework-check.js';
export { FRAMEWORKS, getFramework } from './frameworks/index.js';
export { frameworkGuide } from './guide.js';
export {
  type CompanyFacts,
  ICP_RULES,
  type Icp,
  type IcpContribution,
  type IcpCriterionId,
  type IcpFit,
  type IcpRule,
  type Match,
  scoreIcpFit,
} from './icp-fit.js';
export {
  type EngagementEvent,
  type EngagementLine,
  type FitLine,
  type LeadScore,
  type ScoreLeadInput,
  scoreLead,
} from './lead-score.js';
export {
  DEFAULT_LEAD_SCORING_MODEL,
  type EngagementRule,
  type FitRule,
  type GradeLetter,
  type LeadFitFacts,
  type LeadScoringModel,
  type LeadStage,
  PERSONAL_DOMAINS,
  SENIORITIES,
  type Seniority,
} from './lead-score-model.js';
export {
  RECOMMEND_RULES,
  type Recommendation,
  type RecommendInput,
  recommendFramework,
} from './recommend.js';
export { parseQualifyRequest, type QualifyRequest, qualifyRequestSchema } from './request.js';
export {
  type QualifyInput,
  qualify,
  type Scorecard,
  type ScoredCriterion,
  type Verdict,
} from './scorecard.js';
export { renderScorecardText } from './scorecard-text.js';
export { type QualificationSummary, qualificationSummary, ruleConditions } from './summary.js';

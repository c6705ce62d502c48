/** Deal alerts: the rules on imported deals, who receives them, and the noise budget. */

export { type AlertInput, type AppStageMove, computeAlerts, moveAlerts, stageLimits } from './compute.js';
export { accountFitFrom } from './icp.js';
export { alertKey, batchKey } from './key.js';
export {
  byAmount,
  type Coalesced,
  coalesce,
  DEFAULT_QUIET_HOURS,
  localDay,
  minutesOf,
  nextDaySendTime,
  type QuietHours,
  SUMMARY_OVER,
  SUMMARY_TOP,
  sendTime,
} from './noise.js';
export { type DirectoryMember, planRecipients, type Recipient, type RecipientPlan } from './recipients.js';
export { ALERT_LIMITS, type AlertLimits, type AlertRule, DEAL_RULES, skippedStages } from './rules.js';
export { snapshotOf, stateOf } from './snapshot.js';
export { ALERT_RULES, type Alert, type AlertRuleId, type DealSnapshot, type DealState } from './types.js';

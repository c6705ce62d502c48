/** Every id the intake modal uses; builders, parsers, handlers and tests import them from here. */

/** Callback id of every intake step view (the step travels in `private_metadata`). */
export const INTAKE_CALLBACK_ID = 'sales_ops_intake';
/** Callback id of the closing "your blueprint is on its way" view. */
export const INTAKE_DONE_CALLBACK_ID = 'sales_ops_intake_done';

/** Block and action id of the Back button (steps 2 to 5), answered with `views.update`. */
export const INTAKE_NAV_BLOCK_ID = 'intake_nav';
export const INTAKE_BACK_ACTION_ID = 'sales_ops_intake_back';
/** Block ids of the progress line and of the notice shown when a later check sends someone back. */
export const INTAKE_PROGRESS_BLOCK_ID = 'intake_progress';
export const INTAKE_NOTICE_BLOCK_ID = 'intake_notice';

/** Input block ids, one per field; a step's zod schema is keyed by these. */
export const BLOCK_IDS = {
  business: 'intake_business',
  model: 'intake_model',
  dealSize: 'intake_deal_size',
  segment: 'intake_segment',
  motion: 'intake_motion',
  timezone: 'intake_timezone',
  industries: 'intake_industries',
  sizeMin: 'intake_size_min',
  sizeMax: 'intake_size_max',
  revenueMin: 'intake_revenue_min',
  revenueMax: 'intake_revenue_max',
  geography: 'intake_geography',
  painPoints: 'intake_pain_points',
  buyingTriggers: 'intake_buying_triggers',
  leadSources: 'intake_lead_sources',
  cycleDays: 'intake_cycle_days',
  cvrCurrent: 'intake_cvr_current',
  cvrTarget: 'intake_cvr_target',
  mqlToSqlCurrent: 'intake_mql_sql_current',
  mqlToSqlTarget: 'intake_mql_sql_target',
  sqlToOppCurrent: 'intake_sql_opp_current',
  sqlToOppTarget: 'intake_sql_opp_target',
  closeRateCurrent: 'intake_close_rate_current',
  closeRateTarget: 'intake_close_rate_target',
  quarterlyQuota: 'intake_quarterly_quota',
  framework: 'intake_framework',
} as const;

export type IntakeField = keyof typeof BLOCK_IDS;
export type IntakeBlockId = (typeof BLOCK_IDS)[IntakeField];

/** Action ids of the input elements, one per field. */
export const ACTION_IDS = {
  business: 'intake_business_value',
  model: 'intake_model_value',
  dealSize: 'intake_deal_size_value',
  segment: 'intake_segment_value',
  motion: 'intake_motion_value',
  timezone: 'intake_timezone_value',
  industries: 'intake_industries_value',
  sizeMin: 'intake_size_min_value',
  sizeMax: 'intake_size_max_value',
  revenueMin: 'intake_revenue_min_value',
  revenueMax: 'intake_revenue_max_value',
  geography: 'intake_geography_value',
  painPoints: 'intake_pain_points_value',
  buyingTriggers: 'intake_buying_triggers_value',
  leadSources: 'intake_lead_sources_value',
  cycleDays: 'intake_cycle_days_value',
  cvrCurrent: 'intake_cvr_current_value',
  cvrTarget: 'intake_cvr_target_value',
  mqlToSqlCurrent: 'intake_mql_sql_current_value',
  mqlToSqlTarget: 'intake_mql_sql_target_value',
  sqlToOppCurrent: 'intake_sql_opp_current_value',
  sqlToOppTarget: 'intake_sql_opp_target_value',
  closeRateCurrent: 'intake_close_rate_current_value',
  closeRateTarget: 'intake_close_rate_target_value',
  quarterlyQuota: 'intake_quarterly_quota_value',
  framework: 'intake_framework_value',
} as const satisfies Record<IntakeField, string>;

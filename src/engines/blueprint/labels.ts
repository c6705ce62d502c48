import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import type { SalesModel } from '../types.js';

/** Section titles of the text blueprint, in the seed's order. */
export const SECTION_TITLES = {
  header: 'SALES OPERATIONS BLUEPRINT',
  overview: 'SALES OPS OVERVIEW',
  icp: 'IDEAL CUSTOMER PROFILE',
  leadSources: 'LEAD SOURCES',
  qualification: 'QUALIFICATION CRITERIA',
  stages: 'SALES STAGES',
  funnel: 'PIPELINE FUNNEL',
  crm: 'CRM FIELDS',
  followUp: 'FOLLOW-UP AUTOMATION',
  metrics: 'METRICS DASHBOARD',
  status: 'Sales Ops Status',
  assumptions: 'ASSUMPTIONS (*)',
} as const;

/** The same titles as markdown headings. */
export const MARKDOWN_TITLES = {
  overview: 'Sales Ops Overview',
  icp: 'Ideal Customer Profile',
  leadSources: 'Lead Sources',
  qualification: 'Qualification Criteria',
  stages: 'Sales Stages',
  funnel: 'Pipeline Funnel',
  crm: 'CRM Fields',
  followUp: 'Follow-up Automation',
  metrics: 'Metrics Dashboard',
  assumptions: 'Assumptions (*)',
} as const;

const MODEL_NAMES: Record<SalesModel, string> = { inside: 'Inside', field: 'Field', hybrid: 'Hybrid' };

/** The sales model as shown to people: `Inside`, `Field` or `Hybrid`. */
export function modelName(model: SalesModel): string {
  return MODEL_NAMES[model];
}

/** Reads the `now` option as a UTC time; throws InputError when it is not an ISO timestamp. */
export function parseNow(now: string): DateTime {
  const time = DateTime.fromISO(now, { zone: 'utc' });
  if (!time.isValid) {
    throw new InputError([{ path: 'now', message: 'must be an ISO timestamp such as 2026-11-24T09:00:00Z' }]);
  }
  return time;
}

/** Formats an ISO timestamp in UTC as `2026-11-24 09:00 UTC`; throws InputError when it is not a timestamp. */
export function formatTime(now: string): string {
  return parseNow(now).toFormat("yyyy-MM-dd HH:mm 'UTC'");
}

/** Pipeline Health as `8.0/10` (a perfect score as `10/10`), clamped to 0–10. */
export function formatHealth(score: number): string {
  const clamped = Number.isFinite(score) ? Math.min(10, Math.max(0, score)) : 0;
  const rounded = Math.round(clamped * 10) / 10;
  return `${rounded >= 10 ? '10' : rounded.toFixed(1)}/10`;
}

/** `1 day`, `54 days`. */
export function formatDays(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Pipeline Health as shown: the bar and score, or "insufficient data" when too few parts had data. */
export function healthText(health: { score: number; insufficient?: boolean }, barText: string): string {
  return health.insufficient === true ? 'insufficient data' : `${barText} ${formatHealth(health.score)}`;
}

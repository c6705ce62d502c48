import type { z } from 'zod';
import { formatCount, formatMoney, formatMoneyRange } from './format.js';
import type { Intake, intakeSchema, MetricInput } from './intake.js';
import type { Assumption, Motion, SalesModel, Segment } from './types.js';

type Parsed = z.output<typeof intakeSchema>;

/** Typical figures per sales model, used only where the intake is silent (sales-methods.md §3 benchmarks). */
const BY_MODEL: Record<
  SalesModel,
  { averageSize: number; cycleDays: number; motion: Motion; current: number; target: number }
> = {
  inside: { averageSize: 8_000, cycleDays: 30, motion: 'transactional', current: 12, target: 15 },
  field: { averageSize: 90_000, cycleDays: 120, motion: 'complex', current: 8, target: 12 },
  hybrid: { averageSize: 30_000, cycleDays: 60, motion: 'consultative', current: 10, target: 14 },
};

const BY_SEGMENT: Record<
  Segment,
  {
    size: { min: number; max: number };
    revenue: { min: number; max: number };
    closeRate: number;
    mqlToSql: number;
    sqlToOpp: number;
  }
> = {
  smb: {
    size: { min: 10, max: 200 },
    revenue: { min: 1_000_000, max: 50_000_000 },
    closeRate: 25,
    mqlToSql: 30,
    sqlToOpp: 55,
  },
  'mid-market': {
    size: { min: 200, max: 2_000 },
    revenue: { min: 50_000_000, max: 500_000_000 },
    closeRate: 22,
    mqlToSql: 25,
    sqlToOpp: 50,
  },
  enterprise: {
    size: { min: 2_000, max: 100_000 },
    revenue: { min: 500_000_000, max: 10_000_000_000 },
    closeRate: 15,
    mqlToSql: 20,
    sqlToOpp: 45,
  },
};

/** Segment from average deal size: under 15k SMB, under 100k mid-market, else enterprise. */
export function segmentForDealSize(averageSize: number): Segment {
  if (averageSize < 15_000) return 'smb';
  if (averageSize < 100_000) return 'mid-market';
  return 'enterprise';
}

const DEFAULT_SOURCES: Intake['leadSources'] = [
  { name: 'Inbound website', volumePerMonth: 120, quality: 'high', cac: 150 },
  { name: 'Outbound prospecting', volumePerMonth: 200, quality: 'medium', cac: 320 },
  { name: 'Referrals', volumePerMonth: 25, quality: 'high', cac: 60 },
  { name: 'Paid social', volumePerMonth: 150, quality: 'low', cac: 210 },
];

/** Fills every missing intake field, recording an assumption for each default it uses. */
export function defaultsFor(p: Parsed): Intake {
  const assumptions: Assumption[] = [];
  const pick = <T>(
    given: T | undefined,
    fallback: T,
    path: string,
    reason: string,
    show?: (v: T) => string,
  ): T => {
    if (given !== undefined) return given;
    const value = show ? show(fallback) : Array.isArray(fallback) ? fallback.join(', ') : String(fallback);
    assumptions.push({ path, value, reason });
    return fallback;
  };
  const byModel = BY_MODEL[p.model];
  const averageSize = pick(
    p.deal?.averageSize,
    byModel.averageSize,
    'deal.averageSize',
    `typical for ${p.model} sales teams`,
    formatMoney,
  );
  const segment = pick(
    p.deal?.segment,
    segmentForDealSize(averageSize),
    'deal.segment',
    'derived from the average deal size',
  );
  const bySegment = BY_SEGMENT[segment];
  const reason = `typical for ${segment} deals`;
  const metric = (
    given:
      | { target?: number | undefined; current?: number | undefined; previous?: number | undefined }
      | undefined,
    target: number,
    path: string,
    show: (v: number) => string = (v) => `${v}%`,
  ): MetricInput => {
    const out: MetricInput = { target: pick(given?.target, target, `metrics.${path}.target`, reason, show) };
    if (given?.current !== undefined) out.current = given.current;
    if (given?.previous !== undefined) out.previous = given.previous;
    return out;
  };
  const conversion: Intake['conversion'] = {
    target: pick(
      p.conversion?.target,
      byModel.target,
      'conversion.target',
      `typical for ${p.model} sales teams`,
      (v) => `${v}%`,
    ),
  };
  if (p.conversion?.current !== undefined) conversion.current = p.conversion.current;
  const team: Intake['team'] = {};
  if (p.team?.reps !== undefined) team.reps = p.team.reps;
  if (p.team?.quarterlyQuota !== undefined) team.quarterlyQuota = p.team.quarterlyQuota;

  const intake: Intake = {
    business: p.business,
    model: p.model,
    timezone: pick(p.timezone, 'UTC', 'timezone', 'no time zone given'),
    deal: {
      averageSize,
      segment,
      motion: pick(p.deal?.motion, byModel.motion, 'deal.motion', `typical for ${p.model} sales teams`),
    },
    cycle: {
      averageDays: pick(
        p.cycle?.averageDays,
        byModel.cycleDays,
        'cycle.averageDays',
        `typical for ${p.model} sales teams`,
        (v) => `${v} days`,
      ),
    },
    conversion,
    icp: {
      industries: pick(
        p.icp?.industries,
        ['B2B companies (not yet narrowed)'],
        'icp.industries',
        'no industries given',
      ),
      companySize: pick(
        p.icp?.companySize,
        bySegment.size,
        'icp.companySize',
        reason,
        (r) => `${formatCount(r.min)}–${formatCount(r.max)} employees`,
      ),
      annualRevenue: pick(p.icp?.annualRevenue, bySegment.revenue, 'icp.annualRevenue', reason, (r) =>
        formatMoneyRange(r.min, r.max),
      ),
      geography: pick(p.icp?.geography, ['Home market'], 'icp.geography', 'no regions given'),
      painPoints: pick(
        p.icp?.painPoints,
        ['Manual work that does not scale', 'No visibility into results', 'Rising cost per customer'],
        'icp.painPoints',
        'no pain points given: interview five recent customers',
      ),
      buyingTriggers: pick(
        p.icp?.buyingTriggers,
        ['New leader in the buying role', 'Funding round or budget cycle'],
        'icp.buyingTriggers',
        'no buying triggers given',
      ),
    },
    leadSources: pick(p.leadSources, DEFAULT_SOURCES, 'leadSources', 'no lead sources given', (s) =>
      s.map((x) => x.name).join(', '),
    ),
    framework: p.framework ?? 'auto',
    metrics: {
      mqlToSql: metric(p.metrics?.mqlToSql, bySegment.mqlToSql, 'mqlToSql'),
      sqlToOpp: metric(p.metrics?.sqlToOpp, bySegment.sqlToOpp, 'sqlToOpp'),
      closeRate: metric(p.metrics?.closeRate, bySegment.closeRate, 'closeRate'),
      averageDeal: metric(p.metrics?.averageDeal, averageSize, 'averageDeal', formatMoney),
    },
    team,
    holidays: p.holidays ?? [],
    assumptions,
  };
  if (p.funnel !== undefined) intake.funnel = p.funnel;
  if (p.sequence !== undefined) intake.sequence = p.sequence;
  return intake;
}

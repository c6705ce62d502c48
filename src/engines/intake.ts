import { z } from 'zod';
import { InputError, problemsFromZod } from '../errors.js';
import { defaultsFor } from './intake-defaults.js';
import { type Assumption, FRAMEWORK_IDS, MOTIONS, QUALITIES, SALES_MODELS, SEGMENTS } from './types.js';

const text = z.string().trim().min(1, 'must not be empty');
const percent = z
  .number({ message: 'must be a percentage between 0 and 100, such as 25' })
  .min(0, 'must be 0 or more (a percentage, such as 25)')
  .max(100, 'must be at most 100 (a percentage, such as 25)');
const money = z.number({ message: 'must be an amount such as 25000' }).min(0, 'must be 0 or more');
const count = z
  .number({ message: 'must be a whole number such as 120' })
  .int('must be a whole number')
  .min(0, 'must be 0 or more');
const range = z
  .strictObject({ min: money, max: money })
  .refine((r) => r.min <= r.max, { message: 'min must not be larger than max', path: ['min'] });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
const metric = z.strictObject({
  target: percent.optional(),
  current: percent.optional(),
  previous: percent.optional(),
});
const moneyMetric = z.strictObject({
  target: money.optional(),
  current: money.optional(),
  previous: money.optional(),
});

/** The intake as a person writes it (YAML, JSON or the Slack modal). Only `business` and `model` are required. */
export const intakeSchema = z.strictObject({
  business: text.max(120, 'must be at most 120 characters'),
  model: z.enum(SALES_MODELS, { message: 'must be one of inside, field, hybrid' }),
  timezone: text.optional(),
  deal: z
    .strictObject({
      averageSize: money.optional(),
      segment: z.enum(SEGMENTS, { message: 'must be one of smb, mid-market, enterprise' }).optional(),
      motion: z
        .enum(MOTIONS, { message: 'must be one of transactional, consultative, relationship, complex' })
        .optional(),
    })
    .optional(),
  cycle: z
    .strictObject({
      averageDays: count.min(1, 'must be at least 1 day').max(3650, 'must be at most 3650 days'),
    })
    .optional(),
  conversion: z.strictObject({ current: percent.optional(), target: percent.optional() }).optional(),
  icp: z
    .strictObject({
      industries: z.array(text).optional(),
      companySize: range.optional(),
      annualRevenue: range.optional(),
      geography: z.array(text).optional(),
      painPoints: z.array(text).optional(),
      buyingTriggers: z.array(text).optional(),
    })
    .optional(),
  leadSources: z
    .array(
      z.strictObject({
        name: text,
        volumePerMonth: count,
        quality: z.enum(QUALITIES, { message: 'must be one of high, medium, low' }),
        cac: money,
      }),
    )
    .optional(),
  framework: z
    .enum([...FRAMEWORK_IDS, 'auto'], {
      message: `must be one of ${FRAMEWORK_IDS.join(', ')} or auto`,
    })
    .optional(),
  /** Percent of leads that reach each stage, by stage name (e.g. `Qualified: 60`). */
  funnel: z.record(z.string(), percent).optional(),
  metrics: z
    .strictObject({
      mqlToSql: metric.optional(),
      sqlToOpp: metric.optional(),
      closeRate: metric.optional(),
      averageDeal: moneyMetric.optional(),
    })
    .optional(),
  team: z.strictObject({ reps: count.optional(), quarterlyQuota: money.optional() }).optional(),
  sequence: z
    .array(
      z.strictObject({
        channel: z.enum(['email', 'call', 'linkedin', 'sms', 'breakup'], {
          message: 'must be one of email, call, linkedin, sms, breakup',
        }),
        day: count.min(1, 'must be day 1 or later').max(365, 'must be day 365 or earlier'),
      }),
    )
    .optional(),
  holidays: z.array(isoDate).optional(),
});

export type RawIntake = z.input<typeof intakeSchema>;

export interface MetricInput {
  target: number;
  current?: number;
  previous?: number;
}

/** The intake with every default filled in; `assumptions` lists what was defaulted. */
export interface Intake {
  business: string;
  model: (typeof SALES_MODELS)[number];
  timezone: string;
  deal: { averageSize: number; segment: (typeof SEGMENTS)[number]; motion: (typeof MOTIONS)[number] };
  cycle: { averageDays: number };
  conversion: { current?: number; target: number };
  icp: {
    industries: string[];
    companySize: { min: number; max: number };
    annualRevenue: { min: number; max: number };
    geography: string[];
    painPoints: string[];
    buyingTriggers: string[];
  };
  leadSources: { name: string; volumePerMonth: number; quality: (typeof QUALITIES)[number]; cac: number }[];
  framework: (typeof FRAMEWORK_IDS)[number] | 'auto';
  funnel?: Record<string, number>;
  metrics: { mqlToSql: MetricInput; sqlToOpp: MetricInput; closeRate: MetricInput; averageDeal: MetricInput };
  team: { reps?: number; quarterlyQuota?: number };
  sequence?: { channel: 'email' | 'call' | 'linkedin' | 'sms' | 'breakup'; day: number }[];
  holidays: string[];
  assumptions: Assumption[];
}

/** Validates a raw intake; throws InputError with one problem per bad field, each naming its path. */
export function parseIntake(raw: unknown): z.output<typeof intakeSchema> {
  const parsed = intakeSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(problemsFromZod(parsed.error));
  return parsed.data;
}

/** Validates and fills defaults, recording each default as an assumption the blueprint shows. */
export function resolveIntake(raw: unknown): Intake {
  return defaultsFor(parseIntake(raw));
}

import type { Motion } from './types.js';

/** What the time limits depend on: the average sales cycle, the average deal and the sales motion. */
export interface ThresholdInput {
  cycle: { averageDays: number };
  deal: { averageSize: number; motion: Motion };
}

/**
 * The time limits of a sales operation, all in days unless named otherwise. They grow with the cycle:
 * a six-day sale acts within days, a nine-month sale gives a deal a month before calling it stale.
 */
export interface Thresholds {
  /** Days without activity before an open deal gets a follow-up task. */
  idleDays: number;
  /** Days without a stage change before an open deal is stale (hygiene rule, audit, freshness). */
  staleDays: number;
  /** Days without activity after which a lead is disqualified as stale. */
  leadStaleDays: number;
  /** Hours within which a new MQL gets its first call or e-mail. */
  speedToLeadHours: number;
  /** Working days the first-touch cadence spans, from the first touch to the last. */
  cadenceDays: number;
  /** Touches in the first-touch cadence. */
  touches: number;
  /** Days in a stage before a deal is raised in the pipeline review. */
  reviewDays: number;
}

const clamp = (value: number, low: number, high: number): number => Math.min(high, Math.max(low, value));

/**
 * The time limits for an intake. With C the average cycle in days:
 * stale = clamp(round(C ÷ 5), 3, 60), idle = clamp(round(stale ÷ 2), 1, 30),
 * lead stale = clamp(round(C ÷ 4), 5, 90), review = clamp(round(C ÷ 3), 3, 90),
 * cadence span = clamp(round(C ÷ 6), 5, 30) working days with 6 touches under $5k deals, 7 under $25k,
 * 8 under $100k and 10 above (bigger deals have more people to reach).
 * Speed to lead is 1 hour for cycles up to 30 days, 4 hours up to 90 days, one business day beyond.
 * Every limit is non-decreasing in the cycle length.
 */
export function operatingThresholds(intake: ThresholdInput): Thresholds {
  const days = Math.max(1, intake.cycle.averageDays);
  const size = intake.deal.averageSize;
  const staleDays = clamp(Math.round(days / 5), 3, 60);
  return {
    idleDays: clamp(Math.round(staleDays / 2), 1, 30),
    staleDays,
    leadStaleDays: clamp(Math.round(days / 4), 5, 90),
    speedToLeadHours: days <= 30 ? 1 : days <= 90 ? 4 : 24,
    cadenceDays: clamp(Math.round(days / 6), 5, 30),
    touches: size < 5_000 ? 6 : size < 25_000 ? 7 : size < 100_000 ? 8 : 10,
    reviewDays: clamp(Math.round(days / 3), 3, 90),
  };
}

/** `1 hour`, `4 hours`, `one business day`. */
export function formatResponseTime(hours: number): string {
  if (hours >= 24) return 'one business day';
  return hours === 1 ? '1 hour' : `${hours} hours`;
}

/** Shared vocabulary of the engines. Plain data only. */

export const SALES_MODELS = ['inside', 'field', 'hybrid'] as const;
export type SalesModel = (typeof SALES_MODELS)[number];

export const FRAMEWORK_IDS = ['bant', 'meddic', 'meddpicc', 'spin', 'sandler', 'challenger'] as const;
export type FrameworkId = (typeof FRAMEWORK_IDS)[number];

export const SEGMENTS = ['smb', 'mid-market', 'enterprise'] as const;
export type Segment = (typeof SEGMENTS)[number];

export const MOTIONS = ['transactional', 'consultative', 'relationship', 'complex'] as const;
export type Motion = (typeof MOTIONS)[number];

export const QUALITIES = ['high', 'medium', 'low'] as const;
export type Quality = (typeof QUALITIES)[number];

export const JOURNEY_PHASES = ['awareness', 'consideration', 'decision', 'purchase'] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];

export type Trend = 'up' | 'down' | 'flat';

/** A default the engines filled in because the intake did not say; the blueprint marks it. */
export interface Assumption {
  path: string;
  value: string;
  reason: string;
}

import type { Assumption, FrameworkId, JourneyPhase, SalesModel, Trend } from './types.js';

/**
 * Everything the blueprint shows, as plain data: engines produce it (see build-design.ts),
 * the text, JSON and markdown renderers only read it. Percentages are 0–100; money is in whole units.
 */
export interface Design {
  business: string;
  model: SalesModel;
  overview: {
    cycleDays: number;
    /** Lead-to-customer conversion now and the goal; `current` is absent when the team has not said. */
    currentCvr?: number;
    targetCvr: number;
    health: HealthScore;
    /** Derived from health: on track (7+), needs attention (4+), at risk, or not enough data. */
    status: 'On track' | 'Needs attention' | 'At risk' | 'Not enough data';
  };
  icp: {
    industries: string[];
    companySize: string;
    annualRevenue: string;
    geography: string[];
    painPoints: string[];
    buyingTriggers: string[];
  };
  leadSources: { name: string; volumePerMonth: number; quality: 'High' | 'Med' | 'Low'; cac: number }[];
  qualification: {
    framework: FrameworkId;
    frameworkName: string;
    /** Why this framework: recommendation reason or "chosen by the team". */
    reason: string;
    criteria: { name: string; requirement: string; questions: string[] }[];
    /** e.g. `{ score: 3, max: 4, unit: 'criteria' }` renders as "Minimum Score: 3/4 to qualify". */
    minimum: { score: number; max: number };
    /** Extra conditions of the qualify rule, e.g. "Economic buyer and Champion at 2 or more". */
    conditions: string[];
  };
  stages: {
    name: string;
    exitCriteria: string;
    probability: number;
    /** Won ÷ closed among imported deals that reached the stage, when the blueprint had history. */
    observedProbability?: number;
    journey: JourneyPhase;
  }[];
  /** Where the stage probabilities come from, in one sentence; `default` ones are marked `*`. */
  probabilityBasis?: { source: 'history' | 'funnel' | 'default'; text: string };
  /** The time limits that follow from the cycle and deal size (see operatingThresholds). */
  timing?: {
    idleDays: number;
    staleDays: number;
    leadStaleDays: number;
    speedToLeadHours: number;
    reviewDays: number;
  };
  /** Share of leads reaching each stage, first stage 100. */
  funnel: { stage: string; percent: number }[];
  crm: {
    objects: {
      category: 'Contact' | 'Company' | 'Opportunity' | 'Activity';
      required: 'Yes' | 'Auto';
      fields: {
        name: string;
        type: string;
        required: boolean;
        automatic: boolean;
        picklist?: string[];
        picklistValues?: string[];
        description: string;
      }[];
    }[];
    automation: { trigger: string; condition: string; action: string }[];
    hygiene: { id: string; description: string }[];
    reports: { name: string; definition: string }[];
  };
  followUp: {
    steps: {
      step: number;
      channel: 'Email' | 'Call' | 'LinkedIn' | 'SMS' | 'Break-up';
      day: number;
      template: { subject?: string; body: string };
    }[];
  };
  metrics: {
    name: 'MQL to SQL' | 'SQL to Opp' | 'Close Rate' | 'Avg Deal';
    unit: 'percent' | 'currency';
    target: number;
    current?: number;
    /** Absent when there is no previous value to compare with. */
    trend?: Trend;
  }[];
  recommendations: { title: string; detail: string; impact: number }[];
  assumptions: Assumption[];
}

/** Pipeline Health out of 10 with the parts that made it, so the score explains itself. */
export interface HealthScore {
  score: number;
  /** True when fewer than two parts had data: the score is then not shown as a verdict. */
  insufficient?: boolean;
  parts: { name: string; weight: number; value: number; detail: string }[];
}

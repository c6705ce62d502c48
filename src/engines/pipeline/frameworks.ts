import { InputError } from '../../errors.js';
import type { FrameworkId } from '../types.js';

/** Steps of the pipeline that a framework's criteria can gate. */
export type StageGate = 'qualified' | 'discovery' | 'validation' | 'proposal' | 'negotiation';

/**
 * What the pipeline and the CRM need to know about a qualification framework: its criteria,
 * the levels each criterion is scored in, the qualify rule in words, and which criteria gate which step.
 */
export interface FrameworkSummary {
  id: string;
  name: string;
  /** `levels` overrides the framework-wide levels for one criterion. */
  criteria: { id: string; name: string; levels?: string[] }[];
  /** Picklist values a criterion is scored in, strongest first. */
  levels: string[];
  /** The Qualified stage's exit criterion, e.g. "MEDDIC 12/18 with EB and Champion ≥ 2". */
  qualifies: string;
  /** Criteria ids that must be at a passing level before leaving each step; absent steps use generic checks. */
  gates?: Partial<Record<StageGate, string[]>>;
}

const MEDDIC_CRITERIA = [
  { id: 'metrics', name: 'Metrics' },
  { id: 'economic_buyer', name: 'Economic buyer' },
  { id: 'decision_criteria', name: 'Decision criteria' },
  { id: 'decision_process', name: 'Decision process' },
  { id: 'identify_pain', name: 'Identify pain' },
  { id: 'champion', name: 'Champion' },
];
const MEDDIC_LEVELS = ['Confirmed with evidence', 'Validated', 'Identified', 'Unknown'];

/** The default summaries of the six frameworks (SPEC §3, sales-methods.md §1). */
export const FRAMEWORK_SUMMARIES: Record<FrameworkId, FrameworkSummary> = {
  bant: {
    id: 'bant',
    name: 'BANT',
    criteria: [
      { id: 'budget', name: 'Budget' },
      { id: 'authority', name: 'Authority' },
      { id: 'need', name: 'Need' },
      { id: 'timeline', name: 'Timeline' },
    ],
    levels: ['Confirmed', 'Partial', 'Unknown', 'Red flag'],
    qualifies: 'BANT confirmed (3 of 4)',
    gates: {
      qualified: ['budget', 'authority', 'need', 'timeline'],
      discovery: ['need'],
      validation: ['authority'],
      proposal: ['budget'],
      negotiation: ['authority', 'timeline'],
    },
  },
  meddic: {
    id: 'meddic',
    name: 'MEDDIC',
    criteria: MEDDIC_CRITERIA,
    levels: MEDDIC_LEVELS,
    qualifies: 'MEDDIC 12/18 with EB and Champion ≥ 2',
    gates: {
      qualified: ['economic_buyer', 'champion'],
      discovery: ['identify_pain', 'metrics'],
      validation: ['decision_criteria', 'economic_buyer'],
      proposal: ['decision_criteria'],
      negotiation: ['decision_process'],
    },
  },
  meddpicc: {
    id: 'meddpicc',
    name: 'MEDDPICC',
    criteria: [
      ...MEDDIC_CRITERIA.slice(0, 4),
      { id: 'paper_process', name: 'Paper process' },
      ...MEDDIC_CRITERIA.slice(4),
      { id: 'competition', name: 'Competition' },
    ],
    levels: MEDDIC_LEVELS,
    qualifies: 'MEDDPICC 16/24 with EB and Champion ≥ 2',
    gates: {
      qualified: ['economic_buyer', 'champion'],
      discovery: ['identify_pain', 'metrics'],
      validation: ['decision_criteria', 'competition'],
      proposal: ['decision_criteria', 'decision_process'],
      negotiation: ['paper_process'],
    },
  },
  spin: {
    id: 'spin',
    name: 'SPIN',
    criteria: [
      { id: 'situation', name: 'Situation' },
      { id: 'problem', name: 'Problem' },
      { id: 'implication', name: 'Implication' },
      { id: 'need_payoff', name: 'Need-payoff' },
    ],
    levels: ['Fully covered', 'Partly covered', 'Not covered'],
    qualifies: 'SPIN 6/8 with Implication and Need-payoff fully covered',
    gates: {
      qualified: ['implication', 'need_payoff'],
      discovery: ['problem', 'implication'],
      proposal: ['need_payoff'],
    },
  },
  sandler: {
    id: 'sandler',
    name: 'Sandler',
    criteria: [
      { id: 'up_front_contract', name: 'Up-front contract' },
      { id: 'pain', name: 'Pain' },
      { id: 'budget', name: 'Budget' },
      { id: 'decision', name: 'Decision' },
    ],
    levels: ['Confirmed', 'Partial', 'Unknown'],
    qualifies: 'Sandler up-front contract, pain, budget and decision confirmed',
    gates: {
      qualified: ['up_front_contract', 'pain', 'budget', 'decision'],
      discovery: ['pain'],
      proposal: ['budget', 'decision'],
    },
  },
  challenger: {
    id: 'challenger',
    name: 'Challenger',
    criteria: [
      { id: 'teach', name: 'Teach' },
      { id: 'tailor', name: 'Tailor' },
      { id: 'take_control', name: 'Take control' },
    ],
    levels: ['Done', 'In progress', 'Started', 'Not started'],
    qualifies: 'Challenger 6/9 with Teach and Take control ≥ 2',
    gates: {
      qualified: ['teach', 'take_control'],
      discovery: ['tailor'],
      validation: ['tailor'],
      negotiation: ['take_control'],
    },
  },
};

/** Resolves a framework id to its default summary; a summary passed in is returned as it is. */
export function frameworkSummary(framework: FrameworkId | FrameworkSummary): FrameworkSummary {
  if (typeof framework !== 'string') return framework;
  const summary = FRAMEWORK_SUMMARIES[framework];
  if (summary === undefined) {
    throw new InputError(
      `Unknown framework "${String(framework)}": use one of bant, meddic, meddpicc, spin, sandler, challenger.`,
    );
  }
  return summary;
}

/** The shape of a qualification framework this module reads (the qualification engine's `Framework`). */
export interface FrameworkLike {
  id: string;
  name: string;
  criteria: readonly { id: string; name: string; levels: readonly { label: string }[] }[];
  rule: { describe: string };
}

/**
 * Summarises a full qualification framework: its criteria with their own level labels (strongest first),
 * its qualify rule as the Qualified exit criterion, and the built-in gates of the framework with that id.
 */
export function summaryFromFramework(framework: FrameworkLike): FrameworkSummary {
  const builtIn = FRAMEWORK_SUMMARIES[framework.id as FrameworkId] as FrameworkSummary | undefined;
  const ids = new Set(framework.criteria.map((c) => c.id));
  const gates = Object.fromEntries(
    Object.entries(builtIn?.gates ?? {}).map(([gate, list]) => [gate, list.filter((id) => ids.has(id))]),
  );
  const rule = framework.rule.describe;
  return {
    id: framework.id,
    name: framework.name,
    criteria: framework.criteria.map((c) => ({
      id: c.id,
      name: c.name,
      levels: c.levels.map((l) => l.label).reverse(),
    })),
    levels: builtIn?.levels ?? [],
    qualifies: `${framework.name} ${rule.charAt(0).toLowerCase()}${rule.slice(1)}`,
    gates,
  };
}

import type { FrameworkId, JourneyPhase, SalesModel } from '../types.js';
import { type CustomStage, customStages } from './custom-stages.js';
import { type FrameworkSummary, frameworkSummary, type StageGate } from './frameworks.js';

export type StageKind = 'open' | 'won' | 'lost';

/** One pipeline stage: what must be true to leave it, its win probability (0–100) and its buyer phase. */
export interface StageDef {
  name: string;
  exitCriteria: string;
  /** Checks behind the exit criterion: the framework's criterion ids or short generic checks. */
  exitChecks: string[];
  probability: number;
  journey: JourneyPhase;
  kind: StageKind;
}

interface StageTemplate {
  name: string;
  probability: number;
  journey: JourneyPhase;
  kind: StageKind;
  exit: (framework: FrameworkSummary) => string;
  checks: string[];
  gate?: StageGate;
}

/** The seed's stages (sales-ops-seed.md, SALES STAGES), plus Closed Lost. */
const SEED_STAGES: StageTemplate[] = [
  {
    name: 'Lead',
    probability: 10,
    journey: 'awareness',
    kind: 'open',
    exit: () => 'Contact made',
    checks: ['contact_made'],
  },
  {
    name: 'Qualified',
    probability: 25,
    journey: 'consideration',
    kind: 'open',
    exit: (f) => f.qualifies,
    checks: [],
    gate: 'qualified',
  },
  {
    name: 'Discovery',
    probability: 40,
    journey: 'consideration',
    kind: 'open',
    exit: () => 'Pain mapped',
    checks: ['pain_mapped'],
    gate: 'discovery',
  },
  {
    name: 'Proposal',
    probability: 60,
    journey: 'decision',
    kind: 'open',
    exit: () => 'Quote sent',
    checks: ['quote_sent'],
    gate: 'proposal',
  },
  {
    name: 'Negotiation',
    probability: 80,
    journey: 'decision',
    kind: 'open',
    exit: () => 'Terms agreed',
    checks: ['terms_agreed'],
    gate: 'negotiation',
  },
  {
    name: 'Closed Won',
    probability: 100,
    journey: 'purchase',
    kind: 'won',
    exit: () => 'Contract signed',
    checks: ['contract_signed'],
  },
  {
    name: 'Closed Lost',
    probability: 0,
    journey: 'decision',
    kind: 'lost',
    exit: () => 'Loss reason recorded',
    checks: ['loss_reason'],
  },
];

/** How a sales model changes the seed's stages: each rule inserts a stage after a named one. */
const MODEL_RULES: { models: SalesModel[]; after: string; stage: StageTemplate }[] = [
  {
    // Field deals are large and multi-stakeholder: proving fit and value before pricing avoids late losses.
    models: ['field'],
    after: 'Discovery',
    stage: {
      name: 'Validation',
      probability: 50,
      journey: 'decision',
      kind: 'open',
      exit: () => 'Technical fit and business case validated',
      checks: ['technical_fit', 'business_case'],
      gate: 'validation',
    },
  },
];

function build(template: StageTemplate, framework: FrameworkSummary): StageDef {
  const gated = template.gate === undefined ? [] : (framework.gates?.[template.gate] ?? []);
  const fallback =
    template.gate === 'qualified' && gated.length === 0 ? framework.criteria.map((c) => c.id) : [];
  return {
    name: template.name,
    exitCriteria: template.exit(framework),
    exitChecks: [...template.checks, ...gated, ...fallback],
    probability: template.probability,
    journey: template.journey,
    kind: template.kind,
  };
}

/**
 * Designs the stages for a sales model and framework. `inside` and `hybrid` get the seed's six stages
 * (Lead, Qualified, Discovery, Proposal, Negotiation, Closed Won) plus Closed Lost; `field` adds
 * Validation (50%, technical fit and business case) between Discovery and Proposal. The Qualified exit
 * criterion is the framework's qualify rule and each stage's checks are the criteria that gate it.
 * A `custom` list (an imported pipeline) replaces the design entirely, see `customStages`.
 */
export function designStages(input: {
  model: SalesModel;
  framework: FrameworkId | FrameworkSummary;
  custom?: CustomStage[];
}): StageDef[] {
  if (input.custom !== undefined) return customStages(input.custom);
  const framework = frameworkSummary(input.framework);
  const templates = [...SEED_STAGES];
  for (const rule of MODEL_RULES.filter((r) => r.models.includes(input.model))) {
    const at = templates.findIndex((t) => t.name === rule.after);
    templates.splice(at + 1, 0, rule.stage);
  }
  return templates.map((t) => build(t, framework));
}

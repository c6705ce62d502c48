import type { FrameworkId, JourneyPhase, Motion, SalesModel } from '../types.js';
import { type CustomStage, customStages } from './custom-stages.js';
import { type FrameworkSummary, frameworkSummary } from './frameworks.js';
import { KNOWN_STAGES, LOST, openStagesFor, type StageTemplate, WON } from './stage-sets.js';

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
  WON,
  LOST,
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
 * A gated stage's exit criterion names the framework criteria that gate it and the level they need (each
 * criterion's own level labels): the second level before the proposal (skipping criteria the Qualified gate already holds to a higher bar),
 * the top level from the proposal on, so no stage asks for what only a later stage produces.
 */
function withGate(text: string, template: StageTemplate, framework: FrameworkSummary): string {
  if (template.gate === undefined || template.gate === 'qualified') return text;
  const early = template.gate === 'discovery' || template.gate === 'validation';
  const held = new Set(early ? (framework.gates?.qualified ?? []) : []);
  const ids = (framework.gates?.[template.gate] ?? []).filter((id) => !held.has(id));
  const gated = ids.flatMap((id) => {
    const criterion = framework.criteria.find((c) => c.id === id);
    if (criterion === undefined) return [];
    const levels = criterion.levels;
    return [{ name: criterion.name, level: (early ? (levels[1] ?? levels[0]) : levels[0])?.label }];
  });
  if (gated.length === 0) return text;
  const names = gated.map((g) => g.name).join(' and ');
  const labels = new Set(gated.map((g) => g.level));
  if (labels.size === 1) {
    const [level] = labels;
    return `${text}; ${framework.name} ${names}${level === undefined ? '' : `: ${level}`}`;
  }
  const each = gated.map((g) => (g.level === undefined ? g.name : `${g.name}: ${g.level}`)).join(', ');
  return `${text}; ${framework.name} ${each}`;
}

/** Stages named by the team's own funnel: known names keep their criteria, others move on when ready. */
function namedTemplates(names: readonly string[], motionSet: StageTemplate[]): StageTemplate[] {
  const last = names.length - 1;
  return names.map((name, i): StageTemplate => {
    if (i === last) return { ...WON, name };
    const known =
      motionSet.find((t) => t.name.toLowerCase() === name.trim().toLowerCase()) ??
      KNOWN_STAGES.get(name.trim().toLowerCase());
    if (known !== undefined) return { ...known, name };
    const next = names[i + 1] ?? 'closing';
    return {
      name,
      probability: Math.round((100 * (i + 1)) / (last + 1)),
      journey: i === 0 ? 'awareness' : i >= last - 1 ? 'decision' : 'consideration',
      kind: 'open',
      exit: () => `${name} done and the buyer has agreed to move to ${next}`,
      checks: [],
    };
  });
}

/**
 * Designs the stages for a sales model and framework. Without a `motion`, `inside` and `hybrid` get the
 * seed's six stages (Lead, Qualified, Discovery, Proposal, Negotiation, Closed Won) plus Closed Lost and
 * `field` adds Validation. With a `motion`: transactional sales get four open stages (Signup and Product
 * Qualified first when `productLed`), consultative and relationship sales the seed's set, complex sales
 * Validation, Business Case and Procurement; gated exit criteria name the framework criteria they need.
 * `names` (the intake's funnel, last name the won stage) keeps the team's names. A `custom` list (an
 * imported pipeline) replaces the design entirely, see `customStages`.
 */
export function designStages(input: {
  model: SalesModel;
  framework: FrameworkId | FrameworkSummary;
  custom?: CustomStage[];
  motion?: Motion;
  productLed?: boolean;
  names?: readonly string[];
}): StageDef[] {
  if (input.custom !== undefined) return customStages(input.custom);
  const framework = frameworkSummary(input.framework);
  if (input.motion === undefined && input.names === undefined) {
    const templates = [...SEED_STAGES];
    for (const rule of MODEL_RULES.filter((r) => r.models.includes(input.model))) {
      const at = templates.findIndex((t) => t.name === rule.after);
      templates.splice(at + 1, 0, rule.stage);
    }
    return templates.map((t) => build(t, framework));
  }
  const motionSet = openStagesFor(input.motion ?? 'consultative', input.productLed === true);
  const templates =
    input.names === undefined ? [...motionSet, WON, LOST] : [...namedTemplates(input.names, motionSet), LOST];
  return templates.map((t) => {
    const stage = build(t, framework);
    return { ...stage, exitCriteria: withGate(stage.exitCriteria, t, framework) };
  });
}

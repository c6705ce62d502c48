import { type FrameworkSummary, frameworkSummary } from '../pipeline/frameworks.js';
import type { StageDef } from '../pipeline/stages.js';
import { formatResponseTime } from '../thresholds.js';
import type { FrameworkId } from '../types.js';

/** A workflow rule: when `trigger` fires and `condition` holds, do `action`. */
export interface AutomationRule {
  id: string;
  trigger: string;
  condition: string;
  action: string;
}

export interface AutomationInput {
  stages: readonly StageDef[];
  framework: FrameworkId | FrameworkSummary;
  /** Lead score at which a lead becomes an MQL (default 100, the common Pardot-style cut-off). */
  mqlThreshold?: number;
  /** Days without activity before an open deal gets a follow-up task (default 14). */
  idleDays?: number;
  /** Hours within which a new MQL must get a first call or e-mail (default 1). */
  speedToLeadHours?: number;
}

interface Context {
  stages: readonly StageDef[];
  open: StageDef[];
  won: string;
  lost: string;
  framework: FrameworkSummary;
  mql: number;
  idle: number;
  speed: number;
}

/** The rule set, in the order a RevOps admin would build it; each entry yields zero or more rules. */
const RULES: ((c: Context) => AutomationRule[])[] = [
  (c) => [
    {
      id: 'route-mql',
      trigger: 'Contact lead score changes',
      condition: `lead_score ≥ ${c.mql} and lead_status is not MQL`,
      action:
        'Set lead_status to MQL, assign an owner round-robin among active reps, notify the owner in Slack',
    },
    {
      id: 'speed-to-lead',
      trigger: 'Contact becomes an MQL',
      condition: `no call or e-mail logged within ${formatResponseTime(c.speed)}`,
      action: 'Alert the owner and their manager; start the follow-up sequence',
    },
  ],
  (c) =>
    c.open.slice(1).map((stage) => ({
      id: `idle-${slug(stage.name)}`,
      trigger: 'Daily at 09:00 in the owner’s time zone',
      condition: `deal in ${stage.name} with no activity or stage change for ${c.idle} days`,
      action: `Create a task for the deal owner: "Move ${stage.name} forward or close it", due today`,
    })),
  (c) => [
    {
      id: 'exit-criteria',
      trigger: 'Deal stage changes',
      condition: `the stage left has unmet exit checks (e.g. leaving ${c.open[1]?.name ?? c.open[0]?.name}: ${exitChecks(c)})`,
      action: 'Alert the owner and their manager in Slack and flag the deal for the pipeline review',
    },
    {
      id: 'stage-probability',
      trigger: 'Deal stage changes',
      condition: 'always',
      action: `Set probability to the new stage's (${c.stages.map((s) => `${s.name} ${s.probability}%`).join(', ')}) and stamp stage_entered_at`,
    },
    {
      id: 'past-close-date',
      trigger: 'Daily at 09:00 in the owner’s time zone',
      condition: 'open deal whose close_date is before today',
      action: 'Create a task for the owner to update the close date or close the deal',
    },
    {
      id: 'loss-reason',
      trigger: `Deal moves to ${c.lost}`,
      condition: 'loss_reason is empty',
      action: 'Block the change until a loss reason is picked; stop open sequences on the deal’s contacts',
    },
    {
      id: 'won-handoff',
      trigger: `Deal moves to ${c.won}`,
      condition: 'always',
      action:
        'Stamp closed_at, set the company to Customer, create the onboarding task and post the win in #sales',
    },
    {
      id: 'reply-stops-sequence',
      trigger: 'Contact replies to a sequence step',
      condition: 'the contact is enrolled in a follow-up sequence',
      action: 'Stop the remaining steps and create a task for the owner to answer within 4 business hours',
    },
    {
      id: 'do-not-contact',
      trigger: 'do_not_contact becomes true',
      condition: 'always',
      action: 'Stop every sequence for the contact and remove them from e-mail lists',
    },
  ],
];

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function exitChecks(c: Context): string {
  const stage = c.open[1] ?? c.open[0];
  const checks = stage?.exitChecks.length ? stage.exitChecks : c.framework.criteria.map((x) => x.id);
  return checks.join(', ');
}

/** Designs the workflow automation for a pipeline: routing, idle-deal tasks, exit-criteria alerts and hand-offs. */
export function designAutomation(input: AutomationInput): AutomationRule[] {
  const context: Context = {
    stages: input.stages,
    open: input.stages.filter((s) => s.kind === 'open'),
    won: input.stages.find((s) => s.kind === 'won')?.name ?? 'Closed Won',
    lost: input.stages.find((s) => s.kind === 'lost')?.name ?? 'Closed Lost',
    framework: frameworkSummary(input.framework),
    mql: input.mqlThreshold ?? 100,
    idle: input.idleDays ?? 14,
    speed: input.speedToLeadHours ?? 1,
  };
  return RULES.flatMap((rule) => rule(context));
}

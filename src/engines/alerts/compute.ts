import type { Deal } from '../deal.js';
import { averageDeal, type StageDef, timeInStage } from '../pipeline/index.js';
import type { Thresholds } from '../thresholds.js';
import { alertKey } from './key.js';
import { ALERT_LIMITS, type AlertLimits, DEAL_RULES, skippedStages } from './rules.js';
import type { Alert, AlertRuleId, DealSnapshot } from './types.js';

/** Completed stays a stage needs before its p90 is trusted, as the digest's stuck deals need. */
const MIN_STAGE_SAMPLE = 5;

/**
 * Days a deal may stay in each open stage: the stage's p90 from the deals' history, as the digest flags
 * stuck deals, when at least 5 stays ended there; otherwise the team's stale limit (which scales with its
 * cycle); otherwise 30 days.
 */
export function stageLimits(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  thresholds: Pick<Thresholds, 'staleDays'> | undefined,
): Map<string, number> {
  const times = timeInStage(stages, deals);
  const fallback = thresholds?.staleDays ?? 30;
  const limits = new Map<string, number>();
  for (const time of times) {
    const p90 = time.sample >= MIN_STAGE_SAMPLE ? time.p90 : undefined;
    limits.set(time.stage, p90 === undefined ? fallback : Math.max(1, Math.round(p90)));
  }
  return limits;
}

export interface AlertInput {
  teamId: string;
  /** The moment the deals are measured at (an older export: its newest date). */
  now: string;
  stages: readonly StageDef[];
  deals: readonly Deal[];
  previous?: DealSnapshot | undefined;
  thresholds?: Pick<Thresholds, 'staleDays'> | undefined;
  /** Rules turned off by the team; every rule runs unless listed. */
  disabled?: ReadonlySet<AlertRuleId> | undefined;
  accountFit?: ((account: string) => number | undefined) | undefined;
  limits?: AlertLimits;
}

/** Every alert the team's deals raise now, rule by rule in the rules' order, deals in id order. */
export function computeAlerts(input: AlertInput): Alert[] {
  const ctx = {
    now: input.now,
    stages: input.stages,
    previous: input.previous,
    stageLimits: stageLimits(input.stages, input.deals, input.thresholds),
    averageWon: averageDeal(input.deals),
    accountFit: input.accountFit,
    limits: input.limits ?? ALERT_LIMITS,
  };
  const rules = DEAL_RULES.filter((r) => !input.disabled?.has(r.id));
  const deals = [...input.deals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const alerts: Alert[] = [];
  for (const rule of rules) {
    for (const deal of deals) {
      const finding = rule.check(deal, ctx, input.previous?.[deal.id]);
      if (finding === undefined) continue;
      const alert: Alert = {
        key: alertKey(input.teamId, deal.id, rule.id, finding.state),
        rule: rule.id,
        dealId: deal.id,
        stage: deal.stage,
        state: finding.state,
        text: finding.text,
        toChannel: rule.toChannel === true,
      };
      if (deal.owner !== undefined) alert.owner = deal.owner;
      if (deal.account !== undefined) alert.account = deal.account;
      if (deal.amount !== undefined) alert.amount = deal.amount;
      alerts.push(alert);
    }
  }
  return alerts;
}

/** A stage move the app recorded (`/sales-ops qualify` moves a lead, met or not). */
export interface AppStageMove {
  leadId: string;
  company: string;
  /** Slack user id of the lead's owner. */
  ownerId: string;
  from?: string | undefined;
  stage: string;
  at: string;
  exitCriteriaMet: boolean;
  /** Exit criteria of the stage left that were not met. */
  unmet: readonly string[];
  /** Open stages passed over, in the pipeline the move was made in; worked out from the team's stages when absent. */
  skipped?: readonly string[] | undefined;
  amount?: number | undefined;
}

/** Alerts for the app's own moves that skipped a stage or left one without its exit criteria. */
export function moveAlerts(
  teamId: string,
  stages: readonly StageDef[],
  moves: readonly AppStageMove[],
): Alert[] {
  return moves.flatMap((move) => {
    const skipped =
      move.skipped ?? (move.from === undefined ? [] : skippedStages(stages, move.from, move.stage));
    if (move.exitCriteriaMet && skipped.length === 0) return [];
    const parts = [`Moved to ${move.stage}${move.from === undefined ? '' : ` from ${move.from}`}`];
    if (skipped.length > 0) parts.push(`skipping ${skipped.join(', ')}`);
    if (!move.exitCriteriaMet) {
      parts.push(`exit criteria unmet${move.unmet.length > 0 ? `: ${move.unmet.join(', ')}` : ''}`);
    }
    const state = `${move.stage}@${move.at}`;
    const alert: Alert = {
      key: alertKey(teamId, move.leadId, 'stage-skipped', state),
      rule: 'stage-skipped',
      dealId: move.leadId,
      owner: move.ownerId,
      account: move.company,
      stage: move.stage,
      state,
      text: parts.join('; '),
      toChannel: false,
    };
    if (move.amount !== undefined) alert.amount = move.amount;
    return [alert];
  });
}

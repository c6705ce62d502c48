import type { Deal } from '../deal.js';
import { formatMoney, formatPercent } from '../format.js';
import { daysBetween, isoMillis } from '../pipeline/dates.js';
import type { StageDef } from '../pipeline/index.js';
import { daysInCurrentStage, entriesOf } from '../pipeline/time-in-stage.js';
import type { AlertRuleId, DealSnapshot, DealState } from './types.js';

/** What the rules read besides the deal: the moment, the stages, the previous import and the limits. */
export interface RuleContext {
  now: string;
  stages: readonly StageDef[];
  /** The previous import; undefined at the first import, which is the baseline (nothing "changed" yet). */
  previous?: DealSnapshot | undefined;
  /** Days a deal may stay in each open stage before it is stuck. */
  stageLimits: ReadonlyMap<string, number>;
  /** Average won deal, for big wins. */
  averageWon?: number | undefined;
  /** The ICP fit (0–100) of an account, undefined when nothing is known about it. */
  accountFit?: ((account: string) => number | undefined) | undefined;
  limits: AlertLimits;
}

/** The rules' fixed limits; the issue sets them, a team may not. */
export interface AlertLimits {
  /** An amount cut by more than this share alerts (0.2: more than 20%). */
  amountDrop: number;
  /** A win over this many average won deals is a big win. */
  bigWinFactor: number;
  /** ICP fit from which an account matches strongly. */
  icpStrong: number;
  /** Without a previous import, wins closed within these days before now are still announced. */
  recentWinDays: number;
}

export const ALERT_LIMITS: AlertLimits = {
  amountDrop: 0.2,
  bigWinFactor: 2,
  icpStrong: 80,
  recentWinDays: 7,
};

/** What a rule found: the state that identifies it and the sentence a person reads. */
export interface Finding {
  state: string;
  text: string;
}

/** One rule: its id, a title, the limit it applies as words, and its check of one deal. */
export interface AlertRule {
  id: AlertRuleId;
  title: string;
  threshold: (ctx: Pick<RuleContext, 'stageLimits' | 'averageWon' | 'limits'>) => string;
  check: (deal: Deal, ctx: RuleContext, before: DealState | undefined) => Finding | undefined;
  /** The big win goes to the team channel. */
  toChannel?: true;
}

const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '';
const whole = (days: number) => Math.floor(days);

function openStageIndex(stages: readonly StageDef[], name: string): number {
  return stages.findIndex((s) => s.name === name);
}

/** The open stages strictly between two stages of the pipeline, when the deal moved forward past them. */
export function skippedStages(stages: readonly StageDef[], from: string, to: string): string[] {
  const i = openStageIndex(stages, from);
  const target = stages.find((s) => s.name === to);
  if (i < 0 || target === undefined || target.kind === 'lost') return [];
  const j = target.kind === 'won' ? stages.length : openStageIndex(stages, to);
  return stages
    .slice(i + 1, j)
    .filter((s) => s.kind === 'open')
    .map((s) => s.name);
}

/** The ordered rules; adding one is adding an entry. */
export const DEAL_RULES: readonly AlertRule[] = [
  {
    id: 'stuck',
    title: 'Stuck past its stage limit',
    threshold: ({ stageLimits }) =>
      [...stageLimits].map(([stage, days]) => `${stage} ${days} d`).join(', ') || 'no open stages',
    check: (deal, ctx) => {
      if (deal.status !== 'open') return undefined;
      const limit = ctx.stageLimits.get(deal.stage);
      const days = daysInCurrentStage(ctx.stages, deal, ctx.now);
      if (limit === undefined || days === undefined || days <= limit) return undefined;
      const entered = entriesOf(ctx.stages, deal)
        .filter((e) => e.stage === deal.stage)
        .at(-1)?.enteredAt;
      return {
        state: `${deal.stage}@${day(entered)}`,
        text: `Stuck in ${deal.stage} for ${whole(days)} days (limit ${limit})`,
      };
    },
  },
  {
    id: 'close-date-passed',
    title: 'Close date passed, still open',
    threshold: () => 'the day after the expected close date',
    check: (deal, ctx) => {
      if (deal.status !== 'open' || deal.expectedCloseDate === undefined) return undefined;
      const late = daysBetween(day(deal.expectedCloseDate), ctx.now);
      if (late === undefined || late < 1) return undefined;
      return {
        state: day(deal.expectedCloseDate),
        text: `Close date ${day(deal.expectedCloseDate)} passed ${whole(late)} days ago; still open in ${deal.stage}`,
      };
    },
  },
  {
    id: 'close-date-slipped',
    title: 'Close date moved out',
    threshold: () => 'a later expected close date than at the previous import',
    check: (deal, _ctx, before) => {
      if (deal.status !== 'open' || before?.status !== 'open') return undefined;
      const was = isoMillis(before.closeDate);
      const now = isoMillis(deal.expectedCloseDate);
      if (was === undefined || now === undefined || now <= was) return undefined;
      const days = Math.round((now - was) / 86_400_000);
      return {
        state: `${day(before.closeDate)}>${day(deal.expectedCloseDate)}`,
        text: `Close date slipped ${days} days, from ${day(before.closeDate)} to ${day(deal.expectedCloseDate)}`,
      };
    },
  },
  {
    id: 'amount-dropped',
    title: 'Amount dropped',
    threshold: ({ limits }) =>
      `more than ${formatPercent(limits.amountDrop * 100)} below the previous import`,
    check: (deal, ctx, before) => {
      if (before === undefined || before.status !== deal.status || deal.status === 'lost') return undefined;
      const was = before.amount;
      const now = deal.amount;
      if (was === undefined || now === undefined || was <= 0) return undefined;
      const cut = (was - now) / was;
      if (!(cut > ctx.limits.amountDrop)) return undefined;
      return {
        state: `${was}>${now}`,
        text: `Amount dropped ${formatPercent(Math.round(cut * 1000) / 10)}, from ${formatMoney(was)} to ${formatMoney(now)}`,
      };
    },
  },
  {
    id: 'stage-skipped',
    title: 'Stage skipped or moved without exit criteria',
    threshold: () => 'a move past a stage between imports, or a qualify move with exit criteria unmet',
    check: (deal, ctx, before) => {
      if (before === undefined || before.stage === deal.stage) return undefined;
      const skipped = skippedStages(ctx.stages, before.stage, deal.stage);
      if (skipped.length === 0) return undefined;
      return {
        state: `${before.stage}>${deal.stage}`,
        text: `Moved from ${before.stage} to ${deal.stage}, skipping ${skipped.join(', ')}`,
      };
    },
  },
  {
    id: 'big-win',
    title: 'Big win',
    toChannel: true,
    threshold: ({ averageWon, limits }) =>
      averageWon === undefined
        ? `over ${limits.bigWinFactor}× the average won deal`
        : `over ${formatMoney(averageWon * limits.bigWinFactor)} (${limits.bigWinFactor}× the average won deal)`,
    check: (deal, ctx, before) => {
      if (deal.status !== 'won' || deal.amount === undefined || ctx.averageWon === undefined)
        return undefined;
      if (!(deal.amount > ctx.limits.bigWinFactor * ctx.averageWon)) return undefined;
      if (ctx.previous === undefined) {
        const ago = daysBetween(deal.closedAt, ctx.now);
        if (ago === undefined || ago < 0 || ago > ctx.limits.recentWinDays) return undefined;
      } else if (before?.status === 'won') return undefined;
      const times = Math.round((deal.amount / ctx.averageWon) * 10) / 10;
      return { state: 'won', text: `Won ${formatMoney(deal.amount)}, ${times}× the average won deal` };
    },
  },
  {
    id: 'icp-match',
    title: 'New deal with a strong ICP match',
    threshold: ({ limits }) => `a new deal whose account fits the ICP at ${limits.icpStrong} or more`,
    check: (deal, ctx, before) => {
      if (ctx.previous === undefined || before !== undefined || deal.status !== 'open') return undefined;
      if (deal.account === undefined) return undefined;
      const fit = ctx.accountFit?.(deal.account);
      if (fit === undefined || fit < ctx.limits.icpStrong) return undefined;
      return { state: 'new', text: `New deal; ${deal.account} fits the ICP at ${fit}/100` };
    },
  },
];

import { InputError, type Problem } from '../../errors.js';
import type { Deal } from '../deal.js';
import { periodKey } from './dates.js';
import { outcomeOf, reachedStages } from './reach.js';
import type { StageDef } from './stages.js';
import { percentOf, round1 } from './stats.js';

/** One funnel bar: how many deals reached the stage and what share of the first stage that is (0–100). */
export interface FunnelRow {
  stage: string;
  reached: number;
  percent: number;
}

/** The stages a funnel shows: the open stages and the won stage, in order (lost stages are left out). */
export function funnelStages(stages: readonly StageDef[]): StageDef[] {
  return stages.filter((s) => s.kind !== 'lost');
}

/** How many deals reached each stage, aligned with `stages`. */
export function reachedCounts(stages: readonly StageDef[], deals: readonly Deal[]): number[] {
  const counts = stages.map(() => 0);
  for (const deal of deals) {
    reachedStages(stages, deal).forEach((reached, i) => {
      if (reached) counts[i] = (counts[i] ?? 0) + 1;
    });
  }
  return counts;
}

/** Snapshot funnel: the share of all deals that reached each stage, first stage 100 (all 0 with no deals). */
export function snapshotFunnel(stages: readonly StageDef[], deals: readonly Deal[]): FunnelRow[] {
  const shown = funnelStages(stages);
  const counts = reachedCounts(shown, deals);
  const first = counts[0] ?? 0;
  return shown.map((stage, i) => {
    const reached = counts[i] ?? 0;
    return { stage: stage.name, reached, percent: round1(percentOf(reached, first) ?? 0) };
  });
}

export interface Cohort {
  /** `YYYY-MM` or `YYYY-Qn`. */
  cohort: string;
  deals: number;
  open: number;
  /** True while deals of the cohort are still open: its later stages will still grow. */
  incomplete: boolean;
  funnel: FunnelRow[];
}

/**
 * Cohort funnel: deals grouped by the month (or quarter) they were created, each group with its own
 * snapshot funnel. A deal without `createdAt` falls in the cohort of its first history entry; deals
 * with neither are counted in `undated`. Recent cohorts are marked incomplete while deals are open.
 */
export function cohortFunnel(
  stages: readonly StageDef[],
  deals: readonly Deal[],
  options: { by?: 'month' | 'quarter' } = {},
): { cohorts: Cohort[]; undated: number } {
  const by = options.by ?? 'month';
  const groups = new Map<string, Deal[]>();
  let undated = 0;
  for (const deal of deals) {
    const key = periodKey(deal.createdAt ?? earliestEntry(deal), by);
    if (key === undefined) {
      undated += 1;
      continue;
    }
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [deal]);
    else group.push(deal);
  }
  const cohorts = [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([cohort, members]) => {
      const open = members.filter((d) => outcomeOf(stages, d) === 'open').length;
      return {
        cohort,
        deals: members.length,
        open,
        incomplete: open > 0,
        funnel: snapshotFunnel(stages, members),
      };
    });
  return { cohorts, undated };
}

function earliestEntry(deal: Deal): string | undefined {
  return deal.history.map((h) => h.enteredAt).sort()[0];
}

export interface StageStep {
  from: string;
  to: string;
  reachedFrom: number;
  reachedTo: number;
  /** reached(to) ÷ reached(from), 0–100 one decimal; absent when no deal reached `from`. */
  percent?: number;
}

/** Stage-to-stage conversion: deals that ever reached the next funnel stage ÷ deals that reached this one. */
export function stageConversion(stages: readonly StageDef[], deals: readonly Deal[]): StageStep[] {
  const shown = funnelStages(stages);
  const counts = reachedCounts(shown, deals);
  return shown.slice(0, -1).map((stage, i) => {
    const reachedFrom = counts[i] ?? 0;
    const reachedTo = counts[i + 1] ?? 0;
    const step: StageStep = { from: stage.name, to: shown[i + 1]?.name ?? '', reachedFrom, reachedTo };
    const percent = percentOf(reachedTo, reachedFrom);
    if (percent !== undefined) step.percent = round1(percent);
    return step;
  });
}

/**
 * A funnel from percentages alone, keyed by stage name. With `as: 'step'` each value is the share of the
 * previous stage that reaches this one (the first stage is 100 and needs none); with `as: 'cumulative'` each value
 * is already the share of leads reaching the stage (the intake's `funnel`), first stage 100 if left out.
 * Every funnel stage needs a value; unknown names and rising cumulative values are refused.
 */
export function funnelFromRates(
  stages: readonly StageDef[],
  values: Readonly<Record<string, number>>,
  options: { as?: 'step' | 'cumulative' } = {},
): { stage: string; percent: number }[] {
  const as = options.as ?? 'step';
  const shown = funnelStages(stages);
  const problems: Problem[] = Object.keys(values)
    .filter((name) => !shown.some((s) => s.name === name))
    .map((name) => ({
      path: `funnel.${name}`,
      message: `is not a stage; use one of ${shown.map((s) => s.name).join(', ')}`,
    }));
  let previous = 100;
  const rows = shown.map((stage, i) => {
    const given = values[stage.name] ?? (i === 0 ? 100 : undefined);
    if (given === undefined || !(given >= 0 && given <= 100)) {
      problems.push({ path: `funnel.${stage.name}`, message: 'needs a percentage between 0 and 100' });
      return { stage: stage.name, percent: 0 };
    }
    const percent = as === 'cumulative' ? given : i === 0 ? 100 : (previous * given) / 100;
    if (as === 'cumulative' && percent > previous) {
      problems.push({
        path: `funnel.${stage.name}`,
        message: `must not be above the stage before it (${previous})`,
      });
    }
    previous = percent;
    return { stage: stage.name, percent };
  });
  if (problems.length > 0) throw new InputError(problems);
  return rows.map((r) => ({ stage: r.stage, percent: round1(r.percent) }));
}

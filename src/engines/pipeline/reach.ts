import type { Deal, DealStatus } from '../deal.js';
import type { StageDef } from './stages.js';

/** A deal's outcome: its status, or a won or lost stage name when the status says open. */
export function outcomeOf(stages: readonly StageDef[], deal: Deal): DealStatus {
  if (deal.status !== 'open') return deal.status;
  const kind = stages.find((s) => s.name === deal.stage)?.kind;
  return kind === 'won' || kind === 'lost' ? kind : 'open';
}

/**
 * Position, among the open stages, of the furthest open stage the deal reached: its current stage,
 * any open stage in its history, or the first stage (every deal enters the pipeline there).
 * A won deal passed every open stage.
 */
export function furthestOpen(stages: readonly StageDef[], deal: Deal): number {
  const open = stages.filter((s) => s.kind === 'open').map((s) => s.name);
  if (outcomeOf(stages, deal) === 'won') return open.length - 1;
  const positions = [deal.stage, ...deal.history.map((h) => h.stage)].map((name) => open.indexOf(name));
  return Math.max(0, ...positions);
}

/**
 * Which stages a deal reached, aligned with `stages`. Open stages: every one up to the furthest it
 * reached (a deal in Proposal passed Qualified even if no one logged it). Won deals reached every open
 * stage and the won stage. Lost deals reached the open stages up to the one they were lost from and the
 * lost stage; their `stage` may be that last open stage or the lost stage itself (then the history says
 * how far they got, and without history they count as lost from the first stage).
 */
export function reachedStages(stages: readonly StageDef[], deal: Deal): boolean[] {
  const outcome = outcomeOf(stages, deal);
  const furthest = furthestOpen(stages, deal);
  const closedStage = closedStageOf(stages, deal, outcome);
  let openSeen = -1;
  return stages.map((stage) => {
    if (stage.kind === 'open') {
      openSeen += 1;
      return openSeen <= furthest;
    }
    return stage === closedStage;
  });
}

/** Whether the deal reached `stages[index]` (see `reachedStages`). */
export function reachedStage(stages: readonly StageDef[], deal: Deal, index: number): boolean {
  return reachedStages(stages, deal)[index] ?? false;
}

/** The open stage a lost deal was lost from, or undefined when the deal is not lost. */
export function lostFromStage(stages: readonly StageDef[], deal: Deal): string | undefined {
  if (outcomeOf(stages, deal) !== 'lost') return undefined;
  return stages.filter((s) => s.kind === 'open')[furthestOpen(stages, deal)]?.name;
}

function closedStageOf(stages: readonly StageDef[], deal: Deal, outcome: DealStatus): StageDef | undefined {
  if (outcome === 'open') return undefined;
  const named = stages.find((s) => s.name === deal.stage && s.kind === outcome);
  return named ?? stages.find((s) => s.kind === outcome);
}

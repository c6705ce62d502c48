import type { Deal } from '../deal.js';
import type { DealSnapshot, DealState } from './types.js';

/** What each deal of an import looked like, to compare the next import with. */
export function snapshotOf(deals: readonly Deal[]): DealSnapshot {
  const snapshot: DealSnapshot = {};
  for (const deal of deals) snapshot[deal.id] = stateOf(deal);
  return snapshot;
}

/** One deal's state: stage, status, amount and its close date (expected while open). */
export function stateOf(deal: Deal): DealState {
  const state: DealState = { stage: deal.stage, status: deal.status };
  if (deal.amount !== undefined) state.amount = deal.amount;
  const closeDate = deal.status === 'open' ? deal.expectedCloseDate : deal.closedAt;
  if (closeDate !== undefined) state.closeDate = closeDate;
  return state;
}

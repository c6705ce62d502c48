import type { Deal, DealStatus, StageEntry } from '../../../src/engines/deal.js';
import { designStages } from '../../../src/engines/pipeline/index.js';

/** The seed pipeline: Lead, Qualified, Discovery, Proposal, Negotiation, Closed Won, Closed Lost. */
export const SEED = designStages({ model: 'inside', framework: 'bant' });

/** A deal with only what a test needs; history is given as `[stage, date]` pairs. */
export function deal(
  id: string,
  stage: string,
  status: DealStatus,
  extra: Omit<Partial<Deal>, 'history'> & { history?: [string, string][] } = {},
): Deal {
  const { history = [], ...rest } = extra;
  const entries: StageEntry[] = history.map(([s, enteredAt]) => ({ stage: s, enteredAt }));
  return { id, stage, status, ...rest, history: entries };
}

import type { Deal, DealStatus, StageEntry } from '../engines/deal.js';

/**
 * Reads a status from a stage name: "closedwon" (HubSpot's internal id), "Closed Won", "Closed - Won", "Won" and
 * the same followed by a pipeline such as " (Sales Pipeline)" are won, likewise for lost, and any other stage is open.
 */
export function statusFromStageName(stage: string): DealStatus {
  const key = stage
    .replace(/\s*\([^)]*\)\s*$/, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (key === 'closedwon' || key === 'won') return 'won';
  if (key === 'closedlost' || key === 'lost') return 'lost';
  return 'open';
}

/**
 * The history an export without a stage log still tells: an open deal's first stage entry is its creation, and a
 * closed deal entered its won or lost stage when it closed.
 */
export function historyWithoutStageLog(
  stage: string,
  status: DealStatus,
  createdAt: string | undefined,
  closedAt: string | undefined,
): StageEntry[] {
  const enteredAt = status === 'open' ? createdAt : closedAt;
  return enteredAt === undefined ? [] : [{ stage, enteredAt }];
}

/** The optional part of a deal, where a field may be undefined and is then left out. */
export type DealFields = Pick<Deal, 'id' | 'stage' | 'status' | 'history'> & {
  [K in Exclude<keyof Deal, 'id' | 'stage' | 'status' | 'history'>]?: Deal[K] | undefined;
};

/** Builds a deal, leaving out the optional fields that have no value. */
export function buildDeal(fields: DealFields): Deal {
  const { id, stage, status, history } = fields;
  const deal: Deal = { id, stage, status, history };
  if (fields.amount !== undefined) deal.amount = fields.amount;
  if (fields.account !== undefined) deal.account = fields.account;
  if (fields.owner !== undefined) deal.owner = fields.owner;
  if (fields.product !== undefined) deal.product = fields.product;
  if (fields.source !== undefined) deal.source = fields.source;
  if (fields.createdAt !== undefined) deal.createdAt = fields.createdAt;
  if (fields.closedAt !== undefined) deal.closedAt = fields.closedAt;
  if (fields.expectedCloseDate !== undefined) deal.expectedCloseDate = fields.expectedCloseDate;
  return deal;
}

/**
 * The deal of an export whose single close date means "closed on" for a closed deal and "expected to close on"
 * for an open one (HubSpot, Salesforce).
 */
export function dealWithCloseDate(
  cells: {
    id: string;
    stage: string;
    amount?: number | undefined;
    account?: string | undefined;
    owner?: string | undefined;
    source?: string | undefined;
    createdAt?: string | undefined;
    closeDate?: string | undefined;
  },
  status: DealStatus,
): Deal {
  const closedAt = status === 'open' ? undefined : cells.closeDate;
  return buildDeal({
    id: cells.id,
    stage: cells.stage,
    status,
    amount: cells.amount,
    account: cells.account,
    owner: cells.owner,
    source: cells.source,
    createdAt: cells.createdAt,
    closedAt,
    expectedCloseDate: status === 'open' ? cells.closeDate : undefined,
    history: historyWithoutStageLog(cells.stage, status, cells.createdAt, closedAt),
  });
}

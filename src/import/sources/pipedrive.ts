import type { DealStatus, StageEntry } from '../../engines/deal.js';
import { quoteCell } from '../cells.js';
import { buildDeal, statusFromStageName } from '../deal-rules.js';
import type { SourceDefinition } from '../types.js';

const STATUSES: Readonly<Record<string, DealStatus>> = { open: 'open', won: 'won', lost: 'lost' };
const CLOSED_STAGE = { won: 'Won', lost: 'Lost' } as const;

/**
 * Pipedrive's deals export (Deals › ... › Export filter results). A won or lost deal keeps the stage it closed
 * from in "Deal - Stage"; it becomes the stage entered at creation, followed by Won or Lost at the won/lost time.
 */
export const pipedrive: SourceDefinition = {
  source: 'pipedrive',
  label: 'Pipedrive deals export',
  columns: {
    'Deal - ID': { field: 'id', parse: 'text', required: true },
    'Deal - Stage': { field: 'stage', parse: 'text', required: true },
    'Deal - Status': { field: 'status', parse: 'text' },
    'Deal - Value': { field: 'amount', parse: 'amount' },
    'Deal - Organization': { field: 'account', parse: 'text' },
    'Deal - Owner': { field: 'owner', parse: 'text' },
    'Deal - Deal created': { field: 'createdAt', parse: 'date' },
    'Deal - Expected close date': { field: 'expectedCloseDate', parse: 'date' },
    'Deal - Won time': { field: 'wonAt', parse: 'date' },
    'Deal - Lost time': { field: 'lostAt', parse: 'date' },
    'Deal - Deal closed on': { field: 'closedAt', parse: 'date' },
    Quota: { field: 'quota', parse: 'amount' },
  },
  ignored: [
    'Deal - Title',
    'Deal - Currency',
    'Deal - Pipeline',
    'Deal - Contact person',
    'Deal - Lost reason',
  ],
  toDeal: (cells) => {
    const { stage } = cells;
    if (stage === undefined) return 'Deal - Stage is empty: every deal needs a stage';
    const written = cells.status?.toLowerCase();
    const status = written === undefined ? statusFromStageName(stage) : STATUSES[written];
    if (status === undefined)
      return `Deal - Status ${quoteCell(cells.status ?? '')} is not open, won or lost`;
    const closedAt =
      status === 'won'
        ? (cells.wonAt ?? cells.closedAt)
        : status === 'lost'
          ? (cells.lostAt ?? cells.closedAt)
          : undefined;
    // Without a Status column the stage itself may be the won or lost one; then no open stage is known.
    const openStage = statusFromStageName(stage) === 'open' ? stage : undefined;
    const history: StageEntry[] =
      cells.createdAt === undefined || openStage === undefined
        ? []
        : [{ stage: openStage, enteredAt: cells.createdAt }];
    if (status !== 'open' && closedAt !== undefined)
      history.push({ stage: CLOSED_STAGE[status], enteredAt: closedAt });
    return buildDeal({
      id: cells.id,
      stage: status === 'open' ? stage : CLOSED_STAGE[status],
      status,
      amount: cells.amount,
      account: cells.account,
      owner: cells.owner,
      createdAt: cells.createdAt,
      closedAt,
      expectedCloseDate: cells.expectedCloseDate,
      history,
    });
  },
};

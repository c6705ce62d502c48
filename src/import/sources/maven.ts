import type { StageEntry } from '../../engines/deal.js';
import { quoteCell } from '../cells.js';
import { buildDeal } from '../deal-rules.js';
import { normaliseProductName } from '../products.js';
import type { SourceDefinition } from '../types.js';

const STAGES = { prospecting: 'Prospecting', engaging: 'Engaging', won: 'Won', lost: 'Lost' } as const;
type MavenStage = (typeof STAGES)[keyof typeof STAGES];

function isStageKey(key: string): key is keyof typeof STAGES {
  return Object.hasOwn(STAGES, key);
}

const STAGE_NAMES: readonly MavenStage[] = Object.values(STAGES);

/** The stage a deal_stage cell names, in any case; undefined when it names none. */
function stageOf(written: string): MavenStage | undefined {
  // The sample spells its stages exactly so: comparing first spares lower-casing a string on every row.
  for (const name of STAGE_NAMES) if (name === written) return name;
  const key = written.toLowerCase();
  return isStageKey(key) ? STAGES[key] : undefined;
}

/**
 * The Maven Analytics "CRM Sales Opportunities" sample (Prospecting → Engaging → Won / Lost). It keeps no stage
 * history: engage_date is when a deal entered Engaging, close_date when it was won or lost. Open deals have no
 * close_value and are valued at their product's list price.
 */
export const maven: SourceDefinition = {
  source: 'maven',
  label: 'Maven CRM sales_pipeline.csv',
  columns: {
    opportunity_id: { field: 'id', parse: 'text', required: true },
    deal_stage: { field: 'stage', parse: 'text', required: true },
    engage_date: { field: 'engagedAt', parse: 'date', required: true },
    close_date: { field: 'closeDate', parse: 'date', required: true },
    close_value: { field: 'amount', parse: 'amount', required: true },
    sales_agent: { field: 'owner', parse: 'text' },
    product: { field: 'product', parse: 'text' },
    account: { field: 'account', parse: 'text' },
    quota: { field: 'quota', parse: 'amount' },
  },
  ignored: [],
  toDeal: (cells, products) => {
    const stage = cells.stage === undefined ? undefined : stageOf(cells.stage);
    if (stage === undefined) {
      return `deal_stage ${quoteCell(cells.stage ?? '')} is not Prospecting, Engaging, Won or Lost`;
    }
    const closed = stage === 'Won' || stage === 'Lost';
    if (closed && cells.closeDate === undefined)
      return `close_date is empty: a ${stage} deal needs the date it closed`;
    const listed =
      cells.product === undefined ? undefined : products.get(normaliseProductName(cells.product));
    const history: StageEntry[] = [];
    if (stage !== 'Prospecting' && cells.engagedAt !== undefined) {
      history.push({ stage: 'Engaging', enteredAt: cells.engagedAt });
    }
    if (closed && cells.closeDate !== undefined) history.push({ stage, enteredAt: cells.closeDate });
    return buildDeal({
      id: cells.id,
      stage,
      status: stage === 'Won' ? 'won' : stage === 'Lost' ? 'lost' : 'open',
      amount: closed ? cells.amount : (cells.amount ?? listed?.price),
      account: cells.account,
      owner: cells.owner,
      product: listed?.name ?? cells.product,
      // The export has no creation date: engage_date is when Engaging began, so it goes in the history only,
      // and time spent in Prospecting stays unknown instead of looking like zero days.
      closedAt: closed ? cells.closeDate : undefined,
      expectedCloseDate: closed ? undefined : cells.closeDate,
      history,
    });
  },
};

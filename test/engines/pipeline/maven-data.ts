import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Deal } from '../../../src/engines/deal.js';

// The Maven sample kept in the repository under examples/maven-crm/.
const DATA = new URL('../../../examples/maven-crm/', import.meta.url);
type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(new URL(file, DATA)), { columns: true }) as Row[];

const prices = new Map(read('products.csv').map((p) => [p.product ?? '', Number(p.sales_price)]));
const priceOf = (product: string) => prices.get(product === 'GTXPro' ? 'GTX Pro' : product);

/** Minimal mapping: engage_date is the entry into Engaging, open deals are valued at list price. */
function toDeal(row: Row): Deal {
  const stage = row.deal_stage ?? '';
  const status = stage === 'Won' ? 'won' : stage === 'Lost' ? 'lost' : 'open';
  const deal: Deal = {
    id: row.opportunity_id ?? '',
    stage,
    status,
    history: row.engage_date ? [{ stage: 'Engaging', enteredAt: row.engage_date }] : [],
  };
  const amount = status === 'open' ? priceOf(row.product ?? '') : Number(row.close_value);
  if (amount !== undefined) deal.amount = amount;
  if (row.close_date) deal.closedAt = row.close_date;
  if (row.sales_agent) deal.owner = row.sales_agent;
  if (row.account) deal.account = row.account;
  return deal;
}

export { MAVEN_STAGES as STAGES } from '../../support/deals.js';
export const DEALS = read('sales_pipeline.csv').map(toDeal);

import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Deal } from '../../../src/engines/deal.js';
import { importDeals } from '../../../src/import/index.js';

// The Maven sample kept in the repository under examples/maven-crm/.
const DATA = new URL('../../../examples/maven-crm/', import.meta.url);
export type Row = Record<string, string>;
const read = (file: string): Row[] => parse(readFileSync(new URL(file, DATA)), { columns: true }) as Row[];

/** The moment both imports are measured at: the day after the sample's newest close date. */
export const NOW = '2018-01-01T12:00:00Z';
export const COLUMNS = [
  'opportunity_id',
  'sales_agent',
  'product',
  'account',
  'deal_stage',
  'engage_date',
  'close_date',
  'close_value',
];

export const PRICES = new Map(read('products.csv').map((p) => [p.product ?? '', Number(p.sales_price)]));
export const priceOf = (product: string) => PRICES.get(product === 'GTXPro' ? 'GTX Pro' : product) ?? 0;
export const ACCOUNTS = read('accounts.csv');

const DAY = 86_400_000;
export const plusDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The first import: the sample as it is, except that every Engaging deal expects to close 90 days after
 * it was engaged (the sample leaves open deals without a close date).
 */
export function firstRows(): Row[] {
  return read('sales_pipeline.csv').map((row) =>
    row.deal_stage === 'Engaging' ? { ...row, close_date: plusDays(row.engage_date ?? '', 90) } : row,
  );
}

/** What the second import changed, by deal id, so tests count the expected alerts from it. */
export interface Changes {
  slipped: Set<string>;
  cut: Set<string>;
  skippedToWon: Set<string>;
  added: Row[];
}

/**
 * The second import: every 10th Engaging deal's close date moved out 30 days, every 10th (offset 3) cut to
 * half its list price, every 25th Prospecting deal won at list price on 2017-12-30 (skipping Engaging),
 * and three new Engaging deals with accounts from accounts.csv.
 */
export function secondRows(first: readonly Row[]): { rows: Row[]; changes: Changes } {
  const changes: Changes = { slipped: new Set(), cut: new Set(), skippedToWon: new Set(), added: [] };
  let engaging = 0;
  let prospecting = 0;
  const rows = first.map((row) => {
    const id = row.opportunity_id ?? '';
    if (row.deal_stage === 'Engaging') {
      const i = engaging++;
      if (i % 10 === 0) {
        changes.slipped.add(id);
        return { ...row, close_date: plusDays(row.close_date ?? '', 30) };
      }
      if (i % 10 === 3) {
        changes.cut.add(id);
        return { ...row, close_value: String(Math.floor(priceOf(row.product ?? '') / 2)) };
      }
    }
    if (row.deal_stage === 'Prospecting' && prospecting++ % 25 === 0) {
      changes.skippedToWon.add(id);
      const value = String(priceOf(row.product ?? ''));
      return { ...row, deal_stage: 'Won', engage_date: '', close_date: '2017-12-30', close_value: value };
    }
    return row;
  });
  const added = ['Acme Corporation', 'Betasoloin', 'Cancity'].map((account, i) => ({
    opportunity_id: `NEWDEAL${i}`,
    sales_agent: 'Moses Frase',
    product: 'GTX Pro',
    account,
    deal_stage: 'Engaging',
    engage_date: '2017-12-20',
    close_date: '2018-03-20',
    close_value: '',
  }));
  changes.added = added;
  return { rows: [...rows, ...added], changes };
}

/** The rows through the app's own importer, as the deals a team would have stored. */
export async function importRows(rows: readonly Row[]): Promise<Deal[]> {
  const cell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = rows.map((row) => COLUMNS.map((c) => cell(row[c] ?? '')).join(','));
  const csv = `${[COLUMNS.join(','), ...lines].join('\n')}\n`;
  const deals: Deal[] = [];
  await importDeals(Readable.from([csv]), {
    now: NOW,
    sink: async (batch) => void deals.push(...batch),
    lookups: { productPrices: PRICES },
  });
  return deals;
}

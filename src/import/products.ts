import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { InputError } from '../errors.js';
import { parseAmount, quoteCell } from './cells.js';
import { memoised } from './memo.js';
import type { ProductIndex } from './types.js';

/** Normalises a product name for matching: case and spaces do not count, so "GTXPro" matches "GTX Pro". */
export const normaliseProductName = memoised(
  (name: string): string => name.toLowerCase().replace(/\s+/g, ''),
  1_000,
);

/** Indexes a price list (product name → list price) by normalised name, keeping the list's spelling. */
export function indexProducts(prices: ReadonlyMap<string, number> | undefined): ProductIndex {
  const index = new Map<string, { name: string; price: number }>();
  for (const [name, price] of prices ?? [])
    index.set(normaliseProductName(name), { name: name.trim(), price });
  return index;
}

/** Reads a products.csv (columns product and sales_price) into product name → list price. */
export async function loadProductPrices(path: string): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  const problems: { path: string; message: string }[] = [];
  const parser = createReadStream(path).pipe(
    parse({ columns: true, bom: true, skip_empty_lines: true, trim: true }),
  );
  let row = 1;
  for await (const record of parser as AsyncIterable<Record<string, string | undefined>>) {
    row += 1;
    const name = record.product;
    const price = parseAmount(record.sales_price ?? '');
    if (!name || price === undefined || price < 0) {
      problems.push({
        path: `${path} row ${row}`,
        message: `needs a product and a sales_price such as 550, got ${quoteCell(record.sales_price ?? '')}`,
      });
    } else prices.set(name, price);
  }
  if (problems.length > 0) throw new InputError(problems);
  return prices;
}

const SECTOR_SPELLINGS: Readonly<Record<string, string>> = { technolgy: 'technology' };

/** Normalises an account's sector: lower case, and the Maven sample's "technolgy" spelled "technology". */
export function normaliseSector(sector: string): string {
  const key = sector.trim().toLowerCase();
  return SECTOR_SPELLINGS[key] ?? key;
}

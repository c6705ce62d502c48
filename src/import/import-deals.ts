import type { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import type { Deal } from '../engines/deal.js';
import { InputError } from '../errors.js';
import { quoteCell, readCells } from './cells.js';
import { readCsv } from './csv-rows.js';
import { FirstRows } from './first-rows.js';
import { type MappingPlan, type MappingPreview, planMapping } from './mapping.js';
import { indexProducts } from './products.js';
import { SOURCE_DEFINITIONS } from './sources/index.js';
import type { ProductIndex, RowCells, Source } from './types.js';

export interface ImportOptions {
  /** Overrides detection from the header row. */
  source?: Source;
  /** The current time (ISO 8601); a deal created more than a day after it is rejected. */
  now: string;
  /** Called with the number of data rows read so far, after each batch and at the end. */
  onProgress?: (rows: number) => void;
  /** Receives accepted deals in batches; the next rows are read only once it resolves. */
  sink: (batch: Deal[]) => Promise<void>;
  batchSize?: number;
  /** How many rejected rows are listed in the result; all are counted. */
  maxRejectedListed?: number;
  lookups?: { productPrices?: ReadonlyMap<string, number> };
  /** About how many rows the file holds, when the caller can tell, so memory is sized once; only a guess. */
  expectedRows?: number;
}

/** A data row that was not imported; `row` is the row number a spreadsheet shows (the header is row 1). */
export interface RejectedRow {
  row: number;
  reason: string;
}

export interface ImportResult {
  source: Source;
  mapping: MappingPreview;
  rowsRead: number;
  accepted: number;
  rejected: RejectedRow[];
  rejectedCount: number;
}

interface RowContext {
  plan: MappingPlan;
  products: ProductIndex;
  seen: FirstRows;
  latestCreated: string;
  /** What is wrong with the row being read; emptied for each row, so it is not allocated a million times. */
  problems: string[];
}

/** How many rows' ids are warmed at once in the duplicate-id table (see `FirstRows.warm`). */
const WARM_AHEAD = 64;

/** Validates one row into a deal, or returns why it is rejected. */
function rowToDeal(record: readonly string[], row: number, context: RowContext): Deal | string {
  const { plan, seen, problems } = context;
  problems.length = 0;
  const cells = readCells(record, plan.bound, problems);
  const id = cells.id;
  if (id === undefined) problems.push(`${plan.idColumn} is empty: every deal needs an id`);
  else {
    const first = seen.seen(id, row);
    if (first !== undefined)
      problems.push(`${plan.idColumn} ${quoteCell(id)} already appears on row ${first}`);
  }
  const started = cells.createdAt ?? cells.engagedAt;
  if (started !== undefined && started.slice(0, 10) > context.latestCreated) {
    problems.push(`the creation date ${started} is in the future`);
  }
  if (id === undefined || problems.length > 0) return problems.join('; ');
  // cells.id is the id checked above.
  const deal = SOURCE_DEFINITIONS[plan.preview.source].toDeal(
    cells as RowCells & { id: string },
    context.products,
  );
  if (typeof deal === 'string') return deal;
  // Forecast category and quota read the same in every export, so they are added here, not per source.
  if (cells.forecastCategory !== undefined) deal.forecastCategory = cells.forecastCategory;
  if (cells.quota !== undefined) deal.ownerQuota = cells.quota;
  return deal;
}

function dayAfter(now: string): string {
  const date = DateTime.fromISO(now, { zone: 'utc' });
  if (!date.isValid) throw new RangeError(`now must be an ISO 8601 date-time, got ${JSON.stringify(now)}`);
  return date.plus({ days: 1 }).toISODate();
}

/**
 * Streams a CRM export (HubSpot, Salesforce, Pipedrive or the Maven sample) into deals, handing them to `sink`
 * in batches of at most `batchSize` and reading on only after the sink resolves, so memory stays bounded.
 * Rows that fail validation are counted and listed with their reason; a file that cannot be read as a whole
 * (not UTF-8, no or unknown header, malformed CSV, no acceptable row) throws an InputError.
 * The import is all or nothing only together with the caller: if this throws, discard everything the sink
 * received; only a returned result means the file was read to the end.
 */
export async function importDeals(input: Readable, options: ImportOptions): Promise<ImportResult> {
  const batchSize = options.batchSize ?? 500;
  const maxListed = options.maxRejectedListed ?? 50;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError('batchSize must be a whole number, 1 or more');
  const latestCreated = dayAfter(options.now);
  const products = indexProducts(options.lookups?.productPrices);
  // Every id seen, to reject duplicates: the one thing kept per row, about 20 bytes each.
  const seen = new FirstRows(options.expectedRows);
  let plan: MappingPlan | undefined;
  let context: RowContext | undefined;

  const result = { rowsRead: 0, accepted: 0, rejected: [] as RejectedRow[], rejectedCount: 0 };
  let batch: Deal[] = [];
  let reported = 0;
  const report = (): void => {
    if (result.rowsRead === reported) return;
    reported = result.rowsRead;
    options.onProgress?.(reported);
  };
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    await options.sink(full);
    report();
  };

  await readCsv(input, {
    header: (header) => {
      plan = planMapping(header, options.source);
      context = { plan, products, seen, latestCreated, problems: [] };
    },
    rows: async ({ cells, rows }) => {
      if (context === undefined) return;
      const idIndex = context.plan.idIndex;
      // The ids as written, untrimmed: warming only speeds up the checks, which read the cells properly.
      const ids = idIndex === undefined ? undefined : cells.map((record) => record[idIndex] ?? '');
      for (let i = 0; i < cells.length; i++) {
        // A few rows ahead at a time, so the warmed memory is still in the cache when its row is checked.
        if (ids !== undefined && i % WARM_AHEAD === 0) seen.warm(ids, i, i + WARM_AHEAD);
        const row = rows[i] as number;
        result.rowsRead += 1;
        const deal = rowToDeal(cells[i] as string[], row, context);
        if (typeof deal === 'string') {
          result.rejectedCount += 1;
          if (result.rejected.length < maxListed)
            result.rejected.push({ row, reason: `row ${row}: ${deal}` });
          continue;
        }
        batch.push(deal);
        result.accepted += 1;
        if (batch.length >= batchSize) await flush();
      }
    },
  });
  await flush();

  if (plan === undefined)
    throw new InputError('The file is empty: it needs a header row and at least one deal.');
  if (result.rowsRead === 0) throw new InputError('The file has a header row but no deals under it.');
  if (result.accepted === 0) {
    throw new InputError([
      { path: '', message: `None of the ${result.rowsRead} rows could be imported, so nothing was changed:` },
      ...result.rejected.slice(0, 5).map((r) => ({ path: '', message: r.reason })),
    ]);
  }
  report();
  return { source: plan.preview.source, mapping: plan.preview, ...result };
}

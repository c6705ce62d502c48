import { createReadStream } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  computeColumnarDashboard,
  DealColumnsBuilder,
  newestColumnsDate,
  windowTrendsColumns,
} from '../engines/columnar/index.js';
import {
  measureDateFromNewest,
  REPORT_STUCK_LISTED,
  renderReportText,
  stagesFromNames,
} from '../engines/dashboard/index.js';
import { InputError } from '../errors.js';
import { detectSource, importDeals, SOURCE_DEFINITIONS, type Source } from '../import/index.js';
import { type CsvInput, csvProgressBar, pricesBeside, pricesFromOption, readCsvArgs } from './csv-input.js';
import { type CliCommand, EXIT_OK } from './io.js';

const USAGE = `Usage: sales-ops report FILE.csv [--source hubspot|salesforce|pipedrive|maven] [--products products.csv] [--quota N] [--now ISO]

  FILE.csv    a CRM export: HubSpot deals, Salesforce opportunities, Pipedrive deals or the Maven sample
  --source    the system the file comes from (default: recognised from the header row)
  --products  a price list (product,sales_price) to value open Maven deals; defaults to products.csv beside FILE
  --quota     the team's quota for the quarter of --now, to show coverage
  --now       the moment the report is for, e.g. 2017-12-31T12:00:00Z (default: the newest date in an
              older export, so days in stage are counted as they stood then; else the current time)
`;

const TREND_DAYS = 90;

interface ReportArgs extends CsvInput {
  quota?: number;
}

function parseReportArgs(args: string[]): ReportArgs | 'help' {
  const csv = readCsvArgs(args, {
    command: 'report',
    example: 'sales-ops report sales_pipeline.csv',
    options: { quota: { type: 'string' } },
  });
  if (csv === 'help') return 'help';
  csv.readProducts();
  const quotaText = csv.text('quota');
  let quota: number | undefined;
  if (quotaText !== undefined) {
    const amount = Number(quotaText.replace(/[,_$\s]/g, ''));
    if (Number.isFinite(amount) && amount > 0) quota = amount;
    else csv.problem('--quota', 'must be an amount above 0, such as 3000000');
  }
  const input = csv.finish();
  return quota === undefined ? input : { ...input, quota };
}

/** The size of a readable file, or an InputError that says what is wrong with the path. */
async function fileSize(path: string, shown: string, what: string): Promise<number> {
  try {
    const info = await stat(path);
    if (info.isFile()) return info.size;
    throw new InputError([{ path: shown, message: `is a folder, not a file; pass the path of ${what}` }]);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError([
      { path: shown, message: `no such file or not readable; pass the path of ${what}` },
    ]);
  }
}

const HEAD_BYTES = 65_536;

/** The file's first 64 kB as text (a partial character at the end aside); '' when it cannot be read. */
async function readHead(path: string): Promise<{ text: string; bytes: number }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, 'r');
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(HEAD_BYTES), 0, HEAD_BYTES, 0);
    return { text: buffer.subarray(0, bytesRead).toString('utf8'), bytes: bytesRead };
  } catch {
    return { text: '', bytes: 0 };
  } finally {
    await handle?.close();
  }
}

/** The source a file's header row names; undefined when it is not recognisable. */
function sniffSource(head: string): Source | undefined {
  try {
    const firstLine = head.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    const [header] = parse(firstLine, { relax_quotes: true }) as string[][];
    return header === undefined ? undefined : detectSource(header);
  } catch {
    return undefined;
  }
}

/** Past this many rows the estimate is not trusted to size memory up front; the columns grow as rows come. */
const MAX_EXPECTED_ROWS = 10_000_000;

/**
 * About how many rows a file of `size` bytes holds, from the lines of its head, a little over so the columns
 * are sized once; only a guess that sizes memory, never a count that is reported.
 */
function estimatedRows(head: { text: string; bytes: number }, size: number): number {
  let lines = 0;
  for (let at = head.text.indexOf('\n'); at !== -1; at = head.text.indexOf('\n', at + 1)) lines += 1;
  if (head.bytes === 0 || lines === 0) return 0;
  const rows = head.bytes >= size ? lines + 1 : Math.ceil((size / head.bytes) * lines * 1.02);
  return Math.min(rows, MAX_EXPECTED_ROWS);
}

/** The product prices to value open Maven deals: --products, or products.csv beside a Maven file. */
async function productPrices(
  args: ReportArgs,
  path: string,
  head: string,
  cwd: string,
): Promise<Map<string, number> | undefined> {
  if (args.products !== undefined) return pricesFromOption(args.products, cwd, fileSize);
  const isMaven = (args.source ?? sniffSource(head)) === 'maven';
  return isMaven ? pricesBeside(path) : undefined;
}

/** `sales-ops report FILE.csv`: imports a CRM export and prints its dashboard, funnel, bottlenecks and stuck deals. */
export const run: CliCommand = async (args, io) => {
  const parsed = parseReportArgs(args);
  if (parsed === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const path = resolve(io.cwd, parsed.file);
  const size = await fileSize(path, parsed.file, 'a CSV export');
  const head = await readHead(path);
  const prices = await productPrices(parsed, path, head.text, io.cwd);
  // Each batch is turned into columns as it arrives, so a million-row file never lives as a million objects.
  const expectedRows = estimatedRows(head, size);
  const builder = new DealColumnsBuilder().expect(expectedRows);
  const input = createReadStream(path);
  const bar = process.stderr.isTTY === true ? await csvProgressBar({ hideCursor: true }) : undefined;
  bar?.start(size, 0, { rows: 0 });
  const result = await importDeals(input, {
    ...(parsed.source === undefined ? {} : { source: parsed.source }),
    now: parsed.now,
    sink: async (batch) => {
      builder.append(batch);
    },
    onProgress: (rows) => bar?.update(input.bytesRead, { rows }),
    maxRejectedListed: 1000,
    expectedRows,
    ...(prices === undefined ? {} : { lookups: { productPrices: prices } }),
  }).finally(() => bar?.stop());
  for (const rejected of result.rejected) io.stderr(`rejected: ${rejected.reason}\n`);
  const unlisted = result.rejectedCount - result.rejected.length;
  if (unlisted > 0) io.stderr(`rejected: … and ${unlisted} more rows\n`);
  if (result.rejectedCount > 0) {
    io.stderr(
      `${result.rejectedCount} of ${result.rowsRead} rows rejected; the report covers the other ${result.accepted}.\n`,
    );
  }

  const columns = builder.finish();
  const stages = stagesFromNames(result.source, columns.stageNames.values);
  const measured = measureDateFromNewest(
    newestColumnsDate(columns),
    parsed.now,
    parsed.nowGiven ? parsed.now : undefined,
  );
  const dashboard = computeColumnarDashboard({
    stages,
    columns,
    now: measured.at,
    // The report lists the most overdue stuck deals and counts the rest, so only those are sorted.
    stuckLimit: REPORT_STUCK_LISTED,
    ...(parsed.quota === undefined ? {} : { quota: parsed.quota }),
  });
  const { current, trends } = windowTrendsColumns(columns, { now: measured.at, days: TREND_DAYS });
  io.stdout(
    renderReportText(dashboard, {
      file: basename(parsed.file),
      sourceLabel: SOURCE_DEFINITIONS[result.source].label,
      now: measured.at,
      basis: measured.basis,
      trends: { days: TREND_DAYS, current, trends },
    }),
  );
  return EXIT_OK;
};

import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import type { SingleBar } from 'cli-progress';
import type { CompanyFacts } from '../engines/qualification/icp-fit.js';
import { InputError, type Problem } from '../errors.js';
import { loadAccountFacts, loadProductPrices, SOURCES, type Source } from '../import/index.js';

/** The arguments every CSV command takes: the export, the system it comes from, a price list and the moment. */
export interface CsvInput {
  file: string;
  source?: Source;
  products?: string;
  now: string;
  /** Whether --now was given (else `now` is the current time). */
  nowGiven: boolean;
}

/** Option definitions as `parseArgs` takes them. */
export type CsvOptions = NonNullable<ParseArgsConfig['options']>;

/** How a CSV command names itself and which options it adds to --source, --products and --now. */
export interface CsvCommandSpec {
  /** The subcommand, as unknown options are reported: `is not an option of import`. */
  command: string;
  /** The command line shown when FILE is missing, such as `sales-ops import deals.csv`. */
  example: string;
  /** The command's own options; a `help` entry here replaces the plain `--help`. */
  options: CsvOptions;
}

/** A CSV command's arguments while they are read; problems are kept in the order the options are read. */
export interface CsvArgs {
  /** A string option, noting a problem when it was given without a value. */
  text(name: string): string | undefined;
  /** Whether a boolean option was given. */
  flag(name: string): boolean;
  /** Notes a problem with an argument. */
  problem(path: string, message: string): void;
  /** Reads --products. */
  readProducts(): void;
  /** Reads --now, then returns the input, or throws an InputError listing every problem noted. */
  finish(): CsvInput;
}

const COMMON_OPTIONS: CsvOptions = {
  source: { type: 'string' },
  products: { type: 'string' },
  now: { type: 'string' },
  help: { type: 'boolean' },
};

const isSource = (value: string): value is Source => (SOURCES as readonly string[]).includes(value);

/** Starts reading a CSV command's arguments: unknown options, FILE and --source; `help` when it was asked for. */
export function readCsvArgs(args: string[], spec: CsvCommandSpec): CsvArgs | 'help' {
  const options = { ...COMMON_OPTIONS, ...spec.options };
  const { values, positionals } = parseArgs({ args, allowPositionals: true, strict: false, options });
  if (values.help === true) return 'help';
  const known = new Set(Object.keys(options));
  const problems: Problem[] = Object.keys(values)
    .filter((key) => !known.has(key))
    .map((key) => ({ path: `--${key}`, message: `is not an option of ${spec.command}; see --help` }));
  const problem = (path: string, message: string) => {
    problems.push({ path, message });
  };
  const text = (name: string): string | undefined => {
    const value = values[name];
    if (value === true) problem(`--${name}`, 'needs a value');
    return typeof value === 'string' ? value : undefined;
  };
  const [file, ...extra] = positionals;
  if (file === undefined) problem('FILE', `is required: ${spec.example}`);
  if (extra.length > 0) problem(extra.join(' '), 'unexpected argument; pass one CSV file');
  const input: CsvInput = { file: file ?? '', now: new Date().toISOString(), nowGiven: false };
  const source = text('source');
  if (source !== undefined) {
    if (isSource(source)) input.source = source;
    else problem('--source', `must be one of ${SOURCES.join(', ')}`);
  }
  return {
    text,
    flag: (name) => values[name] === true,
    problem,
    readProducts: () => {
      const products = text('products');
      if (products !== undefined) input.products = products;
    },
    finish: () => {
      const now = text('now');
      if (now !== undefined) {
        if (Number.isNaN(Date.parse(now)))
          problem('--now', 'must be an ISO timestamp such as 2017-12-31T12:00:00Z');
        else {
          input.now = new Date(now).toISOString();
          input.nowGiven = true;
        }
      }
      if (problems.length > 0) throw new InputError(problems);
      return input;
    },
  };
}

/** Checks a path given on the command line and returns the file's size; the message names the argument. */
export type FileCheck = (path: string, shown: string, what: string) => Promise<number>;

/** The price list given with --products, resolved against `cwd` and checked with the command's own check. */
export async function pricesFromOption(
  products: string,
  cwd: string,
  check: FileCheck,
): Promise<Map<string, number>> {
  const path = resolve(cwd, products);
  await check(path, products, 'a products.csv with product and sales_price columns');
  return loadProductPrices(path);
}

/** The file called `name` in the folder of the export at `path`, when there is one. */
async function fileBeside(path: string, name: string): Promise<string | undefined> {
  const beside = join(dirname(path), name);
  const exists = await stat(beside).then(
    (s) => s.isFile(),
    () => false,
  );
  return exists ? beside : undefined;
}

/** The prices in products.csv beside the export at `path`, or undefined when there is no such file. */
export async function pricesBeside(path: string): Promise<Map<string, number> | undefined> {
  const beside = await fileBeside(path, 'products.csv');
  return beside === undefined ? undefined : loadProductPrices(beside);
}

/** The account facts in accounts.csv beside the export at `path`, or undefined when there is no such file. */
export async function accountsBeside(path: string): Promise<Map<string, CompanyFacts> | undefined> {
  const beside = await fileBeside(path, 'accounts.csv');
  return beside === undefined ? undefined : loadAccountFacts(beside);
}

/**
 * The bar a CSV command draws on stderr while it reads rows, advanced by bytes read. Loaded only when drawn: a
 * command whose stderr is not a terminal never needs it.
 */
export async function csvProgressBar(options: { hideCursor?: boolean } = {}): Promise<SingleBar> {
  const { Presets, SingleBar } = await import('cli-progress');
  return new SingleBar(
    {
      stream: process.stderr,
      format: 'Importing {bar} {percentage}% | {rows} rows',
      clearOnComplete: true,
      ...options,
    },
    Presets.shades_classic,
  );
}

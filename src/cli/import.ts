import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { queueImportAlerts } from '../commands/alerts/index.js';
import {
  type ImportTarget,
  importReportText,
  mappingText,
  readFileHeader,
  runImport,
} from '../commands/import/index.js';
import { loadToolConfig, type RawEnv } from '../config.js';
import { InputError } from '../errors.js';
import { loadAccountFacts, type Source } from '../import/index.js';
import { createFollowups } from '../jobs/followups.js';
import { createQueues, queuePrefix } from '../jobs/queues.js';
import { connectRedis, redisTarget } from '../redis.js';
import type { RedisClient } from '../redis-client.js';
import { createStore, type Store } from '../store/index.js';
import {
  accountsBeside,
  type CsvInput,
  csvProgressBar,
  pricesBeside,
  pricesFromOption,
  readCsvArgs,
} from './csv-input.js';
import { type CliCommand, type CliIO, EXIT_OK } from './io.js';

const USAGE = `Usage: sales-ops import FILE.csv [--source hubspot|salesforce|pipedrive|maven] [--team T…] [--products products.csv] [--accounts accounts.csv] [--dry-run] [--now ISO]

  FILE.csv    a CRM export: HubSpot deals, Salesforce opportunities, Pipedrive deals or the Maven sample
  --source    the system the file comes from (default: recognised from the header row)
  --team      the Slack team id whose deals the file replaces, all or nothing (REDIS_URL says where)
  --products  a price list (product,sales_price) to value open Maven deals; defaults to products.csv beside FILE
  --accounts  the accounts (account,sector,revenue,employees,office_location) for the ICP match alert;
              defaults to accounts.csv beside a Maven FILE
  --dry-run   read, check and audit the file without storing anything (no Redis needed)
  --now       the moment to check dates against, e.g. 2017-12-31T12:00:00Z (default: the current time)
`;

const TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface ImportArgs extends CsvInput {
  team?: string;
  accounts?: string;
  dryRun: boolean;
}

function parseImportArgs(args: string[]): ImportArgs | 'help' {
  const csv = readCsvArgs(args, {
    command: 'import',
    example: 'sales-ops import deals.csv',
    options: {
      team: { type: 'string' },
      accounts: { type: 'string' },
      'dry-run': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (csv === 'help') return 'help';
  const dryRun = csv.flag('dry-run');
  const team = csv.text('team');
  const validTeam = team !== undefined && TEAM_ID.test(team) ? team : undefined;
  if (team !== undefined && validTeam === undefined)
    csv.problem('--team', 'must be a Slack team id such as T0123ABCD');
  else if (team === undefined && !dryRun)
    csv.problem('--team', 'is required to store the deals (or pass --dry-run to only check)');
  csv.readProducts();
  const accounts = csv.text('accounts');
  const input = csv.finish();
  return {
    ...input,
    dryRun,
    ...(validTeam === undefined ? {} : { team: validTeam }),
    ...(accounts === undefined ? {} : { accounts }),
  };
}

/** The size of the file at `path`, or an InputError naming the argument when there is no such file. */
async function checkFile(path: string, shown: string, what: string): Promise<number> {
  const info = await stat(path).catch(() => undefined);
  if (info === undefined)
    throw new InputError([{ path: shown, message: `no such file; pass the path of ${what}` }]);
  if (!info.isFile())
    throw new InputError([{ path: shown, message: `is a folder; pass the path of ${what}` }]);
  return info.size;
}

/** Product prices for open Maven deals: --products, or products.csv beside a Maven file when there is one. */
async function productPrices(args: ImportArgs, path: string, io: CliIO, source: Source | undefined) {
  if (args.products !== undefined) return pricesFromOption(args.products, io.cwd, checkFile);
  if (source !== 'maven') return undefined;
  const prices = await pricesBeside(path);
  if (prices === undefined)
    io.stderr(
      `note: no products.csv beside ${args.file}, so open deals are stored without an amount; pass --products\n`,
    );
  return prices;
}

/** Account facts for the ICP match alert: --accounts, or accounts.csv beside a Maven file when there is one. */
async function accountFacts(args: ImportArgs, path: string, io: CliIO, source: Source | undefined) {
  if (args.accounts !== undefined) {
    const given = resolve(io.cwd, args.accounts);
    await checkFile(
      given,
      args.accounts,
      'an accounts.csv with account, sector, revenue, employees and office_location',
    );
    return loadAccountFacts(given);
  }
  return source === 'maven' ? accountsBeside(path) : undefined;
}

/**
 * Queues the alert run of an import stored from a terminal, as a Slack import does, when the app is installed
 * in the team: the worker sends the alerts. Says what happened, for the import's output.
 */
async function alertsAfterImport(
  deps: { redis: RedisClient; store: Store; defaultZone: string },
  teamId: string,
  importId: string,
): Promise<string> {
  if ((await deps.store.installations.installedAt({ teamId })) === undefined) {
    return `Deal alerts: sales-ops is not installed in team ${teamId}, so no alerts were queued; they run on the first import after it is installed.\n`;
  }
  const queues = createQueues(deps.redis, queuePrefix(deps.store.keys.prefix));
  try {
    const followups = createFollowups({
      redis: deps.redis,
      keys: deps.store.keys,
      queues,
      defaultZone: deps.defaultZone,
    });
    await queueImportAlerts({ store: deps.store, followups }, { teamId, importId });
  } finally {
    await queues.close();
  }
  return 'Deal alerts for these deals are queued: the worker sends them to their owners (`/sales-ops alerts` in Slack shows the rules).\n';
}

/** How the import command reaches the outside: the environment (REDIS_URL, REDIS_KEY_PREFIX) and the terminal. */
export interface ImportCliContext {
  /** Variables to read instead of the process environment (tests); config.ts reads the real one. */
  env?: RawEnv;
  /** Whether stderr is a terminal; the progress bar is drawn only then. */
  isTTY: boolean;
}

/** Builds `sales-ops import` for an environment; `run` is it for the running process. */
export function importCommand(context: ImportCliContext): CliCommand {
  return async (args, io) => {
    const parsed = parseImportArgs(args);
    if (parsed === 'help') {
      io.stdout(USAGE);
      return EXIT_OK;
    }
    const path = resolve(io.cwd, parsed.file);
    const size = await checkFile(path, parsed.file, 'a CSV export');
    const header = await readFileHeader(path, parsed.source);
    if (header) io.stdout(mappingText(header));
    const source = parsed.source ?? header?.mapping.source;
    const prices = await productPrices(parsed, path, io, source);
    // Read before anything is stored: a bad accounts file refuses the import, as a bad export does.
    const accounts = await accountFacts(parsed, path, io, source);
    const config = parsed.dryRun ? undefined : loadToolConfig(context.env);
    const prefix = config?.REDIS_KEY_PREFIX;
    const redis = config === undefined ? undefined : await connectRedis(redisTarget(config));
    const bar = context.isTTY ? await csvProgressBar() : undefined;
    try {
      const store = redis && prefix !== undefined ? createStore(redis, { prefix }) : undefined;
      const target: ImportTarget | undefined =
        store && parsed.team
          ? {
              deals: store.deals,
              teamId: parsed.team,
              by: 'cli',
              fileName: basename(path),
            }
          : undefined;
      const input = createReadStream(path);
      bar?.start(size, 0, { rows: 0 });
      const run = await runImport(input, {
        now: parsed.now,
        maxRejectedListed: 1000,
        onProgress: (rows) => bar?.update(input.bytesRead, { rows }),
        ...(parsed.source === undefined ? {} : { source: parsed.source }),
        ...(prices === undefined ? {} : { productPrices: prices }),
        ...(target === undefined ? {} : { target }),
      }).finally(() => bar?.stop());
      const destination = target
        ? { teamId: target.teamId, counts: await target.deals.countDeals(target.teamId) }
        : { dryRun: true as const };
      io.stdout(importReportText(run, destination));
      if (accounts !== undefined) {
        if (store && target) await store.accounts.replace(target.teamId, accounts);
        io.stdout(
          `${accounts.size} accounts with their sector, size, revenue and place ${target ? 'stored' : 'read'} for the ICP match alert\n`,
        );
      }
      if (store && redis && target && run.stored && config) {
        io.stdout(
          await alertsAfterImport(
            { redis, store, defaultZone: config.DEFAULT_TIMEZONE },
            target.teamId,
            run.stored.importId,
          ),
        );
      }
      return EXIT_OK;
    } finally {
      await redis?.quit();
    }
  };
}

/** `sales-ops import FILE.csv`: prints the mapping, then stores the deals for --team all or nothing, and audits them. */
export const run: CliCommand = (args, io) =>
  importCommand({ isTTY: process.stderr.isTTY === true })(args, io);

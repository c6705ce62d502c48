import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadToolConfig } from '../src/config.js';
import { importDeals, loadProductPrices } from '../src/import/index.js';
import { openRedis, redisTarget } from '../src/redis.js';
import { dealKeys } from '../src/store/deals-keys.js';
import { createStore } from '../src/store/index.js';
import { writeMavenFile } from './maven-file.js';
import { reportSql } from './report-sql.js';
import { median } from './support.js';

const ROWS = 1_000_000;
const REDIS_ROWS = 100_000;
const NOW = '2017-12-31T12:00:00Z';
/** Runs of each side; the table compares their medians. */
const ROUNDS = 3;

const PG = ['-X', '-q', '-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres'];

interface Run {
  seconds: number;
  peakMb?: number;
}

/** Runs a command under /usr/bin/time and returns its wall time and peak RSS; throws when it fails. */
function timed(command: string, args: string[]): Run {
  const result = spawnSync('/usr/bin/time', ['-f', '@@%e %M', command, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const line = result.stderr.split('\n').find((l) => l.startsWith('@@'));
  if (result.status !== 0 || line === undefined) {
    throw new Error(`${command} failed (${result.status}): ${result.stderr.slice(-2000)}`);
  }
  const [seconds = 0, kb = 0] = line.slice(2).split(' ').map(Number);
  return { seconds, peakMb: kb / 1024 };
}

/** Redis bytes per deal (MEMORY USAGE of the team's deals hash) after importing `file` through the store. */
async function redisBytesPerDeal(file: string, products: string): Promise<{ deals: number; bytes: number }> {
  const redis = openRedis(redisTarget(loadToolConfig()), { maxRetriesPerRequest: 2 });
  const prefix = `bench-${randomBytes(4).toString('hex')}`;
  const store = createStore(redis, { prefix });
  try {
    const staged = store.deals.startImport('T0BENCH');
    const result = await importDeals(createReadStream(file), {
      now: NOW,
      sink: (batch) => staged.write(batch),
      lookups: { productPrices: await loadProductPrices(products) },
    });
    await staged.commit({
      meta: {
        source: 'maven',
        rows: result.rowsRead,
        accepted: result.accepted,
        rejected: 0,
        importedAt: NOW,
        by: 'U0',
      },
      stages: [],
    });
    const key = dealKeys(store.keys, 'T0BENCH').live.deals;
    const bytes = Number((await redis.memory('USAGE', key, 'SAMPLES', '0')) ?? 0);
    return { deals: result.accepted, bytes };
  } finally {
    await store.purgeTeam('T0BENCH');
    await redis.quit();
  }
}

/**
 * `sales-ops report` of a seeded 1,000,000-deal Maven-shaped export against PostgreSQL loading the same file with
 * `\copy` and computing the same figures in SQL, three alternating runs each (the medians compared); then Redis bytes per deal after a 100,000-deal import.
 */
export async function benchReport(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sales-ops-report-'));
  try {
    const file = join(dir, 'sales_pipeline.csv');
    const products = join(dir, 'products.csv');
    await writeMavenFile(file, products, ROWS);
    // The report runs as `sales-ops` does: the compiled CLI.
    const build = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the build failed');
    const sql = join(dir, 'report.sql');
    await writeFile(sql, reportSql(file, products, NOW));
    // Alternating runs, so a slow moment of a shared machine does not land on one side only.
    const ours: Run[] = [];
    const postgres: Run[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      ours.push(timed(process.execPath, ['dist/cli.js', 'report', file, '--now', NOW]));
      postgres.push(timed('psql', [...PG, '-f', sql]));
    }
    const seconds = (runs: Run[]) => median(runs.map((r) => r.seconds));
    const peakMb = Math.max(...ours.map((r) => r.peakMb ?? 0));
    const ratio = seconds(ours) / seconds(postgres);
    const list = (runs: Run[]) => runs.map((r) => `${r.seconds.toFixed(2)} s`).join(', ');
    console.log(
      `\nreport: sales-ops report vs PostgreSQL \\copy + the same aggregates (${ROWS.toLocaleString('en-US')} Maven-shaped deals, median of ${ROUNDS} alternating runs)`,
    );
    console.log(`runs: sales-ops ${list(ours)}; PostgreSQL ${list(postgres)}`);
    console.log('| what | time | peak RSS | ratio to PostgreSQL | target | holds |');
    console.log('|---|---|---|---|---|---|');
    console.log(
      `| sales-ops report | ${seconds(ours).toFixed(2)} s | ${peakMb.toFixed(0)} MB (highest run) | ${ratio.toFixed(2)}× | ≤ 1.0×, < 300 MB | ${ratio <= 1 && peakMb < 300 ? 'yes' : 'NO'} |`,
    );
    console.log(
      `| PostgreSQL (psql \\copy + SQL) | ${seconds(postgres).toFixed(2)} s | server side | 1.00× | | |`,
    );

    const small = join(dir, 'sales_pipeline_100k.csv');
    await writeMavenFile(small, products, REDIS_ROWS);
    const { deals, bytes } = await redisBytesPerDeal(small, products);
    console.log(
      `\nRedis per imported deal: ${(bytes / deals).toFixed(1)} B (${deals.toLocaleString('en-US')} deals, ${(bytes / 1_048_576).toFixed(2)} MB; target ≤ 100 B)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

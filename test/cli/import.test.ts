import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCommand } from '../../src/cli/import.js';
import { reportError } from '../../src/cli/io.js';
import { main } from '../../src/cli.js';
import { alertsImportJobId, alertsSchedulerId } from '../../src/jobs/alerts-job.js';
import { createQueues, JOB_NAMES, queuePrefix } from '../../src/jobs/queues.js';
import { collect } from '../support/cli.js';
import { keysUnder, TEST_REDIS_URL } from '../support/redis.js';
import { useTestStore } from '../support/store.js';

const SHARED = fileURLToPath(new URL('../../examples/maven-crm/', import.meta.url));
const MAVEN = `${SHARED}sales_pipeline.csv`;
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const TEAM = 'T0CLIIMPORT';
const NOW = '2018-01-01T00:00:00Z';

const db = useTestStore();

/** Runs `sales-ops import ARGS` against the test Redis under this test's prefix, as the binary would. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = collect();
  const command = importCommand({
    env: { REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: db.prefix },
    isTTY: false,
  });
  const code = await command(args, io).catch((error: unknown) => reportError(error, io));
  return { code, out: io.out, err: io.err };
}

describe('sales-ops import', () => {
  it('stores the whole Maven sample for the team: 8,800 deals, none rejected, counts per status', async () => {
    const { code, out, err } = await cli([MAVEN, '--team', TEAM, '--now', NOW]);
    expect(err).toBe('');
    expect(code).toBe(0);
    // Counted without the importer: awk -F, 'NR>1 {print $5}' sales_pipeline.csv | sort | uniq -c
    // → Won 4238, Lost 2473, Engaging 1589, Prospecting 500 (open = 1589 + 500 = 2089).
    expect(await db.store.deals.countDeals(TEAM)).toEqual({ total: 8800, open: 2089, won: 4238, lost: 2473 });
    expect(await db.store.deals.lastImport(TEAM)).toMatchObject({
      source: 'maven',
      fileName: 'sales_pipeline.csv',
      rows: 8800,
      accepted: 8800,
      rejected: 0,
      by: 'cli',
    });
    expect((await db.store.deals.stages(TEAM))?.map((s) => `${s.name}:${s.kind}`)).toEqual([
      'Prospecting:open',
      'Engaging:open',
      'Won:won',
      'Lost:lost',
    ]);
    expect(out.indexOf('Source: Maven CRM sales_pipeline.csv')).toBe(0);
    expect(out).toContain('opportunity_id  →  deal id');
    expect(out).toContain('Read 8,800 rows: 8,800 accepted, 0 rejected.');
    expect(out).toContain(`Stored 8,800 deals for team ${TEAM}: 2,089 open, 4,238 won, 2,473 lost.`);
    expect(out).toContain('Pipeline stages: Prospecting → Engaging → Won / Lost');
    expect(out).toContain('Data hygiene audit (8,800 records checked):');
    expect(out).toMatch(/Missing required fields: 1,425 \(/);
    expect((await keysUnder(db.redis, db.prefix)).some((k) => k.includes(':import:'))).toBe(false);
    // accounts.csv beside the export: 85 accounts (wc -l is 86 with the header), revenue given in $ millions.
    expect(out).toContain(
      '85 accounts with their sector, size, revenue and place stored for the ICP match alert',
    );
    const accounts = await db.store.accounts.facts(TEAM);
    expect(accounts.size).toBe(85);
    expect(accounts.get('Betasoloin')).toEqual({
      industry: 'medical',
      employees: 495,
      annualRevenue: 251_410_000,
      geography: 'United States',
    });
    expect(accounts.get('Acme Corporation')?.industry).toBe('technology');
  });

  it('refuses an accounts file it cannot read, naming each bad row, and stores nothing', async () => {
    const { code, err } = await cli([
      fixture('maven-row-errors.csv'),
      '--team',
      TEAM,
      '--accounts',
      fixture('accounts-bad.csv'),
      '--now',
      NOW,
    ]);
    expect(code).toBe(2);
    expect(err).toContain('row 3: has no account name; fill in the account column or delete the row');
    expect(err).toContain('row 4 employees: "about 2000" is not a number; give a head count such as 250');
    expect(err).toContain('row 5 revenue: "lots" is not a number; give millions of dollars such as 12.5');
    expect(await db.store.deals.countDeals(TEAM)).toMatchObject({ total: 0 });
    expect((await db.store.accounts.facts(TEAM)).size).toBe(0);
  });

  it('refuses as accounts a file without the account columns, saying which it needs', async () => {
    const { code, err } = await cli([MAVEN, '--dry-run', '--accounts', `${SHARED}products.csv`]);
    expect(code).toBe(2);
    expect(err).toMatch(
      /products\.csv: has no account, sector, revenue, employees, office_location column; an accounts\.csv needs the columns account, sector, revenue, employees, office_location/,
    );
  });

  it("queues the import's alert run and the daily run when the app is installed in the team, and says so", async () => {
    const { code, out } = await cli([MAVEN, '--team', TEAM, '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toContain(`sales-ops is not installed in team ${TEAM}, so no alerts were queued`);

    await db.redis.set(db.store.keys.installedAt(TEAM), String(Date.now()));
    const again = await cli([MAVEN, '--team', TEAM, '--now', NOW]);
    expect(again.out).toContain('Deal alerts for these deals are queued');
    const meta = await db.store.deals.lastImport(TEAM);
    const queues = createQueues(db.redis, queuePrefix(db.prefix));
    try {
      const job = await queues.reminders.getJob(alertsImportJobId(TEAM, meta?.importId ?? ''));
      expect(job?.name).toBe(JOB_NAMES.alerts);
      expect(job?.data).toEqual({ teamId: TEAM, trigger: 'import' });
      const schedulers = await queues.reminders.getJobSchedulers();
      expect(schedulers.map((s) => s.key)).toEqual([alertsSchedulerId(TEAM)]);
      await queues.reminders.obliterate({ force: true });
    } finally {
      await queues.close();
    }
  });

  it('values open Maven deals at the list price from products.csv beside the file', async () => {
    await cli([MAVEN, '--team', TEAM, '--now', NOW]);
    const open = (await db.store.deals.listDeals(TEAM)).filter((d) => d.status === 'open');
    expect(open.every((d) => typeof d.amount === 'number' && d.amount > 0)).toBe(true);
  });

  it('checks and audits a file on --dry-run without touching Redis', async () => {
    const io = collect();
    const code = await main(['import', MAVEN, '--dry-run', '--now', NOW], io);
    expect(code).toBe(0);
    expect(io.out).toContain('Dry run: nothing was stored.');
    expect(io.out).toContain('Stale deals:');
    expect(await keysUnder(db.redis, db.prefix)).toEqual([]);
  });

  it('lists rejected rows with their row numbers and stores the rest', async () => {
    const { code, out } = await cli([fixture('maven-row-errors.csv'), '--team', TEAM, '--now', NOW]);
    expect(code).toBe(0);
    expect(out).toContain('Read 8 rows: 2 accepted, 6 rejected.');
    expect(out).toContain('  row 3: close_date "2017-13-45" is not a date (use YYYY-MM-DD)');
    expect(out).toContain('  row 6: opportunity_id is empty: every deal needs an id');
    expect((await db.store.deals.countDeals(TEAM)).total).toBe(2);
  });

  it('warns that open Maven deals get no amount when no price list is found', async () => {
    const { code, err } = await cli([fixture('maven-row-errors.csv'), '--dry-run', '--now', NOW]);
    expect(code).toBe(0);
    expect(err).toContain('note: no products.csv beside');
    expect(err).toContain('pass --products');
  });

  describe('refuses a broken file with exit 2, a reason per line, and the stored deals untouched', () => {
    it.each([
      ['pipedrive-latin1.csv', /error: The file is not UTF-8 text\. Re-export it as UTF-8/],
      ['maven-no-header.csv', /error: The header row matches none of the exports/],
      ['unterminated-quote.csv', /error: line 3: a quoted value starts on this line and is never closed/],
      ['empty.csv', /error: The file is empty/],
    ])('%s', async (name, reason) => {
      await cli([fixture('maven-row-errors.csv'), '--team', TEAM, '--now', NOW]);
      const before = await db.store.deals.listDeals(TEAM);
      const meta = await db.store.deals.lastImport(TEAM);

      const { code, err } = await cli([fixture(name), '--team', TEAM, '--now', NOW]);
      expect(code).toBe(2);
      expect(err).toMatch(reason);
      expect(
        err
          .trim()
          .split('\n')
          .every((line) => line.startsWith('error: ') || line.startsWith('note: no products.csv')),
      ).toBe(true);
      expect(await db.store.deals.lastImport(TEAM)).toEqual(meta);
      expect(await db.store.deals.listDeals(TEAM)).toEqual(before);
      expect((await keysUnder(db.redis, db.prefix)).some((k) => k.includes(':import:'))).toBe(false);
    });
  });

  it.each([
    [['--now', NOW], /error: FILE: is required/],
    [[MAVEN], /error: --team: is required to store the deals \(or pass --dry-run/],
    [[MAVEN, '--team', 'T*'], /error: --team: must be a Slack team id/],
    [[MAVEN, '--dry-run', '--source', 'zoho'], /error: --source: must be one of hubspot, salesforce/],
    [['missing.csv', '--dry-run'], /error: missing\.csv: no such file/],
    [[MAVEN, '--dry-run', '--products', 'nope.csv'], /error: nope\.csv: no such file/],
  ])('refuses bad arguments %j with exit 2', async (args, message) => {
    const { code, err } = await cli(args);
    expect(code).toBe(2);
    expect(err).toMatch(message);
  });

  it('prints its usage for --help', async () => {
    const { code, out } = await cli(['--help']);
    expect(code).toBe(0);
    expect(out).toContain('Usage: sales-ops import FILE.csv');
  });
});

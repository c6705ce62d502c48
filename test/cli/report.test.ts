import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/report.js';
import { main } from '../../src/cli.js';
import { mavenPath } from '../engines/dashboard/fixtures.js';
import { collect } from '../support/cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/csv/${name}`, import.meta.url));
const NOW = '2017-12-31T12:00:00Z';

/** The lines of one section of the report: from its title to the next blank line. */
function sectionOf(out: string, title: string): string[] {
  const lines = out.split('\n');
  const start = lines.indexOf(title);
  expect(start).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start);
  return lines.slice(start, end < 0 ? undefined : end);
}

// Figures computed independently in test/engines/dashboard/maven.test.ts (python3 one-liners there).
describe('sales-ops report on the Maven sample', () => {
  const io = collect();
  let code: number;
  beforeAll(async () => {
    code = await main(['report', mavenPath('sales_pipeline.csv'), '--now', NOW, '--quota', '3,000,000'], io);
  }, 60_000);

  it('succeeds and writes nothing to stderr', () => {
    expect(io.err).toBe('');
    expect(code).toBe(0);
  });

  it('says the time came from --now', () => {
    expect(io.out).toMatch(/^Time: 2017-12-31 12:00 UTC \(from --now\)$/m);
  });

  it("prints the seed's METRICS DASHBOARD table with the file's figures", () => {
    expect(sectionOf(io.out, 'METRICS DASHBOARD')).toEqual([
      'METRICS DASHBOARD',
      '────────────────────────────────────',
      '| Metric | Target | Current | Trend |',
      '|--------|--------|---------|-------|',
      '| MQL to SQL | — | — | — |',
      '| SQL to Opp | — | — | — |',
      '| Close Rate | — | 63.2% | ↓ |', // 4238 / 6711; 60.3% in the last 90 days against 62.1%
      '| Avg Deal | — | $2,361 | ↓ |', // 2360.91
      '| Cycle Length | — | 57 days | ↑ |',
      '| Weighted Pipeline | — | $2,962,209 | — |',
      '| Coverage | 1.6× | 25.1× | — |',
      '| Sales Velocity | — | $54,641/day | — |',
      '| Stuck Deals | — | 1,442 | — |',
      '| Pipeline Health | — | 5.0/10 | — |',
    ]);
    expect(io.out).toContain(
      'Quota $3,000,000 for 2017-10-01 to 2017-12-31: $2,802,496 won, $197,504 to go.',
    );
  });

  it('prints the PIPELINE FUNNEL box: 100% → 94.3% → 48.2%', () => {
    expect(sectionOf(io.out, 'PIPELINE FUNNEL')).toEqual([
      'PIPELINE FUNNEL',
      '────────────────────────────────────',
      '┌─────────────────────────────────────┐',
      '│  Prospecting: ████████████  100%    │',
      '│  Engaging:    ███████████░ 94.3%    │',
      '│  Won:         ██████░░░░░░ 48.2%    │',
      '└─────────────────────────────────────┘',
    ]);
  });

  it('follows with the bottleneck and its fixes, then the stuck deals with their owners', () => {
    expect(io.out).toContain(
      '| Engaging | 63.2% | 67% | 45 | 104 | 2,473 | $5,838,529 |', // 2,473 lost × 100% × 2,360.91
    );
    expect(io.out).toContain('  Fix: Multi-thread to the economic buyer');
    expect(io.out).toContain("STUCK DEALS (1,442 past their stage's p90)");
    expect(io.out).toContain('| HAXMC4IX | — | Engaging | 424 | 104 | James Ascencio | $3,393 |');
    expect(io.out).toContain('+1,422 more');
  });
});

describe('sales-ops report options and input', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sales-ops-report-'));
    copyFileSync(mavenPath('sales_pipeline.csv'), join(dir, 'sales_pipeline.csv'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('measures an older export at its newest date unless --now is given, and says so', async () => {
    const io = collect();
    expect(await main(['report', mavenPath('sales_pipeline.csv')], io)).toBe(0);
    expect(io.out).toContain('Time: 2017-12-31 00:00 UTC');
    expect(io.out).toContain(
      'as of 2017-12-31, the newest date in the export; pass --now to measure against another day',
    );
    // Against the run's own day the oldest open deal would be stuck for thousands of days.
    expect(io.out).toContain('| HAXMC4IX | — | Engaging | 423 | 104 | James Ascencio | $3,393 |');
    const days = [...io.out.matchAll(/^\| \w+ \| [^|]* \| Engaging \| ([\d,]+) \|/gm)].map((m) =>
      Number((m[1] ?? '').replace(/,/g, '')),
    );
    expect(days.length).toBeGreaterThan(0);
    expect(Math.max(...days)).toBeLessThan(500);
    expect(io.out).toContain('Trend: the 1,958 deals closed in the 90 days up to 2017-12-31');
  }, 60_000);

  it('values open Maven deals only with a price list: none beside the file, none given', async () => {
    const io = collect(dir);
    expect(await run(['sales_pipeline.csv', '--now', NOW], io)).toBe(0);
    expect(io.out).toContain('| Weighted Pipeline | — | $0 | — |');
  }, 60_000);

  it('takes --products when the price list lives elsewhere', async () => {
    const io = collect(dir);
    const args = ['sales_pipeline.csv', '--now', NOW, '--products', mavenPath('products.csv')];
    expect(await run(args, io)).toBe(0);
    expect(io.out).toContain('| Weighted Pipeline | — | $2,962,209 | — |');
  }, 60_000);

  it('lists rejected rows with their row numbers on stderr and reports the rest', async () => {
    const io = collect();
    expect(await run([fixture('maven-row-errors.csv'), '--now', NOW], io)).toBe(0);
    expect(io.err).toContain('rejected: row 3: close_date "2017-13-45" is not a date');
    expect(io.err).toContain('rejected: row 8: opportunity_id "1C1I7A6R" already appears on row 2');
    expect(io.err).toContain('6 of 8 rows rejected; the report covers the other 2.');
    expect(io.out).toContain('Deals: 2 (1 open, 1 won, 0 lost)');
    expect(io.out).not.toContain('rejected');
  });

  it('reads a HubSpot export in the order of its default pipeline', async () => {
    const io = collect();
    expect(await run([fixture('hubspot-deals.csv'), '--now', '2024-06-01T12:00:00Z'], io)).toBe(0);
    expect(io.out).toContain('File: hubspot-deals.csv (HubSpot deals export)');
    expect(io.out).toMatch(/Appointment Scheduled:[\s│]+█+ 100%[\s\S]*Contract Sent: +█+░+ +50%/);
  });

  it('prints its usage with --help', async () => {
    const io = collect();
    expect(await run(['--help'], io)).toBe(0);
    expect(io.out).toContain('Usage: sales-ops report FILE.csv');
  });

  it.each([
    [['missing.csv'], 'error: missing.csv: no such file or not readable; pass the path of a CSV export'],
    [[], 'error: FILE: is required'],
    [['x.csv', '--source', 'zoho'], 'error: --source: must be one of hubspot, salesforce, pipedrive, maven'],
    [['x.csv', '--quota', 'lots'], 'error: --quota: must be an amount above 0'],
    [['x.csv', '--now', 'soon'], 'error: --now: must be an ISO timestamp'],
    [['x.csv', '--format', 'json'], 'error: --format: is not an option of report'],
  ])('refuses %j with exit 2 and one line per problem', async (args, line) => {
    const io = collect();
    expect(await main(['report', ...args], io)).toBe(2);
    expect(io.err.split('\n').some((l) => l.startsWith(line))).toBe(true);
    expect(io.out).toBe('');
  });

  it('refuses a missing price list with exit 2', async () => {
    const io = collect(dir);
    expect(await main(['report', 'sales_pipeline.csv', '--products', 'nope.csv'], io)).toBe(2);
    expect(io.err).toContain('error: nope.csv: no such file');
  });

  it('refuses a file the importer cannot read with exit 2', async () => {
    for (const name of ['empty.csv', 'header-only.csv', 'unterminated-quote.csv']) {
      const io = collect();
      expect(await main(['report', fixture(name), '--now', NOW], io)).toBe(2);
      expect(io.err).toMatch(/^error: /);
      expect(io.out).toBe('');
    }
  });

  it('refuses a file of another system than --source says', async () => {
    const io = collect();
    expect(await main(['report', fixture('hubspot-deals.csv'), '--source', 'maven'], io)).toBe(2);
    expect(io.err).toMatch(/^error: /);
  });
});

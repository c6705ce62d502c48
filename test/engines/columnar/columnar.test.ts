import { createReadStream } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeColumnarDashboard,
  type DealColumns,
  DealColumnsBuilder,
  newestColumnsDate,
  sortDays,
  toColumns,
  windowTrendsColumns,
} from '../../../src/engines/columnar/index.js';
import {
  computeDashboard,
  newestDealDate,
  stagesForImport,
  stagesFromNames,
  windowTrends,
} from '../../../src/engines/dashboard/index.js';
import type { Deal, DealStatus } from '../../../src/engines/deal.js';
import { customStages, type StageDef } from '../../../src/engines/pipeline/index.js';
import { importDeals, loadProductPrices } from '../../../src/import/index.js';
import { mavenPath } from '../dashboard/fixtures.js';

const NOW = '2017-12-31T12:00:00Z';
const STAGES = customStages([
  { name: 'Lead', kind: 'open' },
  { name: 'Qualified', kind: 'open' },
  { name: 'Proposal', kind: 'open' },
  { name: 'Closed Won', kind: 'won' },
  { name: 'Closed Lost', kind: 'lost' },
]);
const NAMES = ['Lead', 'Qualified', 'Proposal', 'Closed Won', 'Closed Lost', 'Legacy'];

/** Dates around the end of 2017: plain days mostly, timestamps with a time of day sometimes. */
const date = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 720 }).map((d) => isoDay(d)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 0, max: 720 }), fc.integer({ min: 0, max: 86_399_999 }))
      .map(([d, ms]) => new Date(Date.UTC(2016, 0, 1) + d * 86_400_000 + ms).toISOString()),
  },
);
function isoDay(offset: number): string {
  return new Date(Date.UTC(2016, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

const dealArb = fc.record(
  {
    stage: fc.constantFrom(...NAMES),
    status: fc.constantFrom<DealStatus>('open', 'open', 'won', 'lost'),
    amount: fc.integer({ min: 0, max: 100_000 }),
    owner: fc.constantFrom('Ana', 'Ben', 'Cy'),
    account: fc.constantFrom('Acme', 'Globex'),
    createdAt: date,
    closedAt: date,
    expectedCloseDate: date,
    history: fc.array(fc.record({ stage: fc.constantFrom(...NAMES), enteredAt: date }), { maxLength: 4 }),
  },
  { requiredKeys: ['stage', 'status', 'history'] },
);
const dealsArb = fc
  .array(dealArb, { maxLength: 120 })
  .map((list) => list.map((d, i): Deal => ({ id: `D${String(i).padStart(4, '0')}`, ...d })));

/** Both dashboards, the row-wise one over objects and the columnar one over the same deals as columns. */
function both(stages: readonly StageDef[], deals: Deal[], now: string, quota?: number, stuckLimit?: number) {
  const extra = {
    ...(quota === undefined ? {} : { quota }),
    ...(stuckLimit === undefined ? {} : { stuckLimit }),
  };
  const targets = { closeRate: 30, cycleDays: 40 };
  return {
    rows: computeDashboard({ stages, deals, now, targets, ...extra }),
    columns: computeColumnarDashboard({ stages, columns: toColumns(deals), now, targets, ...extra }),
  };
}

describe('the columnar dashboard', () => {
  it('equals the row-wise dashboard figure for figure on generated deals', () => {
    fc.assert(
      fc.property(
        dealsArb,
        fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: undefined }),
        fc.option(fc.nat(12), { nil: undefined }),
        (deals, quota, stuckLimit) => {
          const { rows, columns } = both(STAGES, deals, NOW, quota, stuckLimit);
          expect(columns).toEqual(rows);
          if (stuckLimit !== undefined) {
            expect(columns.stuck.length).toBe(Math.min(stuckLimit, columns.stuckCount));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the row-wise window trends, newest date and import stages on generated deals', () => {
    fc.assert(
      fc.property(dealsArb, (deals) => {
        const columns = toColumns(deals);
        expect(windowTrendsColumns(columns, { now: NOW, days: 90 })).toEqual(
          windowTrends(STAGES, deals, { now: NOW, days: 90 }),
        );
        expect(newestColumnsDate(columns)).toEqual(newestDealDate(deals));
        if (deals.length > 0) {
          expect(stagesFromNames('hubspot', columns.stageNames.values)).toEqual(
            stagesForImport('hubspot', deals),
          );
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives the Maven sample the same dashboard as the row-wise metrics', async () => {
    const deals: Deal[] = [];
    const productPrices = await loadProductPrices(mavenPath('products.csv'));
    await importDeals(createReadStream(mavenPath('sales_pipeline.csv')), {
      now: NOW,
      sink: async (batch) => {
        for (const deal of batch) deals.push(deal);
      },
      lookups: { productPrices },
    });
    const stages = stagesForImport('maven', deals);
    const { rows, columns } = both(stages, deals, NOW, 3_000_000);
    expect(columns).toEqual(rows);
    // Listing only the most overdue keeps the same first deals and the same count.
    const top = both(stages, deals, NOW, 3_000_000, 20);
    expect(top.columns).toEqual(top.rows);
    expect(top.columns.stuck).toEqual(columns.stuck.slice(0, 20));
    expect(top.columns.stuckCount).toBe(columns.stuck.length);
    expect(columns.counts).toEqual({ deals: 8800, open: 2089, won: 4238, lost: 2473 });
    expect(columns.cycle).toEqual({ medianDays: 57, sample: 4238 });
  }, 60_000);
});

describe('DealColumnsBuilder', () => {
  it('builds the same columns whether it expected fewer, as many or more deals than came, in any batches', () => {
    fc.assert(
      fc.property(dealsArb, fc.nat(300), fc.integer({ min: 1, max: 50 }), (deals, expected, size) => {
        const builder = new DealColumnsBuilder().expect(expected);
        for (let at = 0; at < deals.length; at += size) builder.append(deals.slice(at, at + size));
        // Ids are kept one string per batch, so they are compared deal by deal.
        const plain = (columns: DealColumns) => ({
          ...columns,
          ids: Array.from({ length: columns.length }, (_, i) => columns.ids.get(i)),
        });
        expect(plain(builder.finish())).toEqual(plain(toColumns(deals)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('sortDays', () => {
  it('orders whole and fractional day counts as a numeric sort does, with the same quantiles', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 400 }),
          fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 400 }),
        ),
        (values) => {
          const sorted = sortDays(Float64Array.from(values));
          expect([...sorted]).toEqual([...values].sort((a, b) => a - b));
        },
      ),
    );
  });
});

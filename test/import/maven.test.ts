import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../src/engines/deal.js';
import { type ImportResult, importDeals, loadProductPrices } from '../../src/import/index.js';
import { collector, mavenPath, NOW } from './helpers.js';

async function importMaven(): Promise<{ result: ImportResult; deals: Deal[]; batchSizes: number[] }> {
  const productPrices = await loadProductPrices(mavenPath('products.csv'));
  const sink = collector();
  const result = await importDeals(createReadStream(mavenPath('sales_pipeline.csv')), {
    now: NOW,
    sink: sink.sink,
    lookups: { productPrices },
  });
  return { result, deals: sink.deals(), batchSizes: sink.batches.map((b) => b.length) };
}

describe('importDeals on the full Maven sales_pipeline.csv', () => {
  let result: ImportResult;
  let deals: Deal[];
  let batchSizes: number[];
  beforeAll(async () => {
    ({ result, deals, batchSizes } = await importMaven());
  }, 60_000);

  it('recognises the file and accepts all 8,800 deals without a rejection', () => {
    expect(result.source).toBe('maven');
    expect(result.rowsRead).toBe(8800);
    expect(result.accepted).toBe(8800);
    expect(result.rejectedCount).toBe(0);
    expect(result.rejected).toEqual([]);
    expect(deals).toHaveLength(8800);
  });

  it('hands the deals over in batches of at most 500', () => {
    expect(batchSizes).toHaveLength(18);
    expect(Math.max(...batchSizes)).toBe(500);
    expect(batchSizes.at(-1)).toBe(300);
  });

  it('counts won, lost and open deals as the file does', () => {
    // python3 -c "import csv,collections; print(collections.Counter(r['deal_stage'] for r in csv.DictReader(open('sales_pipeline.csv'))))"
    // → Won 4238, Lost 2473, Engaging 1589, Prospecting 500
    const count = (status: Deal['status']) => deals.filter((d) => d.status === status).length;
    expect(count('won')).toBe(4238);
    expect(count('lost')).toBe(2473);
    expect(count('open')).toBe(1589 + 500);
  });

  it('values open deals at their product list price, "GTXPro" included', () => {
    // awk -F, 'NR==FNR { if (FNR>1) { k=tolower($1); gsub(/ /,"",k); price[k]=$3 } next }
    //   FNR>1 && ($5=="Prospecting"||$5=="Engaging") { k=tolower($3); gsub(/ /,"",k); s+=price[k] } END { print s }'
    //   products.csv sales_pipeline.csv   → 4966215
    const open = deals.filter((d) => d.status === 'open');
    expect(open.every((d) => d.amount !== undefined)).toBe(true);
    expect(open.reduce((sum, d) => sum + (d.amount ?? 0), 0)).toBe(4_966_215);
  });

  it('keeps won amounts as the close_value', () => {
    // python3 -c "import csv; print(sum(float(r['close_value']) for r in csv.DictReader(open('sales_pipeline.csv')) if r['deal_stage']=='Won'))" → 10005534
    const won = deals.filter((d) => d.status === 'won');
    expect(won.reduce((sum, d) => sum + (d.amount ?? 0), 0)).toBe(10_005_534);
  });

  it('spells GTXPro as the price list does', () => {
    // grep -c ',GTXPro,' sales_pipeline.csv → 1480
    expect(deals.filter((d) => d.product === 'GTX Pro')).toHaveLength(1480);
    expect(deals.some((d) => d.product === 'GTXPro')).toBe(false);
  });

  it('keeps the 1,425 open deals that have no account, without an account', () => {
    const noAccount = deals.filter((d) => d.account === undefined);
    expect(noAccount).toHaveLength(1425);
    expect(noAccount.every((d) => d.status === 'open')).toBe(true);
  });

  it('builds the history the stages imply: Engaging at engage_date, then Won or Lost at close_date', () => {
    expect(deals.find((d) => d.id === '1C1I7A6R')).toEqual({
      id: '1C1I7A6R',
      stage: 'Won',
      status: 'won',
      amount: 1054,
      account: 'Cancity',
      owner: 'Moses Frase',
      product: 'GTX Plus Basic',
      closedAt: '2017-03-01',
      history: [
        { stage: 'Engaging', enteredAt: '2016-10-20' },
        { stage: 'Won', enteredAt: '2017-03-01' },
      ],
    });
    const engaging = deals.find((d) => d.stage === 'Engaging');
    expect(engaging?.createdAt).toBeUndefined();
    expect(engaging?.history).toEqual([
      { stage: 'Engaging', enteredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    ]);
    const prospecting = deals.filter((d) => d.stage === 'Prospecting');
    expect(prospecting).toHaveLength(500);
    expect(prospecting.every((d) => d.history.length === 0 && d.createdAt === undefined)).toBe(true);
    const lost = deals.filter((d) => d.status === 'lost');
    expect(lost.every((d) => d.history.map((h) => h.stage).join() === 'Engaging,Lost')).toBe(true);
  });
});

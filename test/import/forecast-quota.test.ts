import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importDeals } from '../../src/import/index.js';
import { collector, NOW } from './helpers.js';

async function read(csv: string) {
  const sink = collector();
  const result = await importDeals(Readable.from([csv]), { now: NOW, sink: sink.sink });
  return { result, deals: sink.deals() };
}

describe('forecast category and quota columns', () => {
  it("reads HubSpot's Forecast category and a Quota column onto each deal", async () => {
    const { result, deals } = await read(
      'Record ID,Deal Stage,Amount,Close Date,Deal owner,Forecast category,Quota\n' +
        '1,Contract Sent,5000,2024-06-30,Ana Ruiz,Commit,"$250,000"\n' +
        '2,Closed Won,2000,2024-05-02,Ana Ruiz,Closed won,\n',
    );
    expect(result.source).toBe('hubspot');
    expect(result.mapping.columns.map((c) => c.field)).toEqual([
      'id',
      'stage',
      'amount',
      'closeDate',
      'owner',
      'forecastCategory',
      'quota',
    ]);
    expect(deals[0]).toMatchObject({ id: '1', forecastCategory: 'Commit', ownerQuota: 250_000 });
    expect(deals[1]).toMatchObject({ id: '2', forecastCategory: 'Closed won' });
    expect(deals[1]).not.toHaveProperty('ownerQuota');
  });

  it("reads Salesforce's ForecastCategoryName, and an export without either column as before", async () => {
    const { deals } = await read(
      'Opportunity ID,Stage,Amount,Opportunity Owner,ForecastCategoryName\n006A,Negotiation,900,Ben Okafor,BestCase\n',
    );
    expect(deals[0]).toMatchObject({ forecastCategory: 'BestCase', owner: 'Ben Okafor' });
    const plain = await read('Opportunity ID,Stage,Amount\n006B,Negotiation,900\n');
    expect(plain.deals[0]).toEqual({
      id: '006B',
      stage: 'Negotiation',
      status: 'open',
      amount: 900,
      history: [],
    });
  });

  it('refuses a quota that is not an amount, naming the row', async () => {
    const { result } = await read(
      'Record ID,Deal Stage,Amount,Quota\n1,Contract Sent,5000,lots\n2,Contract Sent,5000,100\n',
    );
    expect(result.rejected[0]?.reason).toMatch(/row 2: Quota "lots" is not an amount/);
  });
});

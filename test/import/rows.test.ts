import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importDeals } from '../../src/import/index.js';
import { collector, fixture, NOW } from './helpers.js';

const MAVEN_HEADER =
  'opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value';

describe('importDeals validates each row', () => {
  it('rejects bad rows with their spreadsheet row number and reason, and accepts the good ones', async () => {
    const sink = collector();
    const result = await importDeals(fixture('maven-row-errors.csv'), { now: NOW, sink: sink.sink });
    expect(sink.deals().map((d) => d.id)).toEqual(['1C1I7A6R', 'HAXMC4IX']);
    expect(result).toMatchObject({ rowsRead: 8, accepted: 2, rejectedCount: 6 });
    // Row 4 of the file is blank; a spreadsheet still shows it, so the rows after it keep their numbers.
    expect(result.rejected).toEqual([
      { row: 3, reason: 'row 3: close_date "2017-13-45" is not a date (use YYYY-MM-DD)' },
      { row: 5, reason: 'row 5: close_value "-50" is negative: a deal amount must be 0 or more' },
      { row: 6, reason: 'row 6: opportunity_id is empty: every deal needs an id' },
      { row: 8, reason: 'row 8: opportunity_id "1C1I7A6R" already appears on row 2' },
      { row: 9, reason: 'row 9: deal_stage "Negotiation" is not Prospecting, Engaging, Won or Lost' },
      { row: 10, reason: 'row 10: close_date is empty: a Won deal needs the date it closed' },
    ]);
  });

  it('keeps an open deal without an account or a price list, leaving both out', async () => {
    const sink = collector();
    await importDeals(fixture('maven-row-errors.csv'), { now: NOW, sink: sink.sink });
    expect(sink.deals()[1]).toEqual({
      id: 'HAXMC4IX',
      stage: 'Engaging',
      status: 'open',
      owner: 'James Ascencio',
      product: 'MG Advanced',
      history: [{ stage: 'Engaging', enteredAt: '2016-10-25' }],
    });
  });

  it('lists at most maxRejectedListed rejections but counts them all', async () => {
    const result = await importDeals(fixture('maven-row-errors.csv'), {
      now: NOW,
      sink: async () => {},
      maxRejectedListed: 2,
    });
    expect(result.rejected.map((r) => r.row)).toEqual([3, 5]);
    expect(result.rejectedCount).toBe(6);
  });

  it('rejects a Salesforce row whose Won flag is neither true nor false', async () => {
    const csv = 'Opportunity ID,Stage,Won,Closed\nS1,Closed Won,1,1\nS2,Closed Won,maybe,1\n';
    const result = await importDeals(Readable.from([csv]), { now: NOW, sink: async () => {} });
    expect(result.rejected).toEqual([{ row: 3, reason: 'row 3: Won "maybe" is not true/false (or 1/0)' }]);
  });

  it('rejects a deal created after now', async () => {
    const csv = `${MAVEN_HEADER}\nA1,Ann,GTX Basic,Acme,Engaging,2024-06-01,,\nA2,Ann,GTX Basic,Acme,Engaging,2031-01-01,,\n`;
    const result = await importDeals(Readable.from([csv]), { now: NOW, sink: async () => {} });
    expect(result.rejected).toEqual([
      { row: 3, reason: 'row 3: the creation date 2031-01-01 is in the future' },
    ]);
  });

  it('refuses a file in which no row is acceptable, so nothing is replaced', async () => {
    const csv = `${MAVEN_HEADER}\nA1,Ann,GTX Basic,Acme,Won,13/02/2017,2017-03-01,10\n`;
    const sink = collector();
    const error = await importDeals(Readable.from([csv]), { now: NOW, sink: sink.sink }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InputError);
    expect(String(error)).toMatch(/None of the 1 rows could be imported/);
    expect(String(error)).toMatch(/row 2: engage_date "13\/02\/2017" is not a date/);
    expect(sink.batches).toHaveLength(0);
  });
});

describe('importDeals hands deals to the sink in batches', () => {
  const rows = (n: number) =>
    [
      MAVEN_HEADER,
      ...Array.from({ length: n }, (_, i) => `D${i},Ann,GTX Basic,Acme,Won,2017-01-02,2017-02-03,100`),
    ].join('\n');

  it('sends batches of batchSize and the remainder last, reporting progress after each', async () => {
    const sink = collector();
    const progress: number[] = [];
    await importDeals(Readable.from([rows(7)]), {
      now: NOW,
      sink: sink.sink,
      batchSize: 3,
      onProgress: (n) => progress.push(n),
    });
    expect(sink.batches.map((b) => b.map((d) => d.id))).toEqual([
      ['D0', 'D1', 'D2'],
      ['D3', 'D4', 'D5'],
      ['D6'],
    ]);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('never calls the sink again before the previous batch resolved', async () => {
    let inFlight = 0;
    let overlapped = false;
    await importDeals(Readable.from([rows(50)]), {
      now: NOW,
      batchSize: 5,
      sink: async () => {
        inFlight += 1;
        if (inFlight > 1) overlapped = true;
        await new Promise((resolve) => setTimeout(resolve, 2));
        inFlight -= 1;
      },
    });
    expect(overlapped).toBe(false);
  });

  it('reads only a bounded number of rows ahead of a slow sink', async () => {
    let produced = 0;
    let delivered = 0;
    let maxAhead = 0;
    function* source() {
      yield `${MAVEN_HEADER}\n`;
      for (let i = 0; i < 20_000; i++) {
        produced += 1;
        yield `D${i},Ann,GTX Basic,Acme,Won,2017-01-02,2017-02-03,100\n`;
      }
    }
    await importDeals(Readable.from(source()), {
      now: NOW,
      batchSize: 50,
      sink: async (batch) => {
        await new Promise((resolve) => setImmediate(resolve));
        delivered += batch.length;
        maxAhead = Math.max(maxAhead, produced - delivered);
      },
    });
    expect(delivered).toBe(20_000);
    // Only the streams' buffers (tens of kilobytes) run ahead, however long the file is.
    expect(maxAhead).toBeLessThan(2000);
  });

  it('stops and passes on the error when the sink fails', async () => {
    const failure = new Error('store unavailable');
    const error = await importDeals(Readable.from([rows(10)]), {
      now: NOW,
      batchSize: 2,
      sink: async () => {
        throw failure;
      },
    }).catch((e: unknown) => e);
    expect(error).toBe(failure);
  });

  it('refuses a batch size below 1', async () => {
    await expect(
      importDeals(Readable.from([rows(1)]), { now: NOW, batchSize: 0, sink: async () => {} }),
    ).rejects.toThrow(RangeError);
  });
});

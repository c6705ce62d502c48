import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { importDeals } from '../../src/import/index.js';
import { NOW } from './helpers.js';

// Measuring live memory needs a collection first; without it the heap is mostly garbage awaiting collection.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const ROWS = 200_000;
const HEADER =
  'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Associated Company\n';

/** A HubSpot export generated as it is read: rows are produced on demand, never written anywhere. */
function hubspotExport(rows: number): Readable {
  function* lines() {
    yield HEADER;
    for (let start = 0; start < rows; start += 100) {
      let block = '';
      for (let i = start; i < Math.min(start + 100, rows); i++) {
        const stage = i % 3 === 0 ? 'closedwon' : 'Contract Sent';
        block +=
          `${i},"Deal ${i}",${stage},${i % 9000}.50,2024-0${1 + (i % 9)}-1${i % 10},2023-1${i % 3}-0${1 + (i % 9)} 09:30,` +
          `Owner ${i % 40},Sales Pipeline,"Company ${i} Holdings International, a subsidiary of Conglomerate ${i}"\n`;
      }
      yield block;
    }
  }
  return Readable.from(lines());
}

describe('importDeals on a 200,000-row export', () => {
  it('completes in bounded memory, handing over batches of at most batchSize', async () => {
    collectGarbage();
    const baseline = process.memoryUsage().heapUsed;
    let peakGrowth = 0;
    let largestBatch = 0;
    let batches = 0;
    let received = 0;
    const result = await importDeals(hubspotExport(ROWS), {
      now: NOW,
      batchSize: 500,
      sink: async (batch) => {
        batches += 1;
        received += batch.length;
        largestBatch = Math.max(largestBatch, batch.length);
        if (batches % 50 === 0) {
          collectGarbage();
          peakGrowth = Math.max(peakGrowth, process.memoryUsage().heapUsed - baseline);
        }
      },
    });
    expect(result).toMatchObject({ source: 'hubspot', rowsRead: ROWS, accepted: ROWS, rejectedCount: 0 });
    expect(received).toBe(ROWS);
    expect(batches).toBe(ROWS / 500);
    expect(largestBatch).toBe(500);
    // Holding every deal of this file costs about 100 MB; streaming keeps only the ids seen (for duplicates).
    expect(peakGrowth).toBeGreaterThan(0);
    expect(peakGrowth).toBeLessThan(50 * 1024 * 1024);
  }, 180_000);
});

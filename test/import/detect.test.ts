import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeMapping, detectSource, importDeals } from '../../src/import/index.js';
import { NOW } from './helpers.js';

describe('detectSource', () => {
  it.each([
    [
      ['Record ID', 'Deal Name', 'Deal Stage', 'Amount', 'Close Date', 'Create Date', 'Deal owner'],
      'hubspot',
    ],
    [
      [
        'Opportunity ID',
        'Opportunity Name',
        'Account Name',
        'Stage',
        'Amount',
        'Close Date',
        'Won',
        'Closed',
      ],
      'salesforce',
    ],
    [['Deal - ID', 'Deal - Title', 'Deal - Value', 'Deal - Stage', 'Deal - Status'], 'pipedrive'],
    [
      [
        'opportunity_id',
        'sales_agent',
        'product',
        'account',
        'deal_stage',
        'engage_date',
        'close_date',
        'close_value',
      ],
      'maven',
    ],
    [['  record id ', 'DEAL STAGE', 'Deal  Name'], 'hubspot'],
    [['Deal Name', 'Deal Stage'], 'hubspot'],
  ] as const)('recognises %j as %s', (header, source) => {
    expect(detectSource(header)).toBe(source);
  });

  it.each([
    [[]],
    [['name', 'email', 'phone']],
    [['Deal - ID']],
    [['Amount', 'Close Date']],
    [['Record ID;Deal Name;Deal Stage']],
  ])('recognises nothing in %j', (header) => {
    expect(detectSource(header)).toBeUndefined();
  });
});

describe('describeMapping', () => {
  it('lists every column in file order with the field it feeds, or null when ignored', () => {
    expect(
      describeMapping('salesforce', ['Opportunity Name', 'Stage', 'Amount', 'Won', 'Favourite colour']),
    ).toEqual({
      source: 'salesforce',
      columns: [
        { column: 'Opportunity Name', field: null },
        { column: 'Stage', field: 'stage' },
        { column: 'Amount', field: 'amount' },
        { column: 'Won', field: 'won' },
        { column: 'Favourite colour', field: null },
      ],
      missingRequired: ['Opportunity ID'],
    });
  });

  it('reports no missing column when the required ones are there', () => {
    expect(
      describeMapping('maven', ['opportunity_id', 'deal_stage', 'engage_date', 'close_date', 'close_value']),
    ).toMatchObject({ missingRequired: [] });
  });
});

describe('importDeals with an explicit source', () => {
  const csv = 'Record ID,Deal Stage,Opportunity ID,Stage\nH1,Closed Won,S1,Prospecting\n';

  it('refuses a header that fits two exports equally when no source is given', async () => {
    await expect(importDeals(Readable.from([csv]), { now: NOW, sink: async () => {} })).rejects.toThrow(
      /matches none of the exports/,
    );
  });

  it('reads it as the source it is told', async () => {
    const deals: unknown[] = [];
    const result = await importDeals(Readable.from([csv]), {
      now: NOW,
      source: 'salesforce',
      sink: async (batch) => {
        deals.push(...batch);
      },
    });
    expect(result.source).toBe('salesforce');
    expect(deals).toEqual([{ id: 'S1', stage: 'Prospecting', status: 'open', history: [] }]);
  });

  it('says so when the columns are separated by semicolons', async () => {
    const semicolons = 'Record ID;Deal Stage;Amount\nH1;Closed Won;100\n';
    await expect(
      importDeals(Readable.from([semicolons]), { now: NOW, sink: async () => {} }),
    ).rejects.toThrow(/separated by ";" or tabs: export the file with commas/);
  });

  it('refuses a header with the same column twice', async () => {
    const twice = 'Record ID,Deal Stage,Amount,Amount\nH1,Closed Won,1,2\n';
    await expect(importDeals(Readable.from([twice]), { now: NOW, sink: async () => {} })).rejects.toThrow(
      'The header has the column "Amount" twice',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { importDeals } from '../../src/import/index.js';
import { collector, fixture, NOW } from './helpers.js';

async function importFixture(name: string) {
  const sink = collector();
  const result = await importDeals(fixture(name), { now: NOW, sink: sink.sink });
  return { result, deals: sink.deals() };
}

describe('importDeals on a HubSpot deals export', () => {
  it('detects HubSpot and maps Record ID, Deal Stage, Amount, dates, owner and company', async () => {
    const { result, deals } = await importFixture('hubspot-deals.csv');
    expect(result.source).toBe('hubspot');
    expect(result.rejectedCount).toBe(0);
    expect(result.mapping.columns.filter((c) => c.field === null).map((c) => c.column)).toEqual([
      'Deal Name',
      'Pipeline',
    ]);
    expect(deals).toEqual([
      {
        id: '9120354112',
        stage: 'Closed Won',
        status: 'won',
        amount: 12500,
        account: 'Acme Corp',
        owner: 'Dana Reyes',
        createdAt: '2024-02-01T09:41:00',
        closedAt: '2024-04-30T00:00:00',
        history: [{ stage: 'Closed Won', enteredAt: '2024-04-30T00:00:00' }],
      },
      {
        id: '9120354113',
        stage: 'closedlost',
        status: 'lost',
        amount: 8000,
        account: 'Globex',
        owner: 'Sam Ortiz',
        createdAt: '2024-01-20T14:05:00',
        closedAt: '2024-05-15',
        history: [{ stage: 'closedlost', enteredAt: '2024-05-15' }],
      },
      {
        id: '9120354114',
        stage: 'Contract Sent',
        status: 'open',
        amount: 1200.5,
        account: 'Initech',
        owner: 'Dana Reyes',
        createdAt: '2024-03-05T11:00:00',
        expectedCloseDate: '2024-07-01',
        history: [{ stage: 'Contract Sent', enteredAt: '2024-03-05T11:00:00' }],
      },
      {
        id: '9120354115',
        stage: 'Appointment Scheduled',
        status: 'open',
        createdAt: '2024-03-18T16:30:00',
        history: [{ stage: 'Appointment Scheduled', enteredAt: '2024-03-18T16:30:00' }],
      },
    ]);
  });
});

describe('importDeals on a Salesforce opportunity report', () => {
  it('detects Salesforce, reads US dates and "USD 48,000.00", and takes the status from Won and Closed', async () => {
    const { result, deals } = await importFixture('salesforce-opportunities.csv');
    expect(result.source).toBe('salesforce');
    expect(result.rejectedCount).toBe(0);
    expect(deals.map((d) => [d.id, d.status, d.amount, d.closedAt, d.expectedCloseDate])).toEqual([
      ['0065g00000AbCdEAA1', 'won', 48000, '2024-03-28', undefined],
      ['0065g00000AbCdFAA1', 'open', 22500, undefined, '2024-06-30'],
      ['0065g00000AbCdGAA1', 'lost', 9900, '2024-01-31', undefined],
    ]);
    expect(deals[0]).toMatchObject({
      account: 'Stark Industries',
      owner: 'Maria Chen',
      source: 'Partner Referral',
      createdAt: '2024-02-16',
    });
    expect(deals[1]?.history).toEqual([{ stage: 'Negotiation/Review', enteredAt: '2024-04-02' }]);
  });
});

describe('importDeals on a Pipedrive deals export', () => {
  it('detects Pipedrive and closes won and lost deals at their won or lost time', async () => {
    const { result, deals } = await importFixture('pipedrive-deals.csv');
    expect(result.source).toBe('pipedrive');
    expect(result.mapping.columns.find((c) => c.column === 'Deal - Creator')?.field).toBeNull();
    expect(deals).toEqual([
      {
        id: '101',
        stage: 'Won',
        status: 'won',
        amount: 5400,
        account: 'Hooli',
        owner: 'Ann Lee',
        createdAt: '2024-01-08T10:15:02',
        closedAt: '2024-02-10T17:20:45',
        expectedCloseDate: '2024-02-15',
        history: [
          { stage: 'Proposal Made', enteredAt: '2024-01-08T10:15:02' },
          { stage: 'Won', enteredAt: '2024-02-10T17:20:45' },
        ],
      },
      {
        id: '102',
        stage: 'Lost',
        status: 'lost',
        amount: 3000,
        account: 'Pied Piper',
        owner: 'Raj Patel',
        createdAt: '2024-01-12T08:00:00',
        closedAt: '2024-01-30T09:12:00',
        history: [
          { stage: 'Qualified', enteredAt: '2024-01-12T08:00:00' },
          { stage: 'Lost', enteredAt: '2024-01-30T09:12:00' },
        ],
      },
      {
        id: '103',
        stage: 'Contact Made',
        status: 'open',
        amount: 1500,
        account: 'Aviato',
        owner: 'Raj Patel',
        createdAt: '2024-02-01T12:00:00',
        expectedCloseDate: '2024-04-01',
        history: [{ stage: 'Contact Made', enteredAt: '2024-02-01T12:00:00' }],
      },
    ]);
  });

  it('reads the file as the source it is told, even when detection would pick another', async () => {
    await expect(
      importDeals(fixture('pipedrive-deals.csv'), { now: NOW, source: 'hubspot', sink: async () => {} }),
    ).rejects.toThrow(/imported as a HubSpot deals export but has no column "Record ID", "Deal Stage"/);
  });
});

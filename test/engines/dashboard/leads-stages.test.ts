import { describe, expect, it } from 'vitest';
import {
  type FunnelLead,
  furthestGate,
  leadFunnel,
  stagesForImport,
} from '../../../src/engines/dashboard/index.js';
import type { Deal } from '../../../src/engines/deal.js';

const lead = (status: FunnelLead['status'], dates: Partial<FunnelLead> = {}): FunnelLead => ({
  id: 'x',
  status,
  createdAt: '2026-10-01',
  ...dates,
});

describe('furthestGate', () => {
  it.each([
    [lead('lead'), 0],
    [lead('mql'), 1],
    [lead('sql'), 2],
    [lead('opportunity'), 3],
    [lead('disqualified'), 0],
    [lead('disqualified', { mqlAt: '2026-10-02', sqlAt: '2026-10-03' }), 2],
    [lead('lead', { mqlAt: '2026-10-02' }), 1],
  ])('puts %o at gate %i', (l, gate) => {
    expect(furthestGate(l)).toBe(gate);
  });
});

describe('leadFunnel', () => {
  it('has no conversions when no lead became an MQL', () => {
    expect(leadFunnel([lead('lead'), lead('disqualified')])).toEqual({
      leads: 2,
      mql: 0,
      sql: 0,
      opportunity: 0,
    });
  });

  it('has MQL to SQL but no SQL to Opp when no lead became an SQL', () => {
    expect(leadFunnel([lead('mql'), lead('mql')])).toEqual({
      leads: 2,
      mql: 2,
      sql: 0,
      opportunity: 0,
      mqlToSql: 0,
    });
  });
});

const d = (id: string, stage: string, status: Deal['status']): Deal => ({ id, stage, status, history: [] });

describe('stagesForImport', () => {
  it('gives the Maven sample its own stages: Prospecting, Engaging, Won, Lost', () => {
    const stages = stagesForImport('maven', [d('1', 'Won', 'won'), d('2', 'Lost', 'lost')]);
    expect(stages.map((s) => [s.name, s.kind])).toEqual([
      ['Prospecting', 'open'],
      ['Engaging', 'open'],
      ['Won', 'won'],
      ['Lost', 'lost'],
    ]);
  });

  it("orders HubSpot's internal stage ids as its default pipeline does, whatever the file order", () => {
    const deals = [
      d('1', 'contractsent', 'open'),
      d('2', 'closedwon', 'won'),
      d('3', 'appointmentscheduled', 'open'),
      d('4', 'closedlost', 'lost'),
      d('5', 'qualifiedtobuy', 'open'),
    ];
    expect(stagesForImport('hubspot', deals).map((s) => s.name)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
  });

  it('puts stages it does not know after the known ones, in the order they first appear', () => {
    const deals = [d('1', 'Pilot', 'open'), d('2', 'Proposal Made', 'open'), d('3', 'Legal', 'open')];
    expect(stagesForImport('pipedrive', deals).map((s) => s.name)).toEqual([
      'Proposal Made',
      'Pilot',
      'Legal',
      'Closed Won',
      'Closed Lost',
    ]);
  });

  it('still has an open stage when every deal in the file is closed', () => {
    const stages = stagesForImport('salesforce', [d('1', 'Closed Won', 'won')]);
    expect(stages.map((s) => [s.name, s.kind])).toEqual([
      ['Open', 'open'],
      ['Closed Won', 'won'],
      ['Closed Lost', 'lost'],
    ]);
  });

  it('keeps one stage for names that differ only in case', () => {
    const stages = stagesForImport('salesforce', [
      d('1', 'Qualification', 'open'),
      d('2', 'qualification', 'open'),
    ]);
    expect(stages.filter((s) => s.kind === 'open').map((s) => s.name)).toEqual(['Qualification']);
  });
});

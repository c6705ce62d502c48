import { fileURLToPath } from 'node:url';
import type { FunnelLead } from '../../../src/engines/dashboard/index.js';
import type { Deal, DealStatus } from '../../../src/engines/deal.js';
import { designStages } from '../../../src/engines/pipeline/index.js';

/** Monday 23 November 2026, 09:00 UTC: ISO week 2026-W48. */
export const NOW = '2026-11-23T09:00:00Z';

/** The seed pipeline: Lead 10, Qualified 25, Discovery 40, Proposal 60, Negotiation 80, Closed Won, Closed Lost. */
export const SEED = designStages({ model: 'inside', framework: 'bant' });

function deal(
  id: string,
  status: DealStatus,
  stage: string,
  history: [string, string][],
  extra: Partial<Omit<Deal, 'id' | 'status' | 'stage' | 'history'>> = {},
): Deal {
  return {
    id,
    status,
    stage,
    createdAt: history[0]?.[1] ?? '',
    history: history.map(([s, enteredAt]) => ({ stage: s, enteredAt })),
    ...extra,
  };
}

const won = (id: string, created: string, proposal: string, closed: string, amount: number) =>
  deal(
    id,
    'won',
    'Closed Won',
    [
      ['Lead', created],
      ['Proposal', proposal],
      ['Closed Won', closed],
    ],
    { closedAt: closed, amount },
  );

/**
 * Ten deals with fixed dates. Won: 4 (10k, 20k, 30k, 40k; cycles 20, 40, 40, 35 days). Lost: 2 (one from
 * Proposal, one from Lead). Open: in Proposal since 1 Oct (50k) and 10 Nov (25k), in Negotiation since
 * 1 Nov (60k), in Lead since 20 Nov (5k). Completed Proposal stays: 10, 20, 30, 5, 30 days.
 */
export const DEALS: Deal[] = [
  won('won1', '2026-08-01', '2026-08-11', '2026-08-21', 10_000),
  won('won2', '2026-08-01', '2026-08-21', '2026-09-10', 20_000),
  won('won3', '2026-09-01', '2026-09-11', '2026-10-11', 30_000),
  won('won4', '2026-10-01', '2026-10-06', '2026-11-05', 40_000),
  deal(
    'lost1',
    'lost',
    'Closed Lost',
    [
      ['Lead', '2026-08-01'],
      ['Proposal', '2026-08-11'],
      ['Closed Lost', '2026-08-16'],
    ],
    { closedAt: '2026-08-16', amount: 8_000 },
  ),
  deal(
    'lost2',
    'lost',
    'Closed Lost',
    [
      ['Lead', '2026-09-01'],
      ['Closed Lost', '2026-09-05'],
    ],
    { closedAt: '2026-09-05', amount: 12_000 },
  ),
  deal(
    'open1',
    'open',
    'Proposal',
    [
      ['Lead', '2026-09-20'],
      ['Proposal', '2026-10-01'],
    ],
    { amount: 50_000, owner: 'U0ABCDEF1', account: 'Acme & Sons' },
  ),
  deal(
    'open2',
    'open',
    'Proposal',
    [
      ['Lead', '2026-11-01'],
      ['Proposal', '2026-11-10'],
    ],
    { amount: 25_000, owner: 'Dana Reyes' },
  ),
  deal(
    'open3',
    'open',
    'Negotiation',
    [
      ['Lead', '2026-10-20'],
      ['Negotiation', '2026-11-01'],
    ],
    { amount: 60_000, owner: 'Sam Ortiz' },
  ),
  deal('open4', 'open', 'Lead', [['Lead', '2026-11-20']], { amount: 5_000 }),
];

/** Seven leads: 5 reached MQL, 4 SQL, 2 opportunity (by status or by date). */
export const LEADS: FunnelLead[] = [
  { id: 'l1', status: 'lead', createdAt: '2026-10-01' },
  { id: 'l2', status: 'mql', createdAt: '2026-10-01', mqlAt: '2026-10-03' },
  { id: 'l3', status: 'sql', createdAt: '2026-10-01', mqlAt: '2026-10-03', sqlAt: '2026-10-06' },
  {
    id: 'l4',
    status: 'opportunity',
    createdAt: '2026-10-01',
    mqlAt: '2026-10-02',
    sqlAt: '2026-10-04',
    oppAt: '2026-10-09',
  },
  { id: 'l5', status: 'disqualified', createdAt: '2026-10-01', mqlAt: '2026-10-02', sqlAt: '2026-10-05' },
  { id: 'l6', status: 'opportunity', createdAt: '2026-10-01' },
  { id: 'l7', status: 'disqualified', createdAt: '2026-10-01' },
];

/** A file of the Maven sample kept in the repository under examples/maven-crm/. */
export function mavenPath(file: string): string {
  return fileURLToPath(new URL(`../../../examples/maven-crm/${file}`, import.meta.url));
}

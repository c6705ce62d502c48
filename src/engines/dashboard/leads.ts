import { percentOf, round1 } from '../pipeline/stats.js';

export const LEAD_STATUSES = ['lead', 'mql', 'sql', 'opportunity', 'disqualified'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/** A lead as the top of the funnel sees it: where it stands now and when it passed each gate (ISO dates). */
export interface FunnelLead {
  id: string;
  status: LeadStatus;
  createdAt: string;
  mqlAt?: string;
  sqlAt?: string;
  oppAt?: string;
}

/** How many leads reached each gate, and the conversions between them (0–100, one decimal). */
export interface LeadFunnel {
  leads: number;
  mql: number;
  sql: number;
  opportunity: number;
  /** SQLs ÷ MQLs; absent when no lead became an MQL. */
  mqlToSql?: number;
  /** Opportunities ÷ SQLs; absent when no lead became an SQL. */
  sqlToOpp?: number;
}

const RANK: Record<Exclude<LeadStatus, 'disqualified'>, number> = { lead: 0, mql: 1, sql: 2, opportunity: 3 };

/**
 * The furthest gate a lead passed (0 lead, 1 MQL, 2 SQL, 3 opportunity): its status, or a gate date when it
 * has one, so a disqualified SQL still counts as an SQL and an opportunity counts as an MQL and an SQL.
 */
export function furthestGate(lead: FunnelLead): number {
  const byStatus = lead.status === 'disqualified' ? 0 : RANK[lead.status];
  const byDate = lead.oppAt ? 3 : lead.sqlAt ? 2 : lead.mqlAt ? 1 : 0;
  return Math.max(byStatus, byDate);
}

/** MQL → SQL and SQL → Opp conversion over the given leads. */
export function leadFunnel(leads: readonly FunnelLead[]): LeadFunnel {
  const gates = leads.map(furthestGate);
  const reached = (gate: number) => gates.filter((g) => g >= gate).length;
  const funnel: LeadFunnel = {
    leads: leads.length,
    mql: reached(1),
    sql: reached(2),
    opportunity: reached(3),
  };
  const mqlToSql = percentOf(funnel.sql, funnel.mql);
  const sqlToOpp = percentOf(funnel.opportunity, funnel.sql);
  if (mqlToSql !== undefined) funnel.mqlToSql = round1(mqlToSql);
  if (sqlToOpp !== undefined) funnel.sqlToOpp = round1(sqlToOpp);
  return funnel;
}

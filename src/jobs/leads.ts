import type { Lead } from '../engines/lead.js';

/** Reads leads; the leads store (store.leads) is one, and tests use a map. */
export interface LeadReader {
  get(teamId: string, leadId: string): Promise<Lead | undefined>;
  /** The stored lead a company name (and domain) refers to. */
  find?(teamId: string, company: string, domain?: string): Promise<Lead | undefined>;
}

/** A reader that knows no leads: enrolments then carry only the name typed, and templates say what is missing. */
export const NO_LEADS: LeadReader = { get: async () => undefined };

/** A reader over a fixed map of `teamId/leadId` → lead, for tests and the CLI. */
export function leadsFromMap(leads: ReadonlyMap<string, Lead>): LeadReader {
  return { get: async (teamId, leadId) => leads.get(`${teamId}/${leadId}`) };
}

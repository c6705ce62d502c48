import type { Lead } from '../engines/lead.js';

/** Reads leads; the leads store (store.leads) is one. */
export interface LeadReader {
  get(teamId: string, leadId: string): Promise<Lead | undefined>;
  /** The stored lead a company name (and domain) refers to. */
  find?(teamId: string, company: string, domain?: string): Promise<Lead | undefined>;
}

/** A reader that knows no leads: enrolments then carry only the name typed, and templates say what is missing. */
export const NO_LEADS: LeadReader = { get: async () => undefined };

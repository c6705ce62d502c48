import type { Deal } from '../deal.js';
import type { StageDef } from '../pipeline/stages.js';

/** Records the hygiene audit reads; field names follow `Deal`. */
export interface ContactRecord {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  company?: string;
  linkedinUrl?: string;
}

export interface CompanyRecord {
  id: string;
  name?: string;
  domain?: string;
  website?: string;
  phone?: string;
}

/** A deal as audited: an export may carry the probability a rep typed. */
export type AuditDeal = Deal & { probability?: number };

export interface AuditInput {
  contacts?: readonly ContactRecord[];
  companies?: readonly CompanyRecord[];
  deals: readonly AuditDeal[];
}

export interface AuditContext {
  now: string;
  staleDays: number;
  stages?: readonly StageDef[];
  /** Points a deal's probability may differ from its stage's before it counts as disagreeing. */
  probabilityTolerance: number;
}

export interface HygieneIssue {
  rule: string;
  recordId: string;
  detail: string;
}

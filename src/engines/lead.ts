import { normaliseCompanyName, normaliseDomain } from './crm/normalise.js';
import type { FrameworkId } from './types.js';

/** A lead the bot keeps: who it is, who owns it, its qualification answers and where it stands. */
export interface Lead {
  /** Stable id derived from the normalised domain, or the normalised company name when no domain is known. */
  id: string;
  company: string;
  domain?: string;
  contact?: { name?: string; firstName?: string; email?: string; title?: string };
  /** Slack user id of the rep who owns the lead. */
  ownerId: string;
  source?: string;
  amount?: number;
  /**
   * The buyer's own description of their pain, as they would recognise it: the one pain a follow-up template
   * may quote. Qualification evidence is the rep's private notes and never reaches a template.
   */
  theirPain?: string;
  framework: FrameworkId;
  answers: Record<string, { level: string; evidence?: string }>;
  scoreHistory: {
    at: string;
    score: number;
    maxScore: number;
    verdict: 'qualified' | 'nurture' | 'disqualified';
  }[];
  stage: string;
  /** Every stage move with whether the exit criteria of the stage left were met (moves are allowed either way). */
  stageHistory: { stage: string; enteredAt: string; by: string; exitCriteriaMet: boolean; unmet: string[] }[];
  createdAt: string;
  updatedAt: string;
  disqualified?: { reason: string; at: string; by: string };
  replied?: { at: string; stepKey?: string };
}

/** The lead id: `d:acme.com` when a domain is known, else `c:acme` from the normalised company name. */
export function leadIdFor(company: string, domain?: string): string {
  const d = domain === undefined ? '' : normaliseDomain(domain.replace(/^.*@/, ''));
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(d)) return `d:${d}`;
  return `c:${normaliseCompanyName(company).replace(/ /g, '-')}`;
}

import type { Lead } from '../engines/lead.js';

function firstNameOf(lead: Lead | undefined): string | undefined {
  const contact = lead?.contact;
  if (contact?.firstName) return contact.firstName;
  const first = contact?.name?.trim().split(/\s+/)[0];
  return first || undefined;
}

/**
 * The values a follow-up template can use, from customer-facing fields only: the contact, the company, the
 * buyer's pain in their own words, else the team ICP's first pain point, and the sender. The lead's
 * qualification answers and evidence are the rep's private notes and are never read here.
 */
export function templateVarsFor(args: {
  lead: Lead | undefined;
  leadName: string;
  senderName: string | undefined;
  senderCompany: string | undefined;
  /** The team ICP's first pain point, used when the lead has no pain in the buyer's words. */
  icpPainPoint?: string | undefined;
}): Record<string, string | undefined> {
  const { lead } = args;
  const last = lead?.contact?.name?.trim().split(/\s+/).slice(1).join(' ');
  return {
    first_name: firstNameOf(lead),
    last_name: last || undefined,
    company: lead?.company ?? args.leadName,
    title: lead?.contact?.title,
    pain_point: lead?.theirPain?.trim() || args.icpPainPoint?.trim() || undefined,
    sender_name: args.senderName,
    sender_company: args.senderCompany,
  };
}

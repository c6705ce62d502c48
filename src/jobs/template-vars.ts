import type { Lead } from '../engines/lead.js';

/** Answer keys whose evidence describes the lead's pain, in order of preference. */
const PAIN_KEYS = ['pain', 'identify_pain', 'identifyPain', 'need', 'problem'];

function firstNameOf(lead: Lead | undefined): string | undefined {
  const contact = lead?.contact;
  if (contact?.firstName) return contact.firstName;
  const first = contact?.name?.trim().split(/\s+/)[0];
  return first || undefined;
}

function painOf(lead: Lead | undefined): string | undefined {
  if (!lead) return undefined;
  for (const key of PAIN_KEYS) {
    const evidence = lead.answers[key]?.evidence?.trim();
    if (evidence) return evidence;
  }
  return undefined;
}

/** The values a follow-up template can use, from the lead, the rep and the team's profile; unknown ones are left out. */
export function templateVarsFor(args: {
  lead: Lead | undefined;
  leadName: string;
  senderName: string | undefined;
  senderCompany: string | undefined;
}): Record<string, string | undefined> {
  const { lead } = args;
  const last = lead?.contact?.name?.trim().split(/\s+/).slice(1).join(' ');
  return {
    first_name: firstNameOf(lead),
    last_name: last || undefined,
    company: lead?.company ?? args.leadName,
    title: lead?.contact?.title,
    pain_point: painOf(lead),
    sender_name: args.senderName,
    sender_company: args.senderCompany,
  };
}

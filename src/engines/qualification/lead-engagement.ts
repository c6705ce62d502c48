import type { Lead } from '../lead.js';
import type { EngagementEvent } from './lead-score.js';
import type { LeadFitFacts, Seniority } from './lead-score-model.js';

/**
 * The engagement the app itself records for a lead: each day a rep qualified it (one per day, so re-scoring
 * the same day does not pile up points; a disqualification is no engagement) and the reply to its follow-ups.
 */
export function engagementOfLead(lead: Pick<Lead, 'scoreHistory' | 'replied'>): EngagementEvent[] {
  const days = new Map<string, string>();
  for (const entry of lead.scoreHistory) {
    if (entry.verdict === 'disqualified') continue;
    const day = entry.at.slice(0, 10);
    const kept = days.get(day);
    if (kept === undefined || entry.at > kept) days.set(day, entry.at);
  }
  const events: EngagementEvent[] = [...days.values()]
    .sort()
    .map((at) => ({ type: 'rep_qualification', at }));
  if (lead.replied) events.push({ type: 'follow_up_reply', at: lead.replied.at });
  return events;
}

const SENIORITY_WORDS: readonly [Seniority, RegExp][] = [
  [
    'c_level',
    /\b(chief|ceo|cfo|cto|coo|cmo|cro|cio|ciso|founder|co-founder|owner|(?<!vice )president|managing director)\b/,
  ],
  ['vp', /\b(vp|svp|evp|vice president|head of)\b/],
  ['director', /\bdirector\b/],
  ['manager', /\b(manager|team lead|lead)\b/],
  [
    'individual',
    /\b(engineer|developer|analyst|specialist|representative|rep|associate|coordinator|assistant|consultant|designer|accountant|executive)\b/,
  ],
];

/** The seniority a job title states, checked from the top; undefined when the title names none. */
export function seniorityOfTitle(title: string | undefined): Seniority | undefined {
  if (title === undefined) return undefined;
  const t = title.toLowerCase().replace(/\./g, '');
  return SENIORITY_WORDS.find(([, words]) => words.test(t))?.[0];
}

/** The fit facts known about a lead's contact: seniority from the title, the e-mail for its domain. */
export function contactFitFacts(
  contact: { title?: string | undefined; email?: string | undefined } | undefined,
): LeadFitFacts {
  const seniority = seniorityOfTitle(contact?.title);
  return {
    ...(seniority ? { seniority } : {}),
    ...(contact?.email ? { email: contact.email } : {}),
  };
}

import type { KnownBlock } from '@slack/types';
import { leadScoreBlocks } from '../../blocks/lead-score.js';
import type { Lead } from '../../engines/lead.js';
import type { CompanyFacts } from '../../engines/qualification/icp-fit.js';
import { type IcpFit, scoreIcpFit } from '../../engines/qualification/icp-fit.js';
import { contactFitFacts, engagementOfLead } from '../../engines/qualification/lead-engagement.js';
import { scoreLead } from '../../engines/qualification/lead-score.js';
import type { InlineTokens } from '../../engines/qualify-text/tokens.js';
import { InputError } from '../../errors.js';
import type { ReferenceIcp } from '../icp/index.js';

/** Takes `title="VP Sales"` (the contact's job title) out of the qualify text. */
export function takeContactTitle(tokens: InlineTokens): { title?: string; tokens: InlineTokens } {
  const pair = tokens.pairs.find((p) => p.key === 'title');
  if (!pair) return { tokens };
  const title = pair.value.trim();
  if (title === '' || title.length > 100) {
    throw new InputError([{ path: 'title', message: 'give 1 to 100 characters, e.g. title="VP Sales"' }]);
  }
  return { title, tokens: { ...tokens, pairs: tokens.pairs.filter((p) => p !== pair) } };
}

/** The ICP fit the lead score counts: only when the team has an ICP and at least one company fact is known. */
function knownIcpFit(reference: ReferenceIcp | undefined, facts: CompanyFacts): IcpFit | undefined {
  const known = Object.values(facts).some((v) => v !== undefined);
  return reference && known ? scoreIcpFit(reference.icp, facts) : undefined;
}

/**
 * The lead score blocks of a just-qualified lead: fit from the ICP fit of the given company facts and the
 * contact's title and e-mail, engagement from what the app recorded about it, decayed to `now`.
 */
export function leadScoreFor(
  lead: Lead,
  known: { reference: ReferenceIcp | undefined; facts: CompanyFacts; title?: string | undefined },
  now: Date,
): KnownBlock[] {
  const icp = knownIcpFit(known.reference, known.facts);
  const contact = { ...lead.contact, ...(known.title ? { title: known.title } : {}) };
  const score = scoreLead({
    fit: { ...contactFitFacts(contact), ...(icp ? { icpFit: icp.score } : {}) },
    events: engagementOfLead(lead),
    now: now.toISOString(),
  });
  return leadScoreBlocks(score);
}

import type { Lead } from '../../engines/lead.js';
import { leadIdFor } from '../../engines/lead.js';
import type { Sequence } from '../../engines/optimizer/index.js';
import { InputError, NotFoundError } from '../../errors.js';
import type { Followups } from '../../jobs/followups.js';

/** A lead as a command names it: its id, the name to show, and the stored record when there is one. */
export interface ResolvedLead {
  id: string;
  name: string;
  lead?: Lead;
}

const unquote = (text: string) =>
  text
    .trim()
    .replace(/^["'\u201c\u2018]|["'\u201d\u2019]$/g, '')
    .trim();

/** Finds the lead a person named: a lead id (`c:acme`, `d:acme.com`), a domain, or a company name. */
export async function resolveLead(f: Followups, teamId: string, reference: string): Promise<ResolvedLead> {
  const ref = unquote(reference);
  if (ref === '') {
    throw new InputError('Name the lead, such as `/sales-ops sequence start Acme`.');
  }
  const isId = /^[cd]:/.test(ref);
  const domain = /^[^\s]+\.[a-z]{2,}$/i.test(ref) ? ref : undefined;
  const found = isId ? await f.leads.get(teamId, ref) : await f.leads.find?.(teamId, ref, domain);
  if (found) return { id: found.id, name: found.company, lead: found };
  if (isId) return { id: ref, name: ref.slice(2) };
  const id = leadIdFor(ref, domain);
  if (id.length <= 2) {
    throw new InputError(
      `"${ref}" has no letters or digits to know the lead by; use its domain, such as acme.com.`,
    );
  }
  const byId = await f.leads.get(teamId, id);
  return byId ? { id, name: byId.company, lead: byId } : { id, name: ref };
}

/** Splits `Acme Corp using outbound-q3` into the lead and the sequence id. */
export function parseStartArgs(args: string): { lead: string; sequenceId?: string } {
  const match = /^(.*?)\s+(?:using|with)\s+([a-z0-9][a-z0-9-]*)\s*$/i.exec(args.trim());
  if (match?.[1] && match[2]) return { lead: match[1], sequenceId: match[2].toLowerCase() };
  return { lead: args.trim() };
}

/** The sequence a start names (the default unless named); NotFoundError listing the team's when there is none. */
export async function findSequence(f: Followups, teamId: string, id = 'default'): Promise<Sequence> {
  const sequence = await f.sequences.get(teamId, id);
  if (sequence) return sequence;
  const ids = (await f.sequences.list(teamId)).map((s) => `\`${s.id}\``).join(', ');
  throw new NotFoundError(`There is no sequence \`${id}\`. Your sequences: ${ids}.`);
}

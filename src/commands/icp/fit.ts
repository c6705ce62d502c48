import type { KnownBlock } from '@slack/types';
import { icpFitBlocks } from '../../blocks/icp-fit.js';
import { parseMoney } from '../../engines/money.js';
import { type CompanyFacts, type Icp, scoreIcpFit } from '../../engines/qualification/icp-fit.js';
import type { InlinePair, InlineTokens } from '../../engines/qualify-text/tokens.js';
import { InputError, type Problem } from '../../errors.js';
import type { Store } from '../../store/index.js';
import { icpForFit, teamIcp } from './team-icp.js';

/** The ICP a lead is scored against, and where it came from. */
export interface ReferenceIcp {
  icp: Icp;
  source: string;
}

/**
 * The ICP a lead's fit is scored against: the team's ICP as `teamIcp` finds it, where a criterion nobody
 * set accepts anything, so a lead is never marked outside a default. Undefined when the team gave no ICP.
 */
export async function referenceIcp(store: Store, teamId: string): Promise<ReferenceIcp | undefined> {
  const team = await teamIcp(store, teamId);
  return team ? { icp: icpForFit(team), source: team.source } : undefined;
}

/** Company facts a rep may add to `/sales-ops qualify`: `industry=SaaS employees=250 revenue=20m country=Germany`. */
const FACT_KEYS: Record<string, 'industry' | 'employees' | 'annualRevenue' | 'geography'> = {
  industry: 'industry',
  employees: 'employees',
  size: 'employees',
  revenue: 'annualRevenue',
  country: 'geography',
  geography: 'geography',
  region: 'geography',
};

/** Takes the company facts out of the qualify text, leaving the criteria and lead fields to the qualify reader. */
export function takeCompanyFacts(tokens: InlineTokens): { facts: CompanyFacts; tokens: InlineTokens } {
  const facts: CompanyFacts = {};
  const rest: InlinePair[] = [];
  const problems: Problem[] = [];
  for (const pair of tokens.pairs) {
    const fact = FACT_KEYS[pair.key];
    if (!fact) {
      rest.push(pair);
      continue;
    }
    if (fact === 'employees' || fact === 'annualRevenue') {
      const amount = parseMoney(pair.value)?.amount;
      if (amount === undefined || (fact === 'employees' && !Number.isInteger(amount)))
        problems.push({
          path: pair.key,
          message: `"${pair.value}" is not a number; try ${pair.key}=${fact === 'employees' ? '250' : '20m'}`,
        });
      else facts[fact] = amount;
    } else if (pair.value.trim() === '' || pair.value.length > 80) {
      problems.push({
        path: pair.key,
        message: `give 1 to 80 characters, e.g. ${pair.key}=${fact === 'industry' ? 'SaaS' : 'Germany'}`,
      });
    } else facts[fact] = pair.value.trim();
  }
  if (problems.length > 0) throw new InputError(problems);
  return { facts, tokens: { ...tokens, pairs: rest } };
}

/** The ICP fit blocks for a scorecard, or none when the team has no ICP to compare with. */
export function fitBlocks(reference: ReferenceIcp | undefined, facts: CompanyFacts): KnownBlock[] {
  return reference ? icpFitBlocks(scoreIcpFit(reference.icp, facts), reference.source) : [];
}

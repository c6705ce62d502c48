import type { Icp } from '../engines/qualification/icp-fit.js';
import type { ProfileRepository } from '../store/profiles.js';

/** The team's ideal customer profile as far as the team gave it, and where it comes from. */
export interface TeamIcp {
  /** Each list or range the team gave; what it left out is absent (never a default). */
  given: {
    industries?: string[];
    companySize?: { min: number; max: number };
    annualRevenue?: { min: number; max: number };
    geography?: string[];
    painPoints?: string[];
    buyingTriggers?: string[];
  };
  /** Where it comes from, as shown beside the scorecard: "your business profile". */
  source: string;
}

/**
 * The team's ICP: today the one in the saved business profile. This is the one lookup every surface uses
 * (the qualify scorecard's ICP fit, the follow-up templates' pain point), so a finalized team ICP can be
 * supplied here later without touching them. Undefined when the team gave no ICP at all.
 */
export async function teamIcp(profiles: ProfileRepository, teamId: string): Promise<TeamIcp | undefined> {
  const icp = (await profiles.get(teamId))?.intake.icp;
  if (icp === undefined || Object.values(icp).every((v) => v === undefined)) return undefined;
  const given: TeamIcp['given'] = {};
  if (icp.industries !== undefined) given.industries = icp.industries;
  if (icp.companySize !== undefined) given.companySize = icp.companySize;
  if (icp.annualRevenue !== undefined) given.annualRevenue = icp.annualRevenue;
  if (icp.geography !== undefined) given.geography = icp.geography;
  if (icp.painPoints !== undefined) given.painPoints = icp.painPoints;
  if (icp.buyingTriggers !== undefined) given.buyingTriggers = icp.buyingTriggers;
  return { given, source: 'your business profile' };
}

/**
 * The ICP as the fit engine scores against it: what the team left out accepts anything (an empty list, an
 * unbounded range), so a lead is never marked outside an ICP for a criterion nobody set.
 */
export function icpForFit(team: TeamIcp): Icp {
  const any = { min: 0, max: Number.MAX_SAFE_INTEGER };
  return {
    industries: team.given.industries ?? [],
    companySize: team.given.companySize ?? any,
    annualRevenue: team.given.annualRevenue ?? any,
    geography: team.given.geography ?? [],
    painPoints: team.given.painPoints ?? [],
    buyingTriggers: team.given.buyingTriggers ?? [],
  };
}

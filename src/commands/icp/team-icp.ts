import type { Icp } from '../../engines/qualification/icp-fit.js';
import type { Store } from '../../store/index.js';

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
  /** Where it comes from, as shown beside the scorecard: "the team's final ICP (version 2)". */
  source: string;
}

const given = <T>(list: T[] | undefined) => (list && list.length > 0 ? list : undefined);

/**
 * The team's ICP: its latest finalized ICP laid over the saved business profile's. This is the one lookup
 * every surface uses (the qualify scorecard's ICP fit, the follow-up templates' pain point). Only what the
 * team gave counts, never a default; undefined when the team gave no ICP at all.
 */
export async function teamIcp(
  store: Pick<Store, 'profiles' | 'finalizedIcp'>,
  teamId: string,
): Promise<TeamIcp | undefined> {
  const [profile, final] = await Promise.all([store.profiles.get(teamId), store.finalizedIcp(teamId)]);
  const icp = { ...profile?.intake.icp, ...final?.icp };
  const picked: TeamIcp['given'] = {};
  const industries = given(icp.industries);
  const geography = given(icp.geography);
  const painPoints = given(icp.painPoints);
  const buyingTriggers = given(icp.buyingTriggers);
  if (industries) picked.industries = industries;
  if (icp.companySize !== undefined) picked.companySize = icp.companySize;
  if (icp.annualRevenue !== undefined) picked.annualRevenue = icp.annualRevenue;
  if (geography) picked.geography = geography;
  if (painPoints) picked.painPoints = painPoints;
  if (buyingTriggers) picked.buyingTriggers = buyingTriggers;
  if (Object.keys(picked).length === 0) return undefined;
  const source = final ? `the team's final ICP (version ${final.version})` : "the business profile's ICP";
  return { given: picked, source };
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

import type { RawIntake } from '../engines/intake.js';
import { type IcpRepository, icpSlug } from './icp.js';
import type { ProfileRepository } from './profiles.js';

/** The ICP fields an intake takes, as the finalized ICP fills them in. */
export type IntakeIcp = NonNullable<RawIntake['icp']>;

/** A finalized ICP, ready to lay over an intake's `icp`. */
export interface FinalizedIcp {
  business: string;
  version: number;
  icp: IntakeIcp;
}

/**
 * The latest finalized ICP of a business (by default the saved profile's business, or the team's only ICP when
 * there is no profile), or undefined when the team never finalized one. Ranges nobody set are left out, so the intake's own values or defaults stay.
 */
export async function finalizedIcp(
  icps: IcpRepository,
  profiles: ProfileRepository,
  teamId: string,
  business?: string,
): Promise<FinalizedIcp | undefined> {
  let name = business ?? (await profiles.get(teamId))?.intake.business;
  if (name === undefined) {
    // Without a profile, a team with a single ICP means that one.
    const all = Object.values(await icps.list(teamId));
    name = all.length === 1 ? all[0] : undefined;
  }
  if (name === undefined) return undefined;
  const final = await icps.finalized(teamId, icpSlug(name));
  if (!final) return undefined;
  const v = final.values;
  const icp: IntakeIcp = {
    industries: v.industries,
    geography: v.geography,
    painPoints: v.painPoints,
    buyingTriggers: v.buyingTriggers,
    ...(v.companySize ? { companySize: v.companySize } : {}),
    ...(v.annualRevenue ? { annualRevenue: v.annualRevenue } : {}),
  };
  return { business: final.business, version: final.version, icp };
}

import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../logger.js';
import { icpSlug } from '../../store/icp.js';
import type { IntakeIcp } from '../../store/icp-final.js';
import type { Store } from '../../store/index.js';
import { SLASH_COMMAND } from '../ids.js';
import { mayDecide } from './service.js';

/**
 * Why the person may not overwrite the saved business profile, or undefined when they may. Once the profile's
 * business has a finalized ICP, only the ICP's creator or a workspace admin may replace the profile.
 */
export async function profileOverwriteRefusal(
  deps: { store: Store; logger: Logger },
  client: WebClient,
  ids: { teamId: string; userId: string },
): Promise<string | undefined> {
  const profile = await deps.store.profiles.get(ids.teamId);
  if (!profile) return undefined;
  const business = profile.intake.business;
  const final = await deps.store.finalizedIcp(ids.teamId, business);
  const draft = final ? await deps.store.icp.get(ids.teamId, icpSlug(business)) : undefined;
  if (!final || !draft) return undefined;
  if (await mayDecide(client, draft, ids.userId, deps.logger)) return undefined;
  return `The ${business} business profile is bound to the team's final ICP (version ${final.version}), so only <@${draft.createdBy}>, who started that ICP, or a workspace admin can replace it with a new intake. Ask one of them, or suggest ICP changes on the card (\`${SLASH_COMMAND} icp\`).`;
}

/** An intake's ICP with the team's final ICP for that business laid over it (the final one wins per field). */
export async function withFinalIcp<T extends { business?: string | undefined; icp?: IntakeIcp | undefined }>(
  store: Store,
  teamId: string,
  intake: T,
): Promise<T> {
  if (intake.business === undefined) return intake;
  const final = await store.finalizedIcp(teamId, intake.business);
  return final ? { ...intake, icp: { ...intake.icp, ...final.icp } } : intake;
}

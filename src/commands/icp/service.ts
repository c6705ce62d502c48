import type { WebClient } from '@slack/web-api';
import type { IcpCardModel } from '../../blocks/icp-card.js';
import {
  describeValue,
  emptyValues,
  formatRange,
  type IcpValues,
  isRangeSection,
  SECTION_IDS,
  SECTIONS,
} from '../../engines/icp/sections.js';
import type { Logger } from '../../logger.js';
import { icpSlug } from '../../store/icp.js';
import type { IcpDraft, Store, Suggestion } from '../../store/index.js';

/** The business a `/sales-ops icp` refers to: the one named, the saved profile's, the team's only ICP, or a default. */
export async function resolveBusiness(
  store: Store,
  teamId: string,
  named: string | undefined,
): Promise<string> {
  if (named !== undefined && named.trim() !== '') return named.trim();
  const profile = await store.profiles.get(teamId);
  if (profile) return profile.intake.business;
  const existing = Object.values(await store.icp.list(teamId));
  return existing.length === 1 && existing[0] !== undefined ? existing[0] : 'Our business';
}

/** The saved profile's ICP as the draft's starting values, when the profile is about this business. */
async function startingValues(store: Store, teamId: string, business: string): Promise<IcpValues> {
  const values = emptyValues();
  const profile = await store.profiles.get(teamId);
  if (!profile || icpSlug(profile.intake.business) !== icpSlug(business)) return values;
  const icp = profile.intake.icp ?? {};
  return {
    ...values,
    industries: icp.industries ?? [],
    geography: icp.geography ?? [],
    painPoints: icp.painPoints ?? [],
    buyingTriggers: icp.buyingTriggers ?? [],
    ...(icp.companySize ? { companySize: icp.companySize } : {}),
    ...(icp.annualRevenue ? { annualRevenue: icp.annualRevenue } : {}),
  };
}

/** The team's draft for the business, started from the saved profile when there is none yet. */
export async function ensureDraft(
  store: Store,
  ids: { teamId: string; userId: string },
  business: string,
  now: Date,
): Promise<IcpDraft> {
  const existing = await store.icp.get(ids.teamId, icpSlug(business));
  if (existing) return existing;
  const values = await startingValues(store, ids.teamId, business);
  return store.icp.create(ids.teamId, business, { by: ids.userId, at: now, values });
}

/** A suggestion in words: `add "x", "y"` or `set to 50–500 employees`. */
export function describeSuggestion(s: Suggestion): string {
  if (s.range && isRangeSection(s.section)) return `set to ${formatRange(s.section, s.range)}`;
  return `add ${(s.add ?? []).map((i) => `"${i}"`).join(', ')}`;
}

/** The card's view model from the stored draft and its open suggestions. */
export function cardModel(draft: IcpDraft, suggestions: readonly Suggestion[]): IcpCardModel {
  return {
    business: draft.business,
    slug: draft.slug,
    version: draft.version,
    createdBy: draft.createdBy,
    finalized: draft.finalized,
    sections: SECTION_IDS.map((id) => {
      const s = draft.sections[id];
      return {
        id,
        title: SECTIONS[id].title,
        lines: describeValue(id, draft.values),
        contributors: s.contributors,
        updatedAt: s.updatedAt,
        updatedBy: s.updatedBy,
      };
    }),
    suggestions: suggestions.map((s) => ({
      id: s.id,
      sectionTitle: SECTIONS[s.section].title,
      text: describeSuggestion(s),
      by: s.by,
    })),
  };
}

/** True when users.info marks the person a workspace admin or owner; false when it cannot tell. */
export async function isWorkspaceAdmin(client: WebClient, userId: string, logger: Logger): Promise<boolean> {
  try {
    const info = await client.users.info({ user: userId });
    return info.user?.is_admin === true || info.user?.is_owner === true;
  } catch (error) {
    logger.warn({ err: error }, 'users.info failed; treating the person as not an admin');
    return false;
  }
}

/** Whether the person may finalize the ICP (or overwrite a profile bound to a final one): its creator or an admin. */
export async function mayDecide(
  client: WebClient,
  draft: { createdBy: string },
  userId: string,
  logger: Logger,
): Promise<boolean> {
  return draft.createdBy === userId || (await isWorkspaceAdmin(client, userId, logger));
}

/** The polite refusal for someone who may not finalize or overwrite. */
export function whoMayDecide(draft: { createdBy: string; business: string }, what: string): string {
  return `Only <@${draft.createdBy}>, who started the ${draft.business} ICP, or a workspace admin can ${what}. Ask one of them; meanwhile you can edit sections or suggest changes on the card.`;
}

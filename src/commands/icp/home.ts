import type { IcpHomeItem } from '../../blocks/icp-home.js';
import type { Store } from '../../store/index.js';

/** ICPs the Home tab lists; a team rarely has more than one or two. */
const SHOWN = 3;

/** The team's ICPs for the Home tab: current version, last final version, open suggestions and the card's channel. */
export async function icpHomeItems(store: Store, teamId: string): Promise<IcpHomeItem[]> {
  const slugs = Object.keys(await store.icp.list(teamId))
    .sort()
    .slice(0, SHOWN);
  const items = await Promise.all(
    slugs.map(async (slug): Promise<IcpHomeItem | undefined> => {
      const [draft, suggestions] = await Promise.all([
        store.icp.get(teamId, slug),
        store.icp.suggestions(teamId, slug),
      ]);
      if (!draft) return undefined;
      return {
        slug,
        business: draft.business,
        version: draft.version,
        finalVersion: draft.finalized?.version,
        suggestions: suggestions.length,
        channel: draft.card?.channel,
      };
    }),
  );
  return items.filter((i): i is IcpHomeItem => i !== undefined);
}

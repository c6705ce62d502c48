import { referenceIcp } from '../commands/icp/index.js';
import { accountFitFrom } from '../engines/alerts/index.js';
import type { Store } from '../store/index.js';

/**
 * The ICP fit of the team's accounts by name, for the ICP match alert: the team's ICP (as the qualify
 * scorecard scores against it) over the facts of the last accounts.csv imported. Undefined, so the rule
 * raises nothing, when the team gave no ICP or imported no accounts.
 */
export async function teamAccountFit(
  store: Store,
  teamId: string,
): Promise<((account: string) => number | undefined) | undefined> {
  const [reference, facts] = await Promise.all([referenceIcp(store, teamId), store.accounts.facts(teamId)]);
  if (reference === undefined || facts.size === 0) return undefined;
  return accountFitFrom(reference.icp, facts);
}

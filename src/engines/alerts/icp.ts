import { type CompanyFacts, type Icp, scoreIcpFit } from '../qualification/icp-fit.js';

const normalise = (name: string) => name.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The ICP fit of an account by name, from what is known about the accounts: the fit engine's score, or 0
 * when a hard criterion (industry, size, geography) is known not to match; undefined for an unknown account.
 */
export function accountFitFrom(
  icp: Icp,
  accounts: ReadonlyMap<string, CompanyFacts>,
): (account: string) => number | undefined {
  const byName = new Map([...accounts].map(([name, facts]) => [normalise(name), facts]));
  const cache = new Map<string, number | undefined>();
  return (account) => {
    const key = normalise(account);
    if (cache.has(key)) return cache.get(key);
    const facts = byName.get(key);
    const fit = facts === undefined ? undefined : scoreIcpFit(icp, facts);
    const score = fit === undefined ? undefined : fit.mismatches.length > 0 ? 0 : fit.score;
    cache.set(key, score);
    return score;
  };
}

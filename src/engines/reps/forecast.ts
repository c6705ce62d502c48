import { inPeriod } from '../dashboard/quota.js';
import type { Period } from '../dashboard/types.js';
import type { Deal } from '../deal.js';
import type { Forecast } from './types.js';

type Category = 'closed' | 'commit' | 'best' | 'pipeline' | 'omitted';

/** HubSpot's and Salesforce's forecast categories: `Commit`, `Best case`, `Pipeline`, `Closed`, `Omitted`. */
export function forecastCategory(raw: string | undefined): Category | undefined {
  if (raw === undefined) return undefined;
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === 'commit' || key === 'committed') return 'commit';
  if (key === 'bestcase' || key === 'best') return 'best';
  if (key === 'pipeline') return 'pipeline';
  if (key === 'closed' || key === 'closedwon') return 'closed';
  if (key === 'omitted' || key === 'notforecasted' || key === 'omit') return 'omitted';
  return undefined;
}

/**
 * The quarter's forecast. Open deals expected to close in the quarter (or with no expected date) count;
 * won deals closed in it are `closed`. With forecast categories (any such deal has one), the roll-up is
 * Salesforce's: commit = closed + Commit, best case = commit + Best Case, pipeline = best case + Pipeline
 * (deals without a category count as Pipeline, Omitted ones not at all). Without, the forecast is closed +
 * Σ amount × stage probability, beside the whole pipeline.
 */
export function forecastOf(
  deals: readonly Deal[],
  probability: (deal: Deal) => number,
  quarter: Period,
): Forecast {
  const closed = deals
    .filter((d) => d.status === 'won' && inPeriod(d.closedAt, quarter))
    .reduce((sum, d) => sum + (d.amount ?? 0), 0);
  const open = deals.filter(
    (d) =>
      d.status === 'open' && (d.expectedCloseDate === undefined || inPeriod(d.expectedCloseDate, quarter)),
  );
  const amount = (d: Deal) => d.amount ?? 0;
  if (open.some((d) => forecastCategory(d.forecastCategory) !== undefined)) {
    const sums = { commit: 0, best: 0, pipeline: 0 };
    for (const deal of open) {
      const category = forecastCategory(deal.forecastCategory) ?? 'pipeline';
      if (category === 'commit' || category === 'closed') sums.commit += amount(deal);
      else if (category === 'best') sums.best += amount(deal);
      else if (category === 'pipeline') sums.pipeline += amount(deal);
    }
    const commit = closed + sums.commit;
    const bestCase = commit + sums.best;
    return {
      basis: 'category',
      period: quarter,
      closed,
      commit,
      bestCase,
      pipeline: bestCase + sums.pipeline,
    };
  }
  const weighted = open.reduce((sum, d) => sum + (amount(d) * probability(d)) / 100, 0);
  const pipeline = open.reduce((sum, d) => sum + amount(d), 0);
  return {
    basis: 'weighted',
    period: quarter,
    closed,
    weighted: closed + weighted,
    pipeline: closed + pipeline,
  };
}

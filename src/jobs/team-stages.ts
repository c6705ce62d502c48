import { intakeProbabilities } from '../engines/build-design.js';
import { type MetricId, stagesForImport } from '../engines/dashboard/index.js';
import type { Deal } from '../engines/deal.js';
import type { Intake } from '../engines/intake.js';
import { CYCLE_BENCHMARK_DAYS, type StageDef } from '../engines/pipeline/index.js';
import { operatingThresholds, type Thresholds } from '../engines/thresholds.js';
import type { Store } from '../store/index.js';

/** The dashboard targets the team's intake sets; none without a profile. */
export function teamTargets(intake: Intake | undefined): Partial<Record<MetricId, number>> {
  if (intake === undefined) return {};
  const m = intake.metrics;
  return {
    mqlToSql: m.mqlToSql.target,
    sqlToOpp: m.sqlToOpp.target,
    closeRate: m.closeRate.target,
    averageDeal: m.averageDeal.target,
    cycleDays: CYCLE_BENCHMARK_DAYS[intake.deal.segment],
  };
}

/** The team's time limits (stale, idle, lead stale, review days) from its profile; none without one. */
export function teamThresholds(intake: Intake | undefined): Thresholds | undefined {
  return intake === undefined ? undefined : operatingThresholds(intake);
}

/**
 * The stages the team's deals are measured against: the import's saved stages, else the profile's designed
 * stages (as the blueprint shows them, probabilities from these deals when enough have closed, see
 * `intakeProbabilities`), else the stages the deals imply. The digest and `/sales-ops pipeline` both read deals through it.
 */
export async function teamStages(
  store: Pick<Store, 'deals'>,
  teamId: string,
  intake: Intake | undefined,
  deals: readonly Deal[],
): Promise<StageDef[]> {
  const saved = await store.deals.stages(teamId);
  if (saved !== undefined && saved.length > 0) return saved;
  if (intake !== undefined) return intakeProbabilities(intake, { deals }).stages;
  const source = (await store.deals.lastImport(teamId))?.source ?? 'hubspot';
  return stagesForImport(source, deals);
}

import { DateTime } from 'luxon';
import { InputError } from '../../errors.js';
import type { Deal } from '../deal.js';
import { isoMillis } from '../pipeline/dates.js';
import { coverage } from '../pipeline/index.js';
import type { Period, QuotaStatus } from './types.js';

/** The calendar quarter that holds `now` in the team's time zone, as ISO dates. */
export function quarterOf(now: string, zone = 'UTC'): Period {
  const time = DateTime.fromISO(now, { zone });
  if (!time.isValid) {
    throw new InputError([
      { path: 'now', message: `must be an ISO timestamp in a known time zone, got ${now}` },
    ]);
  }
  const start = time.startOf('quarter');
  return { start: start.toISODate() ?? '', end: start.plus({ quarters: 1 }).toISODate() ?? '' };
}

/** Whether an ISO date falls in the period (start included, end excluded). */
export function inPeriod(iso: string | undefined, period: Period): boolean {
  const at = isoMillis(iso);
  const start = isoMillis(period.start);
  const end = isoMillis(period.end);
  return at !== undefined && start !== undefined && end !== undefined && at >= start && at < end;
}

/**
 * Quota attainment and coverage: won amounts closed in the period count towards the quota; the open
 * pipeline is measured against what remains, and the needed coverage is 1 ÷ win rate.
 */
export function quotaStatus(input: {
  quota: number;
  period: Period;
  deals: readonly Deal[];
  openPipeline: number;
  winRate: number | undefined;
}): QuotaStatus {
  if (!(input.quota > 0)) throw new InputError([{ path: 'quota', message: 'must be an amount above 0' }]);
  const won = input.deals
    .filter((d) => d.status === 'won' && inPeriod(d.closedAt, input.period))
    .reduce((sum, d) => sum + (d.amount ?? 0), 0);
  return quotaFromWon({ ...input, won });
}

/** Quota attainment and coverage from the won amount already summed over the period (see `quotaStatus`). */
export function quotaFromWon(input: {
  quota: number;
  period: Period;
  won: number;
  openPipeline: number;
  winRate: number | undefined;
}): QuotaStatus {
  if (!(input.quota > 0)) throw new InputError([{ path: 'quota', message: 'must be an amount above 0' }]);
  const { won } = input;
  const remaining = Math.max(0, input.quota - won);
  const cover = coverage({
    openPipeline: input.openPipeline,
    remainingQuota: remaining,
    winRate: input.winRate ?? 0,
  });
  const status: QuotaStatus = {
    amount: input.quota,
    period: input.period,
    won,
    remaining,
    gap: cover.gap,
    covered: cover.covered,
  };
  if (cover.coverage !== undefined) status.coverage = cover.coverage;
  return status;
}

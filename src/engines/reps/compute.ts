import { DateTime } from 'luxon';
import type { DealSnapshot } from '../alerts/types.js';
import { inPeriod, quarterOf } from '../dashboard/quota.js';
import type { Period } from '../dashboard/types.js';
import type { Deal } from '../deal.js';
import { isoMillis } from '../pipeline/dates.js';
import type { StageDef } from '../pipeline/index.js';
import { round1 } from '../pipeline/stats.js';
import { forecastOf } from './forecast.js';
import type { RepReport, RepRow } from './types.js';

/** Closed deals a rep needs before a win rate is shown. */
export const MIN_CLOSED_FOR_WIN_RATE = 10;
/** Deals without an owner are grouped under this name. */
export const NO_OWNER = '(no owner)';

export interface RepInput {
  deals: readonly Deal[];
  /** Stages with calibrated probabilities (see probabilitiesFromEvidence). */
  stages: readonly StageDef[];
  /** The moment the figures are taken at (an older export: its newest date). */
  now: string;
  zone: string;
  /** Quarterly quota by owner as imported; see quotasFromDeals for the import's quota column. */
  quotas: ReadonlyMap<string, number>;
  /** The previous import, to count close dates that moved out. */
  previous?: DealSnapshot | undefined;
  minClosed?: number;
}

/** The ISO week (Monday to Monday) holding `now` in the zone, as ISO dates. */
export function weekOf(now: string, zone: string): Period {
  const start = DateTime.fromISO(now, { zone }).startOf('week');
  return { start: start.toISODate() ?? '', end: start.plus({ weeks: 1 }).toISODate() ?? '' };
}

/** The quota column of an import: each owner's largest quota on their rows. */
export function quotasFromDeals(deals: readonly Deal[]): Map<string, number> {
  const quotas = new Map<string, number>();
  for (const d of deals) {
    if (d.owner === undefined || d.ownerQuota === undefined || !(d.ownerQuota > 0)) continue;
    quotas.set(d.owner, Math.max(quotas.get(d.owner) ?? 0, d.ownerQuota));
  }
  return quotas;
}

function createdOf(deal: Deal): string | undefined {
  return deal.createdAt ?? deal.history[0]?.enteredAt;
}

function slipped(deal: Deal, previous: DealSnapshot | undefined, week: Period, nowMs: number): boolean {
  if (deal.status !== 'open' || deal.expectedCloseDate === undefined) return false;
  const before = previous?.[deal.id];
  const was = isoMillis(before?.status === 'open' ? before.closeDate : undefined);
  const expected = isoMillis(deal.expectedCloseDate);
  if (was !== undefined && expected !== undefined && expected > was) return true;
  return inPeriod(deal.expectedCloseDate, week) && expected !== undefined && expected < nowMs;
}

function rowOf(rep: string, deals: readonly Deal[], input: RepInput, week: Period, quarter: Period): RepRow {
  const p = new Map(input.stages.map((s) => [s.name, s.probability]));
  const nowMs = isoMillis(input.now) ?? 0;
  const open = deals.filter((d) => d.status === 'open');
  const won = deals.filter((d) => d.status === 'won');
  const closed = won.length + deals.filter((d) => d.status === 'lost').length;
  const openPipeline = open.reduce((s, d) => s + (d.amount ?? 0), 0);
  const wonQuarter = won
    .filter((d) => inPeriod(d.closedAt, quarter))
    .reduce((s, d) => s + (d.amount ?? 0), 0);
  const row: RepRow = {
    rep,
    openDeals: open.length,
    openPipeline,
    weighted: open.reduce((s, d) => s + ((d.amount ?? 0) * (p.get(d.stage) ?? 0)) / 100, 0),
    newThisWeek: deals.filter((d) => inPeriod(createdOf(d), week)).length,
    wonThisWeek: won.filter((d) => inPeriod(d.closedAt, week)).length,
    lostThisWeek: deals.filter((d) => d.status === 'lost' && inPeriod(d.closedAt, week)).length,
    slippedThisWeek: open.filter((d) => slipped(d, input.previous, week, nowMs)).length,
    wonQuarter,
    closedDeals: closed,
  };
  if (closed >= (input.minClosed ?? MIN_CLOSED_FOR_WIN_RATE))
    row.winRate = round1((won.length / closed) * 100);
  const quota = input.quotas.get(rep);
  if (quota !== undefined && quota > 0) {
    row.quota = quota;
    row.attainment = round1((wonQuarter / quota) * 100);
    const remaining = quota - wonQuarter;
    if (remaining > 0) row.coverage = round1(openPipeline / remaining);
  }
  return row;
}

/**
 * The digest's section per rep: open and weighted pipeline, this week's new, won, lost and slipped deals,
 * quota coverage and attainment for the quarter, the leaderboards by won amount and by win rate, and
 * the team's forecast line. Weeks and quarters are read in the team's zone.
 */
export function repReport(input: RepInput): RepReport {
  const week = weekOf(input.now, input.zone);
  const quarter = quarterOf(input.now, input.zone);
  const byRep = new Map<string, Deal[]>();
  for (const deal of input.deals) {
    const rep = deal.owner ?? NO_OWNER;
    const list = byRep.get(rep);
    if (list === undefined) byRep.set(rep, [deal]);
    else list.push(deal);
  }
  const rows = [...byRep]
    .map(([rep, deals]) => rowOf(rep, deals, input, week, quarter))
    .sort((a, b) => b.openPipeline - a.openPipeline || a.rep.localeCompare(b.rep));
  const p = new Map(input.stages.map((s) => [s.name, s.probability]));
  return {
    week,
    quarter,
    rows,
    byWon: rows
      .map((r) => ({ rep: r.rep, amount: r.wonQuarter }))
      .sort((a, b) => b.amount - a.amount || a.rep.localeCompare(b.rep)),
    byWinRate: rows
      .map((r) => ({
        rep: r.rep,
        closedDeals: r.closedDeals,
        ...(r.winRate === undefined ? {} : { winRate: r.winRate }),
      }))
      .sort((a, b) => (b.winRate ?? -1) - (a.winRate ?? -1) || a.rep.localeCompare(b.rep)),
    forecast: forecastOf(input.deals, (d) => p.get(d.stage) ?? 0, quarter),
    minClosed: input.minClosed ?? MIN_CLOSED_FOR_WIN_RATE,
  };
}

import type { Deal } from '../deal.js';
import { isoMillis } from '../pipeline/dates.js';

/** The moment deal figures are measured at, and why that one. */
export interface MeasureDate {
  /** ISO timestamp the figures (days in stage, stuck deals, the quota quarter) are measured at. */
  at: string;
  /** `given`: asked for; `newest`: the newest date in an older export; `now`: the current time. */
  basis: 'given' | 'newest' | 'now';
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The newest date the deals carry: creations, closes and stage entries (not expected close dates, which lie
 * ahead by design); undefined when no deal has a readable date.
 */
export function newestDealDate(deals: readonly Deal[]): string | undefined {
  let newest: number | undefined;
  const see = (iso: string | undefined) => {
    const millis = isoMillis(iso);
    if (millis !== undefined && (newest === undefined || millis > newest)) newest = millis;
  };
  for (const deal of deals) {
    see(deal.createdAt);
    see(deal.closedAt);
    for (const entry of deal.history) see(entry.enteredAt);
  }
  return newest === undefined ? undefined : new Date(newest).toISOString();
}

/**
 * When to measure deals: the moment given, else the newest date in the deals when that is an earlier day than
 * `now` (a historical export measured against today would call every open deal stuck for years), else `now`.
 */
export function measureDate(deals: readonly Deal[], now: string, given?: string): MeasureDate {
  if (given !== undefined) return { at: given, basis: 'given' };
  return measureDateFromNewest(newestDealDate(deals), now);
}

/** `measureDate` when the newest date of the deals is already known (undefined when they carry none). */
export function measureDateFromNewest(newest: string | undefined, now: string, given?: string): MeasureDate {
  if (given !== undefined) return { at: given, basis: 'given' };
  const nowMillis = isoMillis(now);
  const newestMillis = isoMillis(newest);
  if (newest === undefined || nowMillis === undefined || newestMillis === undefined) {
    return { at: now, basis: 'now' };
  }
  const newestDay = Math.floor(newestMillis / DAY_MS);
  return newestDay < Math.floor(nowMillis / DAY_MS)
    ? { at: newest, basis: 'newest' }
    : { at: now, basis: 'now' };
}

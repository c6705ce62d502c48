import type { StageDef } from '../pipeline/index.js';
import type { DealColumns } from './columns.js';
import { LOST, OPEN, type StageLookup, stageLookup, WON } from './lookup.js';
import { DayList } from './sorted.js';

export { LOST, OPEN, WON } from './lookup.js';

const DAY_MS = 86_400_000;

/** What one pass over the deals gathers for the dashboard. */
export interface DealPass {
  lookup: StageLookup;
  /** Each deal's outcome: its status, or a won or lost stage's kind when the status says open. */
  outcome: Uint8Array;
  /** Deals per outcome. */
  outcomes: [number, number, number];
  /** Deals by status, won and lost (the win rate reads status). */
  wonByStatus: number;
  lostByStatus: number;
  /** Won (by status) amounts in deal order: sum and count. */
  wonAmountSum: number;
  wonAmountCount: number;
  /** Days from cycle start to close of won deals, in deal order. */
  cycleDays: DayList;
  /** Per outcome: deals by the furthest open position they reached. */
  furthest: [Int32Array, Int32Array, Int32Array];
  /** Deals per closed stage index they ended in. */
  closedAt: Int32Array;
  /** Completed stays per stage-name key. */
  stays: DayList[];
  /** For open deals: when they entered their current stage (NaN when unknown). */
  currentEntered: Float64Array;
  /** Open deals that moved within the stale limit and are not past their expected close. */
  fresh: number;
  /** Σ amount (missing as 0) of open deals, in deal order. */
  openAmount: number;
  /** Σ amount of won deals closed in the quota period. */
  wonInPeriod: number;
  /** Per open stage: priced open deals in it, their amounts and amounts × probability, in deal order. */
  pipeline: { deals: Int32Array; amount: Float64Array; weighted: Float64Array };
  /** Open deals without an amount or outside the open stages. */
  unpriced: number;
}

export interface PassOptions {
  nowMillis: number;
  staleDays: number;
  /** Quota period bounds in epoch milliseconds, start included and end excluded. */
  period?: { start: number; end: number };
}

/** One pass over every deal: outcomes, reach, stays in stage, cycle days, freshness and sums. */
export function passDeals(stages: readonly StageDef[], columns: DealColumns, options: PassOptions): DealPass {
  const lookup = stageLookup(stages, columns);
  const n = columns.length;
  const openCount = Math.max(1, lookup.openCount);
  const pass: DealPass = {
    lookup,
    outcome: new Uint8Array(n),
    outcomes: [0, 0, 0],
    wonByStatus: 0,
    lostByStatus: 0,
    wonAmountSum: 0,
    wonAmountCount: 0,
    cycleDays: new DayList(),
    furthest: [new Int32Array(openCount), new Int32Array(openCount), new Int32Array(openCount)],
    closedAt: new Int32Array(stages.length),
    stays: Array.from({ length: columns.stageNames.values.length + 1 }, () => new DayList()),
    currentEntered: new Float64Array(n).fill(Number.NaN),
    fresh: 0,
    openAmount: 0,
    wonInPeriod: 0,
    pipeline: {
      deals: new Int32Array(openCount),
      amount: new Float64Array(openCount),
      weighted: new Float64Array(openCount),
    },
    unpriced: 0,
  };
  const probability = stages.filter((s) => s.kind === 'open').map((s) => s.probability);
  const { stage, status, amount, closed, historyStart, historyStage, historyAt } = columns;
  const { nowMillis, staleDays, period } = options;
  let keys = new Int32Array(16);
  let ats = new Float64Array(16);
  for (let i = 0; i < n; i++) {
    const code = stage[i] ?? 0;
    const st = status[i] ?? OPEN;
    const outcome = st !== OPEN ? st : (lookup.kind[code] ?? OPEN);
    pass.outcome[i] = outcome;
    pass.outcomes[outcome as 0 | 1 | 2] += 1;
    const value = amount[i] ?? Number.NaN;
    const closedMs = closed[i] ?? Number.NaN;
    if (st === WON) {
      pass.wonByStatus += 1;
      if (!Number.isNaN(value)) {
        pass.wonAmountSum += value;
        pass.wonAmountCount += 1;
        if (period !== undefined && closedMs >= period.start && closedMs < period.end)
          pass.wonInPeriod += value;
      }
    } else if (st === LOST) pass.lostByStatus += 1;

    const from = historyStart[i] ?? 0;
    const to = historyStart[i + 1] ?? from;
    let furthest = lookup.openPos[code] ?? -1;
    for (let h = from; h < to; h++) furthest = Math.max(furthest, lookup.openPos[historyStage[h] ?? 0] ?? -1);
    if (outcome === WON) {
      furthest = lookup.openCount - 1;
      const days = (closedMs - (columns.cycleStart[i] ?? Number.NaN)) / DAY_MS;
      if (days >= 0) pass.cycleDays.push(days);
    }
    furthest = Math.max(0, furthest);
    const row = pass.furthest[outcome as 0 | 1 | 2];
    if (furthest < row.length) row[furthest] = (row[furthest] ?? 0) + 1;
    if (outcome !== OPEN) {
      const k = (outcome - 1) as 0 | 1;
      const named = lookup.closedIndex[k][code] ?? -1;
      const index = named >= 0 ? named : lookup.firstOfKind[k];
      if (index >= 0) pass.closedAt[index] = (pass.closedAt[index] ?? 0) + 1;
    } else {
      pass.openAmount += Number.isNaN(value) ? 0 : value;
      const at = lookup.openPos[code] ?? -1;
      if (at < 0 || Number.isNaN(value)) pass.unpriced += 1;
      else {
        pass.pipeline.deals[at] = (pass.pipeline.deals[at] ?? 0) + 1;
        pass.pipeline.amount[at] = (pass.pipeline.amount[at] ?? 0) + value;
        pass.pipeline.weighted[at] =
          (pass.pipeline.weighted[at] ?? 0) + (value * (probability[at] ?? 0)) / 100;
      }
    }

    // The deal's entries in time order, with its creation as the first open stage's entry when that is unlogged.
    const count = to - from + 1;
    if (count > keys.length) {
      keys = new Int32Array(count * 2);
      ats = new Float64Array(count * 2);
    }
    let length = 0;
    let logged = false;
    for (let h = from; h < to; h++) {
      keys[length] = historyStage[h] ?? 0;
      ats[length] = historyAt[h] ?? Number.NaN;
      if (keys[length] === lookup.firstOpenKey) logged = true;
      length += 1;
    }
    sortEntries(keys, ats, length);
    const created = columns.created[i] ?? Number.NaN;
    if (lookup.openCount > 0 && columns.hasCreated[i] === 1 && !logged) {
      const before = length === 0 || (ats[0] ?? Number.NaN) - created >= 0;
      if (before) {
        keys.copyWithin(1, 0, length);
        ats.copyWithin(1, 0, length);
        keys[0] = lookup.firstOpenKey;
        ats[0] = created;
        length += 1;
      }
    }
    for (let e = 0; e < length; e++) {
      const key = keys[e] ?? 0;
      if ((lookup.openPos[key] ?? -1) < 0) continue;
      const end = e + 1 < length ? (ats[e + 1] ?? Number.NaN) : outcome !== OPEN ? closedMs : Number.NaN;
      const days = (end - (ats[e] ?? Number.NaN)) / DAY_MS;
      if (days >= 0) pass.stays[key]?.push(days);
    }
    if (outcome !== OPEN) continue;
    for (let e = length - 1; e >= 0; e--) {
      if (keys[e] === code) {
        pass.currentEntered[i] = ats[e] ?? Number.NaN;
        break;
      }
    }
    const last = length > 0 ? (ats[length - 1] ?? Number.NaN) : created;
    const age = (nowMillis - last) / DAY_MS;
    const overdue = (nowMillis - (columns.expectedClose[i] ?? Number.NaN)) / DAY_MS >= 1;
    if (age <= staleDays && !overdue) pass.fresh += 1;
  }
  return pass;
}

/**
 * Sorts the first `length` entries by time, as the row-wise `entriesOf` does (unreadable dates compare as equal).
 * Entries already in order, the usual case, are left as they are: the sort would not move them.
 */
function sortEntries(keys: Int32Array, ats: Float64Array, length: number): void {
  const compare = (a: number, b: number) => {
    const d = a - b;
    return Number.isNaN(d) ? 0 : d;
  };
  let ordered = true;
  for (let e = 1; e < length && ordered; e++) ordered = compare(ats[e - 1] ?? 0, ats[e] ?? 0) <= 0;
  if (ordered) return;
  const order = Array.from({ length }, (_, e) => e).sort((a, b) => compare(ats[a] ?? 0, ats[b] ?? 0));
  const k = order.map((e) => keys[e] ?? 0);
  const t = order.map((e) => ats[e] ?? 0);
  keys.set(k);
  ats.set(t);
}

import {
  flagWorst,
  funnelStages,
  type StageBottleneck,
  type StageDef,
  type StageTime,
  type StuckDeal,
} from '../pipeline/index.js';
import { percentOf, round1 } from '../pipeline/stats.js';
import type { DealColumns } from './columns.js';
import { type DealPass, LOST, OPEN } from './pass.js';
import { sortDays, sortedQuantile } from './sorted.js';

const DAY_MS = 86_400_000;

/** Per stage of `stages`: the deals that reached it, all of them, the closed ones and the won ones. */
export function reachCounts(stages: readonly StageDef[], pass: DealPass) {
  const all = new Float64Array(stages.length);
  const closed = new Float64Array(stages.length);
  const won = new Float64Array(stages.length);
  const [open, wonRow, lostRow] = pass.furthest;
  // Deals whose furthest open position is at or past p reached the open stage at p.
  const tail = (row: Int32Array, p: number) => {
    let sum = 0;
    for (let f = p; f < row.length; f++) sum += row[f] ?? 0;
    return sum;
  };
  let position = 0;
  stages.forEach((stage, i) => {
    if (stage.kind === 'open') {
      const w = tail(wonRow, position);
      const l = tail(lostRow, position);
      all[i] = tail(open, position) + w + l;
      closed[i] = w + l;
      won[i] = w;
      position += 1;
    } else {
      const n = pass.closedAt[i] ?? 0;
      all[i] = n;
      closed[i] = n;
      won[i] = stage.kind === 'won' ? n : 0;
    }
  });
  return { all, closed, won };
}

/** Median, p75 and p90 of the completed stays in each open stage, as `timeInStage` gives them. */
export function stageTimes(stages: readonly StageDef[], columns: DealColumns, pass: DealPass): StageTime[] {
  return stages
    .filter((s) => s.kind === 'open')
    .map((stage) => {
      const found = columns.stageNames.find(stage.name);
      const key = found >= 0 ? found : stage.name === firstOpenName(stages) ? pass.lookup.firstOpenKey : -1;
      const days = sortDays(pass.stays[key]?.values() ?? new Float64Array(0));
      const row: StageTime = { stage: stage.name, sample: days.length };
      const figures = {
        median: sortedQuantile(days, 0.5),
        p75: sortedQuantile(days, 0.75),
        p90: sortedQuantile(days, 0.9),
      };
      for (const [name, value] of Object.entries(figures) as [keyof typeof figures, number | undefined][]) {
        if (value !== undefined) row[name] = round1(value);
      }
      return row;
    });
}

const firstOpenName = (stages: readonly StageDef[]) => stages.find((s) => s.kind === 'open')?.name;

/**
 * Open deals past their stage's p90, most overdue first, as `stuckDeals` gives them: all of them counted, and the
 * first `limit` listed (all when undefined). Only the deals that can be among those listed become rows: the
 * overdue ratios are kept as numbers, and the `limit`-th largest bounds which deals are sorted with their ids.
 */
export function stuckOf(
  columns: DealColumns,
  pass: DealPass,
  times: StageTime[],
  nowMillis: number,
  limit?: number,
): { listed: StuckDeal[]; count: number } {
  const byCode = columns.stageNames.values.map((name) => times.find((t) => t.stage === name));
  const found = new Int32Array(pass.outcomes[OPEN] ?? 0);
  const rounded = new Float64Array(found.length);
  const ratios = new Float64Array(found.length);
  let count = 0;
  for (let i = 0; i < columns.length; i++) {
    if (pass.outcome[i] !== OPEN) continue;
    const time = byCode[columns.stage[i] ?? 0];
    if (time?.p90 === undefined || time.sample < 5) continue;
    const days = (nowMillis - (pass.currentEntered[i] ?? Number.NaN)) / DAY_MS;
    if (Number.isNaN(days) || days <= time.p90) continue;
    found[count] = i;
    rounded[count] = round1(days);
    // The ratio `stuckDeals` sorts by: the listed (rounded) days over the p90.
    ratios[count] = round1(days) / time.p90;
    count += 1;
  }
  // A deal less overdue than the limit-th most overdue cannot be listed; one as overdue can, by its id.
  let floor = Number.NEGATIVE_INFINITY;
  if (limit !== undefined && limit < count) {
    floor = limit <= 0 ? Number.POSITIVE_INFINITY : (ratios.slice(0, count).sort()[count - limit] ?? floor);
  }
  const stuck: StuckDeal[] = [];
  const ratio: number[] = [];
  for (let f = 0; f < count; f++) {
    if ((ratios[f] ?? 0) < floor) continue;
    const i = found[f] ?? 0;
    const code = columns.stage[i] ?? 0;
    const row: StuckDeal = {
      id: columns.ids.get(i),
      stage: columns.stageNames.values[code] ?? '',
      days: rounded[f] ?? 0,
      p90: byCode[code]?.p90 ?? 0,
    };
    const owner = columns.owners.value(columns.owner[i] ?? -1);
    const account = columns.accounts.value(columns.account[i] ?? -1);
    const amount = columns.amount[i] ?? Number.NaN;
    if (owner !== undefined) row.owner = owner;
    if (account !== undefined) row.account = account;
    if (!Number.isNaN(amount)) row.amount = amount;
    stuck.push(row);
    ratio.push(ratios[f] ?? 0);
  }
  // The order of `stuckDeals`, with ties by id compared as `localeCompare` compares them.
  const order = stuck.map((_, i) => i);
  const byId = idOrder(stuck.map((row) => row.id));
  order.sort((a, b) => (ratio[b] ?? 0) - (ratio[a] ?? 0) || byId(stuck[a]?.id ?? '', stuck[b]?.id ?? ''));
  const listed = limit === undefined ? order : order.slice(0, Math.max(0, limit));
  return { listed: listed.map((i) => stuck[i] as StuckDeal), count };
}

const UPPER_IDS = /^[0-9A-Z]*$/;
const LOWER_IDS = /^[0-9a-z]*$/;

/**
 * How `localeCompare` orders these ids. When every id is digits and capitals only (as CRM ids such as 1RRDW710
 * are), or digits and small letters only, that order is the order of their character codes (digits before
 * letters, letters alphabetical), so plain comparison gives it without the collator's cost per call.
 */
function idOrder(ids: readonly string[]): (a: string, b: string) => number {
  const plain = ids.every((id) => UPPER_IDS.test(id)) || ids.every((id) => LOWER_IDS.test(id));
  if (!plain) return (a, b) => a.localeCompare(b);
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}

/** The bottleneck rows and worst stages of `findBottlenecks`, from the reach counts. */
export function bottlenecksOf(
  stages: readonly StageDef[],
  pass: DealPass,
  reach: ReturnType<typeof reachCounts>,
  times: StageTime[],
  average: number,
) {
  const shown = funnelStages(stages);
  const openStages = stages.filter((s) => s.kind === 'open');
  const rows = shown
    .filter((s) => s.kind === 'open')
    .map((stage): StageBottleneck => {
      const i = shown.indexOf(stage);
      const next = shown[i + 1];
      const position = openStages.indexOf(stage);
      const dropped = pass.furthest[LOST][position] ?? 0;
      const nextIndex = next === undefined ? -1 : stages.indexOf(next);
      const advanced = nextIndex < 0 ? 0 : (reach.all[nextIndex] ?? 0);
      const downstream =
        next === undefined
          ? 0
          : (percentOf(reach.won[nextIndex] ?? 0, reach.closed[nextIndex] ?? 0) ?? next.probability);
      const row: StageBottleneck = {
        stage: stage.name,
        dropped,
        downstreamWinRate: round1(downstream),
        moneyLost: Math.round(dropped * (downstream / 100) * average),
        issues: [],
      };
      const conversion = percentOf(advanced, advanced + dropped);
      if (conversion !== undefined) row.conversion = round1(conversion);
      const target = percentOf(stage.probability, next?.probability ?? 0);
      if (target !== undefined) row.target = round1(Math.min(100, target));
      const time = times.find((t) => t.stage === stage.name);
      if (time?.median !== undefined) row.medianDays = time.median;
      if (time?.p90 !== undefined) row.p90Days = time.p90;
      return row;
    });
  const worst = flagWorst(rows, stages);
  return { stages: rows.sort((a, b) => b.moneyLost - a.moneyLost), worst };
}

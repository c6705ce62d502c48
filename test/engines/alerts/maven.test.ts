import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Alert,
  type AlertRuleId,
  accountFitFrom,
  computeAlerts,
  snapshotOf,
} from '../../../src/engines/alerts/index.js';
import type { Deal } from '../../../src/engines/deal.js';
import { customStages } from '../../../src/engines/pipeline/index.js';
import type { CompanyFacts, Icp } from '../../../src/engines/qualification/icp-fit.js';
import {
  ACCOUNTS,
  type Changes,
  firstRows,
  importRows,
  NOW,
  priceOf,
  type Row,
  secondRows,
} from './maven-imports.js';

const TEAM = 'T0SALESOPS';
const STAGES = customStages([
  { name: 'Prospecting', kind: 'open' },
  { name: 'Engaging', kind: 'open' },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
]);
const ICP: Icp = {
  industries: ['medical', 'retail'],
  companySize: { min: 100, max: 5000 },
  annualRevenue: { min: 0, max: Number.MAX_SAFE_INTEGER },
  geography: ['United States'],
  painPoints: [],
  buyingTriggers: [],
};
const FACTS = new Map<string, CompanyFacts>(
  ACCOUNTS.map((a) => [
    a.account ?? '',
    { industry: a.sector, employees: Number(a.employees), geography: a.office_location },
  ]),
);

// Independent counting, straight from the CSV rows: plain date arithmetic, no engine code.
const DAY = 86_400_000;
const nowMs = Date.parse(NOW);
const ageDays = (date: string) => (nowMs - Date.parse(`${date}T00:00:00Z`)) / DAY;
const countBy = (alerts: readonly Alert[]) => {
  const counts: Partial<Record<AlertRuleId, number>> = {};
  for (const a of alerts) counts[a.rule] = (counts[a.rule] ?? 0) + 1;
  return counts;
};

/** Round(p90) of the days completed Engaging stays took (engaged to closed), linear interpolation. */
function engagingLimit(rows: readonly Row[]): number {
  const days = rows
    .filter((r) => (r.deal_stage === 'Won' || r.deal_stage === 'Lost') && r.engage_date)
    .map((r) => (Date.parse(`${r.close_date}T00:00:00Z`) - Date.parse(`${r.engage_date}T00:00:00Z`)) / DAY)
    .sort((a, b) => a - b);
  const at = (days.length - 1) * 0.9;
  const low = days[Math.floor(at)] ?? 0;
  const high = days[Math.ceil(at)] ?? low;
  return Math.round(Math.round((low + (high - low) * (at - Math.floor(at))) * 10) / 10);
}

function averageWon(rows: readonly Row[]): number {
  const won = rows.filter((r) => r.deal_stage === 'Won').map((r) => Number(r.close_value));
  return won.reduce((s, v) => s + v, 0) / won.length;
}

let first: Row[];
let second: Row[];
let changes: Changes;
let dealsOne: Deal[];
let dealsTwo: Deal[];

beforeAll(async () => {
  first = firstRows();
  ({ rows: second, changes } = secondRows(first));
  [dealsOne, dealsTwo] = await Promise.all([importRows(first), importRows(second)]);
});

const run = (deals: readonly Deal[], previous?: ReturnType<typeof snapshotOf>) =>
  computeAlerts({
    teamId: TEAM,
    now: NOW,
    stages: STAGES,
    deals,
    previous,
    accountFit: accountFitFrom(ICP, FACTS),
  });

describe('deal alerts on the Maven sample', () => {
  it('raises stuck, overdue and recent big-win alerts at the first import, and nothing that needs a previous one', () => {
    const limit = engagingLimit(first);
    const engaging = first.filter((r) => r.deal_stage === 'Engaging');
    const average = averageWon(first);
    const bigRecent = first.filter(
      (r) =>
        r.deal_stage === 'Won' && ageDays(r.close_date ?? '') <= 7 && Number(r.close_value) > 2 * average,
    );
    expect(countBy(run(dealsOne))).toEqual({
      stuck: engaging.filter((r) => ageDays(r.engage_date ?? '') > limit).length,
      'close-date-passed': engaging.filter((r) => ageDays(r.close_date ?? '') >= 1).length,
      ...(bigRecent.length > 0 ? { 'big-win': bigRecent.length } : {}),
    });
    expect(limit).toBeGreaterThan(30);
  });

  it('finds each slip, cut, skipped stage, big win and strong ICP match of the second import', () => {
    const alerts = run(dealsTwo, snapshotOf(dealsOne));
    const counts = countBy(alerts);
    const average = averageWon(second);
    const bigWins = [...changes.skippedToWon].filter((id) => {
      const row = second.find((r) => r.opportunity_id === id);
      return priceOf(row?.product ?? '') > 2 * average;
    });
    const strong = changes.added.filter((r) => {
      const a = ACCOUNTS.find((x) => x.account === r.account);
      const employees = Number(a?.employees);
      return ['medical', 'retail'].includes(a?.sector ?? '') && employees >= 100 && employees <= 5000;
    });
    expect(counts['close-date-slipped']).toBe(changes.slipped.size);
    expect(counts['amount-dropped']).toBe(changes.cut.size);
    expect(counts['stage-skipped']).toBe(changes.skippedToWon.size);
    expect(counts['big-win']).toBe(bigWins.length);
    expect(counts['icp-match']).toBe(strong.length);
    expect(strong.map((r) => r.account)).toEqual(['Betasoloin', 'Cancity']);
    expect(new Set(alerts.filter((a) => a.rule === 'close-date-slipped').map((a) => a.dealId))).toEqual(
      changes.slipped,
    );
    expect(alerts.filter((a) => a.rule === 'big-win').every((a) => a.toChannel)).toBe(true);
  });

  it('raises nothing new for the second import beyond what changed, and nothing at all for a re-import', () => {
    const sent = new Set([...run(dealsOne), ...run(dealsTwo, snapshotOf(dealsOne))].map((a) => a.key));
    const again = run(dealsTwo, snapshotOf(dealsTwo));
    expect(again.filter((a) => !sent.has(a.key))).toEqual([]);
    // The overdue deals whose close date moved out but is still past are overdue at a new date: new alerts.
    const firstKeys = new Set(run(dealsOne).map((a) => a.key));
    const newOverdue = run(dealsTwo, snapshotOf(dealsOne)).filter(
      (a) => a.rule === 'close-date-passed' && !firstKeys.has(a.key),
    );
    const stillPast = second.filter(
      (r) => changes.slipped.has(r.opportunity_id ?? '') && ageDays(r.close_date ?? '') >= 1,
    );
    expect(newOverdue.length).toBe(stillPast.length);
  });

  it('gives the same key to the same deal, rule and state on every run, and keys the sender accepts', () => {
    const one = run(dealsTwo, snapshotOf(dealsOne)).map((a) => a.key);
    const two = run(dealsTwo, snapshotOf(dealsOne)).map((a) => a.key);
    expect(one).toEqual(two);
    expect(new Set(one).size).toBe(one.length);
    expect(one.every((k) => /^[A-Za-z0-9_-]{1,200}$/.test(k))).toBe(true);
  });

  it('raises nothing for a rule the team turned off', () => {
    const alerts = computeAlerts({
      teamId: TEAM,
      now: NOW,
      stages: STAGES,
      deals: dealsOne,
      disabled: new Set<AlertRuleId>(['stuck', 'close-date-passed']),
    });
    expect(alerts.filter((a) => a.rule === 'stuck' || a.rule === 'close-date-passed')).toEqual([]);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { Deal } from '../../../src/engines/deal.js';
import { customStages } from '../../../src/engines/pipeline/index.js';
import { forecastOf, quotasFromDeals, repReport } from '../../../src/engines/reps/index.js';
import { firstRows, importRows, priceOf, type Row } from '../alerts/maven-imports.js';

// Sunday 2017-12-31, the sample's newest close date: the week is 2017-12-25 to 2018-01-01, the quarter 2017-Q4.
const NOW = '2017-12-31T12:00:00Z';
const STAGES = customStages([
  { name: 'Prospecting', kind: 'open', probability: 10 },
  { name: 'Engaging', kind: 'open', probability: 40 },
  { name: 'Won', kind: 'won' },
  { name: 'Lost', kind: 'lost' },
]);

let rows: Row[];
let deals: Deal[];
beforeAll(async () => {
  rows = firstRows();
  deals = await importRows(rows);
});

// Independent counts straight from the CSV rows.
const inWeek = (date: string | undefined) =>
  date !== undefined && date >= '2017-12-25' && date < '2018-01-01';
const inQuarter = (date: string | undefined) =>
  date !== undefined && date >= '2017-10-01' && date < '2018-01-01';
function countFor(rep: string) {
  const mine = rows.filter((r) => r.sales_agent === rep);
  const open = mine.filter((r) => r.deal_stage === 'Engaging' || r.deal_stage === 'Prospecting');
  const won = mine.filter((r) => r.deal_stage === 'Won');
  const lost = mine.filter((r) => r.deal_stage === 'Lost');
  const price = (r: Row) => priceOf(r.product ?? '');
  return {
    openDeals: open.length,
    openPipeline: open.reduce((s, r) => s + price(r), 0),
    weighted: open.reduce((s, r) => s + price(r) * (r.deal_stage === 'Engaging' ? 0.4 : 0.1), 0),
    newThisWeek: mine.filter((r) => r.deal_stage !== 'Prospecting' && inWeek(r.engage_date)).length,
    wonThisWeek: won.filter((r) => inWeek(r.close_date)).length,
    lostThisWeek: lost.filter((r) => inWeek(r.close_date)).length,
    wonQuarter: won.filter((r) => inQuarter(r.close_date)).reduce((s, r) => s + Number(r.close_value), 0),
    closedDeals: won.length + lost.length,
    winRate: Math.round((won.length / (won.length + lost.length)) * 1000) / 10,
  };
}

describe('the digest by rep on the Maven sample', () => {
  it('gives each rep the figures counted from the rows, with quota coverage and attainment', () => {
    const report = repReport({
      deals,
      stages: STAGES,
      now: NOW,
      zone: 'UTC',
      quotas: new Map([['Moses Frase', 250_000]]),
    });
    expect(report.week).toEqual({ start: '2017-12-25', end: '2018-01-01' });
    expect(report.rows).toHaveLength(new Set(rows.map((r) => r.sales_agent)).size);
    for (const rep of ['Darcel Schlecht', 'Moses Frase', 'Anna Snelling']) {
      const row = report.rows.find((r) => r.rep === rep);
      const expected = countFor(rep);
      expect(row).toMatchObject({ ...expected, weighted: expect.closeTo(expected.weighted, 6) });
    }
    const moses = report.rows.find((r) => r.rep === 'Moses Frase');
    const counted = countFor('Moses Frase');
    expect(moses?.attainment).toBe(Math.round((counted.wonQuarter / 250_000) * 1000) / 10);
    expect(moses?.coverage).toBe(
      Math.round((counted.openPipeline / (250_000 - counted.wonQuarter)) * 10) / 10,
    );
    expect(report.rows.find((r) => r.rep === 'Darcel Schlecht')?.quota).toBeUndefined();
  });

  it('ranks reps by won amount in the quarter and by win rate', () => {
    const report = repReport({ deals, stages: STAGES, now: NOW, zone: 'UTC', quotas: new Map() });
    const reps = [...new Set(rows.map((r) => r.sales_agent ?? ''))];
    const byWon = reps
      .map((rep) => ({ rep, amount: countFor(rep).wonQuarter }))
      .sort((a, b) => b.amount - a.amount);
    expect(report.byWon.slice(0, 3)).toEqual(byWon.slice(0, 3));
    const best = reps.map((rep) => ({ rep, rate: countFor(rep).winRate })).sort((a, b) => b.rate - a.rate)[0];
    expect(report.byWinRate[0]).toMatchObject({ rep: best?.rep, winRate: best?.rate });
  });

  it('shows no win rate under 10 closed deals', () => {
    const few = deals.filter((d) => d.owner === 'Moses Frase' && d.status !== 'open').slice(0, 9);
    const report = repReport({ deals: few, stages: STAGES, now: NOW, zone: 'UTC', quotas: new Map() });
    expect(report.rows[0]?.winRate).toBeUndefined();
    expect(report.byWinRate).toEqual([{ rep: 'Moses Frase', closedDeals: 9 }]);
  });

  it('counts a close date that moved out since the previous import as slipped', () => {
    const deal = deals.find(
      (d) => d.status === 'open' && d.expectedCloseDate !== undefined && d.owner === 'Moses Frase',
    );
    if (deal === undefined) throw new Error('no open deal with a close date');
    const previous = { [deal.id]: { stage: deal.stage, status: 'open' as const, closeDate: '2015-01-01' } };
    const without = repReport({ deals, stages: STAGES, now: NOW, zone: 'UTC', quotas: new Map() });
    const withPrevious = repReport({
      deals,
      stages: STAGES,
      now: NOW,
      zone: 'UTC',
      quotas: new Map(),
      previous,
    });
    const slipped = (r: typeof without) => r.rows.find((x) => x.rep === 'Moses Frase')?.slippedThisWeek ?? 0;
    expect(slipped(withPrevious) - slipped(without)).toBe(
      deal.expectedCloseDate && inWeek(deal.expectedCloseDate) ? 0 : 1,
    );
  });
});

describe('forecast line', () => {
  const quarter = { start: '2026-10-01', end: '2027-01-01' };
  const deal = (id: string, status: Deal['status'], amount: number, extra: Partial<Deal> = {}): Deal => ({
    id,
    stage: status === 'open' ? 'Proposal' : status === 'won' ? 'Closed Won' : 'Closed Lost',
    status,
    amount,
    history: [],
    ...extra,
  });

  it('rolls up Salesforce categories: commit includes closed, best case includes commit', () => {
    const deals = [
      deal('w', 'won', 1000, { closedAt: '2026-11-02' }),
      deal('w-old', 'won', 9000, { closedAt: '2026-09-02' }),
      deal('c', 'open', 500, { forecastCategory: 'Commit', expectedCloseDate: '2026-12-01' }),
      deal('b', 'open', 300, { forecastCategory: 'Best Case', expectedCloseDate: '2026-12-01' }),
      deal('p', 'open', 200, { forecastCategory: 'Pipeline' }),
      deal('none', 'open', 100, { expectedCloseDate: '2026-11-20' }),
      deal('o', 'open', 700, { forecastCategory: 'Omitted' }),
      deal('later', 'open', 5000, { forecastCategory: 'Commit', expectedCloseDate: '2027-02-01' }),
    ];
    expect(forecastOf(deals, () => 50, quarter)).toEqual({
      basis: 'category',
      period: quarter,
      closed: 1000,
      commit: 1500,
      bestCase: 1800,
      pipeline: 2100,
    });
  });

  it('weighs open deals by their stage probability when the export has no categories', () => {
    const deals = [
      deal('w', 'won', 1000, { closedAt: '2026-11-02' }),
      deal('a', 'open', 400),
      deal('b', 'open', 600),
    ];
    expect(forecastOf(deals, (d) => (d.id === 'a' ? 25 : 50), quarter)).toEqual({
      basis: 'weighted',
      period: quarter,
      closed: 1000,
      weighted: 1400,
      pipeline: 2000,
    });
  });

  it('takes each owner quota from the import quota column', () => {
    const deals = [
      deal('a', 'open', 1, { owner: 'Ana', ownerQuota: 250_000 }),
      deal('b', 'open', 1, { owner: 'Ana' }),
    ];
    expect(quotasFromDeals(deals)).toEqual(new Map([['Ana', 250_000]]));
  });
});

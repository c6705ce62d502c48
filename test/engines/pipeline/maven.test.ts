import { describe, expect, it } from 'vitest';
import {
  averageDeal,
  calibrateProbabilities,
  cohortFunnel,
  cycleLength,
  findBottlenecks,
  snapshotFunnel,
  stageConversion,
  stuckDeals,
  timeInStage,
  weightedPipeline,
  winRate,
} from '../../../src/engines/pipeline/index.js';
import { DEALS, STAGES } from './maven-data.js';

// Expected figures computed independently with python3 over the CSVs in examples/maven-crm/:
// python3 -c "import csv,collections as c;r=list(csv.DictReader(open('sales_pipeline.csv')));print(len(r),sum(1 for x in r if x['engage_date']),c.Counter(x['deal_stage'] for x in r))"
//   → 8800 8300 Won 4238, Lost 2473, Engaging 1589, Prospecting 500
// python3 -c "import csv,statistics as s,datetime as d;f=d.date.fromisoformat;r=[x for x in csv.DictReader(open('sales_pipeline.csv')) if x['close_date']];t=[(f(x['close_date'])-f(x['engage_date'])).days for x in r];w=[(f(x['close_date'])-f(x['engage_date'])).days for x in r if x['deal_stage']=='Won'];print(len(t),s.quantiles(t,n=20,method='inclusive')[9::5],s.quantiles(t,n=10,method='inclusive')[8],s.median(w))"
//   → 6711 [45.0, 85.0] 104.0 57.0
// python3 -c "import csv,statistics as s;print(s.mean(float(x['close_value']) for x in csv.DictReader(open('sales_pipeline.csv')) if x['deal_stage']=='Won'))"
//   → 2360.9093912222747
// python3 -c "import csv;p={x['product'].replace(' ',''):float(x['sales_price']) for x in csv.DictReader(open('products.csv'))};r=list(csv.DictReader(open('sales_pipeline.csv')));print({g:sum(p[x['product'].replace(' ','')] for x in r if x['deal_stage']==g) for g in ('Prospecting','Engaging')})"
//   → {'Prospecting': 1073986.0, 'Engaging': 3892229.0}
// python3 -c "import csv,collections as c;r=[x for x in csv.DictReader(open('sales_pipeline.csv')) if x['engage_date'][:7]=='2017-03'];print(len(r),c.Counter(x['deal_stage'] for x in r))"
//   → 792 Won 440, Lost 215, Engaging 137
// python3 -c "import csv,datetime as d;f=d.date.fromisoformat;print(sum(1 for x in csv.DictReader(open('sales_pipeline.csv')) if x['deal_stage']=='Engaging' and (f('2017-12-31')-f(x['engage_date'])).days>104))"
//   → 1437
const WON = 4238;
const LOST = 2473;
const AVERAGE_WON = 2360.9093912222747;

describe('the Maven CRM sample', () => {
  it('reads all 8,800 deals', () => {
    expect(DEALS).toHaveLength(8800);
  });

  it('has a snapshot funnel of 100% → 94.3% → 48.2%', () => {
    expect(snapshotFunnel(STAGES, DEALS)).toEqual([
      { stage: 'Prospecting', reached: 8800, percent: 100 },
      { stage: 'Engaging', reached: 8300, percent: 94.3 }, // 8300 / 8800
      { stage: 'Won', reached: WON, percent: 48.2 }, // 4238 / 8800
    ]);
  });

  it('converts 94.3% from Prospecting to Engaging and 51.1% from Engaging to Won', () => {
    expect(stageConversion(STAGES, DEALS).map((s) => s.percent)).toEqual([94.3, 51.1]); // 4238 / 8300
  });

  it('wins 63.15% of closed deals', () => {
    expect(winRate(DEALS)).toBeCloseTo((100 * WON) / (WON + LOST), 10);
    expect(winRate(DEALS)).toBeCloseTo(63.15, 2);
  });

  it('observes the same 63.2% from either open stage, since every closed deal was engaged', () => {
    const rows = calibrateProbabilities(STAGES, DEALS);
    expect(rows.map((r) => [r.stage, r.configured, r.observed, r.sample, r.calibrated])).toEqual([
      ['Prospecting', 33, 63.2, 6711, 63.1], // (4238 + 20·0.33) / (6711 + 20) = 63.06
      ['Engaging', 67, 63.2, 6711, 63.2], // (4238 + 20·0.67) / (6711 + 20) = 63.16
      ['Won', 100, 100, WON, 100],
      ['Lost', 0, 0, LOST, 0],
    ]);
  });

  it('spends a median 45 days in Engaging (p75 85, p90 104) and closes won deals in a median 57', () => {
    expect(timeInStage(STAGES, DEALS)).toEqual([
      { stage: 'Prospecting', sample: 0 },
      { stage: 'Engaging', sample: 6711, median: 45, p75: 85, p90: 104 },
    ]);
    expect(cycleLength(STAGES, DEALS)).toEqual({ medianDays: 57, sample: WON });
  });

  it('values open deals at list price for the weighted pipeline', () => {
    const pipeline = weightedPipeline(STAGES, DEALS);
    expect(pipeline.open).toBe(1_073_986 + 3_892_229);
    expect(pipeline.weighted).toBeCloseTo(1_073_986 * 0.33 + 3_892_229 * 0.67, 4);
    expect(pipeline.unpriced).toBe(0);
    expect(averageDeal(DEALS)).toBeCloseTo(AVERAGE_WON, 8);
  });

  it('puts the money lost at Engaging: 2,473 lost deals × 100% downstream × the average won deal', () => {
    const { stages, worst } = findBottlenecks(STAGES, DEALS);
    expect(stages[0]).toMatchObject({
      stage: 'Engaging',
      dropped: LOST,
      downstreamWinRate: 100,
      conversion: 63.2,
      target: 67,
    });
    expect(stages[0]?.moneyLost).toBe(Math.round(LOST * AVERAGE_WON));
    expect(stages[1]).toMatchObject({ stage: 'Prospecting', dropped: 0, moneyLost: 0 });
    expect(worst).toEqual({ conversion: 'Engaging', time: 'Engaging', money: 'Engaging' });
  });

  it('groups cohorts by engage month, the only date it has, and leaves the 500 prospects undated', () => {
    const { cohorts, undated } = cohortFunnel(STAGES, DEALS, { by: 'month' });
    expect(undated).toBe(500);
    expect(cohorts).toHaveLength(15); // 2016-10 … 2017-12
    const march = cohorts.find((c) => c.cohort === '2017-03');
    expect(march).toMatchObject({ deals: 792, open: 137, incomplete: true });
    expect(march?.funnel.map((r) => r.reached)).toEqual([792, 792, 440]);
  });

  it('finds 1,437 deals engaged longer than the p90 of 104 days at the end of 2017', () => {
    const stuck = stuckDeals(STAGES, DEALS, { now: '2017-12-31' });
    expect(stuck).toHaveLength(1437);
    expect(stuck.every((d) => d.stage === 'Engaging' && d.days > 104 && d.owner !== undefined)).toBe(true);
  });
});

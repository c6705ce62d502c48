import { createReadStream } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  computeDashboard,
  type Dashboard,
  stagesForImport,
  windowTrends,
} from '../../../src/engines/dashboard/index.js';
import type { Deal } from '../../../src/engines/deal.js';
import type { StageDef } from '../../../src/engines/pipeline/index.js';
import { importDeals, loadProductPrices } from '../../../src/import/index.js';
import { mavenPath } from './fixtures.js';

// Expected figures computed independently with python3 over examples/maven-crm/:
// python3 -c "import csv,statistics as s,datetime as d;f=d.date.fromisoformat;r=list(csv.DictReader(open('sales_pipeline.csv')));w=[x for x in r if x['deal_stage']=='Won'];l=[x for x in r if x['deal_stage']=='Lost'];print(len(w),len(l),100*len(w)/(len(w)+len(l)),s.mean(float(x['close_value']) for x in w),s.median((f(x['close_date'])-f(x['engage_date'])).days for x in w))"
//   → 4238 2473 63.15005215318134 2360.9093912222747 57.0
// python3 -c "import csv;p={x['product'].replace(' ',''):float(x['sales_price']) for x in csv.DictReader(open('products.csv'))};r=list(csv.DictReader(open('sales_pipeline.csv')));v=lambda g:sum(p[x['product'].replace(' ','')] for x in r if x['deal_stage']==g);print(v('Prospecting'),v('Engaging'),v('Prospecting')*0.33+v('Engaging')*0.67)"
//   → 1073986.0 3892229.0 2962208.81
// python3 -c "import csv;r=list(csv.DictReader(open('sales_pipeline.csv')));print(sum(float(x['close_value']) for x in r if x['deal_stage']=='Won' and '2017-10-01'<=x['close_date']<='2017-12-31'))"
//   → 2802496.0
// python3 -c "import csv,datetime as d;f=d.date.fromisoformat;print(sum(1 for x in csv.DictReader(open('sales_pipeline.csv')) if x['deal_stage']=='Engaging' and (f('2017-12-31')-f(x['engage_date'])).days+0.5>104))"
//   → 1442
// python3 -c "import csv,statistics as s,datetime as d;f=d.date.fromisoformat;r=list(csv.DictReader(open('sales_pipeline.csv')))
//   def w(a,b): c=[x for x in r if x['close_date'] and a<=x['close_date']<b]; ww=[x for x in c if x['deal_stage']=='Won']; return len(c),100*len(ww)/len(c),s.mean(float(x['close_value']) for x in ww),s.median((f(x['close_date'])-f(x['engage_date'])).days for x in ww)
//   print(w('2017-10-03','2018-01-01'),w('2017-07-05','2017-10-03'))"
//   → (1958, 60.31664964249234, 2343.6037256562236, 54) (1982, 62.058526740666, 2375.937398373984, 52.0)
const WON = 4238;
const LOST = 2473;
const AVERAGE_WON = 2360.9093912222747;
const NOW = '2017-12-31T12:00:00Z';

describe('computeDashboard on the full Maven sample, imported with importDeals', () => {
  let stages: StageDef[];
  let deals: Deal[];
  let dashboard: Dashboard;
  beforeAll(async () => {
    deals = [];
    const productPrices = await loadProductPrices(mavenPath('products.csv'));
    await importDeals(createReadStream(mavenPath('sales_pipeline.csv')), {
      now: NOW,
      sink: async (batch) => {
        deals.push(...batch);
      },
      lookups: { productPrices },
    });
    stages = stagesForImport('maven', deals);
    dashboard = computeDashboard({ stages, deals, now: NOW, quota: 3_000_000 });
  }, 60_000);

  it('wins 4,238 of the 6,711 closed deals', () => {
    expect(dashboard.counts).toEqual({ deals: 8800, open: 2089, won: WON, lost: LOST });
    expect(dashboard.closeRate).toBeCloseTo((100 * WON) / (WON + LOST), 10);
  });

  it('averages $2,360.91 per won deal and closes won deals in a median 57 days', () => {
    expect(dashboard.averageDeal).toBeCloseTo(AVERAGE_WON, 8);
    expect(dashboard.cycle).toEqual({ medianDays: 57, sample: WON });
  });

  it('values the open pipeline at list price and weights it by stage', () => {
    expect(dashboard.pipeline.open).toBe(1_073_986 + 3_892_229);
    expect(dashboard.pipeline.weighted).toBeCloseTo(2_962_208.81, 4);
  });

  it('measures coverage against the quota left in Q4 2017', () => {
    expect(dashboard.quota).toMatchObject({
      won: 2_802_496,
      remaining: 197_504,
      coverage: 25.1,
      covered: true,
    });
    expect(dashboard.neededCoverage).toBe(1.6); // 6711 / 4238 = 1.58
  });

  it('computes velocity from 2,089 open deals', () => {
    expect(dashboard.velocity).toBeCloseTo((2089 * (WON / (WON + LOST)) * AVERAGE_WON) / 57, 6);
  });

  it('shows the funnel 8,800 → 8,300 → 4,238', () => {
    expect(dashboard.funnel.map((r) => [r.stage, r.reached, r.percent])).toEqual([
      ['Prospecting', 8800, 100],
      ['Engaging', 8300, 94.3],
      ['Won', WON, 48.2],
    ]);
  });

  it('finds 1,442 deals engaged longer than the p90 of 104 days, each with its owner', () => {
    expect(dashboard.stuck).toHaveLength(1442);
    expect(
      dashboard.stuck.every((d) => d.stage === 'Engaging' && d.p90 === 104 && d.owner !== undefined),
    ).toBe(true);
    expect(dashboard.stuck[0]).toMatchObject({ id: 'HAXMC4IX', owner: 'James Ascencio', days: 423.5 });
  });

  it('names Engaging the top bottleneck, with its fix', () => {
    expect(dashboard.topBottleneck).toMatchObject({ stage: 'Engaging', dropped: LOST });
    expect(dashboard.topBottleneck?.issues.map((i) => i.view)).toEqual(['conversion', 'time', 'money']);
  });

  it('sees the last 90 days close less often, smaller and slower than the 90 days before', () => {
    const { current, previous, trends } = windowTrends(stages, deals, { now: NOW, days: 90 });
    expect(current).toMatchObject({ closed: 1958, cycleDays: 54 });
    expect(current.closeRate).toBeCloseTo(60.31664964249234, 8);
    expect(current.averageDeal).toBeCloseTo(2343.6037256562236, 8);
    expect(previous).toMatchObject({ closed: 1982, cycleDays: 52 });
    expect(previous.closeRate).toBeCloseTo(62.058526740666, 8);
    expect(trends).toEqual({ closeRate: 'down', averageDeal: 'down', cycleDays: 'up' });
  });
});

import { describe, expect, it } from 'vitest';
import { auditRecords } from '../../../src/engines/crm/index.js';
import { DEALS, STAGES } from '../pipeline/maven-data.js';

// Counted independently with python3 over examples/maven-crm/sales_pipeline.csv:
// python3 -c "import csv,datetime as d;f=d.date.fromisoformat;r=list(csv.DictReader(open('sales_pipeline.csv')));print(sum(1 for x in r if not x['account']), sum(1 for x in r if x['deal_stage']=='Engaging' and (f('2017-12-31')-f(x['engage_date'])).days>30))"
//   → 1425 1571
describe('auditing the Maven CRM sample at the end of 2017', () => {
  const report = auditRecords({ deals: DEALS }, { now: '2017-12-31', stages: STAGES });

  it('checks every deal', () => {
    expect(report.checked).toBe(8800);
  });

  it('finds the 1,425 open deals without an account', () => {
    expect(report.counts['required-fields']).toBe(1425);
    expect(report.examples['required-fields']?.[0]).toMatch(/: missing account$/);
  });

  it('finds the 1,571 engaged deals that have not moved for over 30 days; prospects without dates are not judged', () => {
    expect(report.counts['stale-deal']).toBe(1571);
  });

  it('finds every stage in the pipeline', () => {
    expect(report.counts['unknown-stage']).toBe(0);
  });
});

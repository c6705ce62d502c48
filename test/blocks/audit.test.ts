import { describe, expect, it } from 'vitest';
import { renderAudit } from '../../src/blocks/audit.js';
import { AUDIT_GROUPS, auditGroups } from '../../src/blocks/audit-groups.js';
import { checkMessage } from '../../src/blocks/limits.js';
import { auditRecords, HYGIENE_RULES } from '../../src/engines/crm/index.js';
import type { Deal } from '../../src/engines/deal.js';

const NOW = '2018-01-01T00:00:00Z';
type Optional = 'amount' | 'owner' | 'account';
const deal = (id: string, extra: Partial<Deal> = {}, without: Optional[] = []): Deal => {
  const made: Deal = {
    id,
    stage: 'Engaging',
    status: 'open',
    amount: 100,
    owner: 'Ana',
    account: 'Acme',
    history: [{ stage: 'Engaging', enteredAt: '2017-12-20' }],
    ...extra,
  };
  for (const key of without) delete made[key];
  return made;
};

describe('hygiene audit headings', () => {
  it('gives every hygiene rule a heading', () => {
    const named = new Set(AUDIT_GROUPS.flatMap((g) => g.rules));
    expect(HYGIENE_RULES.filter((r) => !named.has(r.id))).toEqual([]);
  });

  it('counts findings per heading with up to three examples, and keeps a rule no heading names', () => {
    const deals = [
      deal('A', {}, ['account']),
      deal('B', {}, ['owner']),
      deal('C', {}, ['amount']),
      deal('D', {}, ['account']),
      deal('E', { history: [{ stage: 'Engaging', enteredAt: '2017-01-01' }] }),
      deal('F', { expectedCloseDate: '2017-06-01' }),
    ];
    const report = auditRecords({ deals }, { now: NOW });
    const groups = auditGroups({
      ...report,
      counts: { ...report.counts, 'new-rule': 2 },
      examples: { ...report.examples, 'new-rule': ['X: odd'] },
    });
    const byLabel = Object.fromEntries(groups.map((g) => [g.label, g]));
    expect(byLabel['Missing required fields']).toMatchObject({
      count: 4,
      examples: ['A: missing account', 'B: missing owner', 'C: missing amount'],
    });
    expect(byLabel['Stale deals']).toMatchObject({ count: 1, examples: ['E: no stage change for 365 days'] });
    expect(byLabel['Close dates in the past']?.count).toBe(1);
    expect(byLabel.Duplicates?.count).toBe(0);
    expect(byLabel['new-rule']).toMatchObject({ count: 2, examples: ['X: odd'] });
  });
});

describe('renderAudit', () => {
  it('shows the headings with findings, then names the clean ones, within Slack limits', () => {
    const report = auditRecords({ deals: [deal('<A&B>', {}, ['account']), deal('C')] }, { now: NOW });
    const blocks = renderAudit(report);
    expect(checkMessage({ text: 'audit', blocks })).toEqual({ ok: true });
    const text = JSON.stringify(blocks);
    expect(text).toContain('*Data hygiene audit* of 2 records: 1 finding.');
    expect(text).toContain('*Missing required fields: 1*');
    expect(text).toContain('• &lt;A&amp;B&gt;: missing account');
    expect(text).toContain(
      'Clean: Duplicates, Bad formats, Stale deals, Close dates in the past, Stage problems.',
    );
  });

  it('says when nothing was found', () => {
    const text = JSON.stringify(renderAudit(auditRecords({ deals: [deal('C')] }, { now: NOW })));
    expect(text).toContain('no problems found.');
  });
});

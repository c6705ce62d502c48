import { describe, expect, it } from 'vitest';
import { auditRecords, HYGIENE_CHECKS, HYGIENE_RULES } from '../../../src/engines/crm/index.js';
import type { Deal } from '../../../src/engines/deal.js';
import { designStages } from '../../../src/engines/pipeline/index.js';

const STAGES = designStages({ model: 'inside', framework: 'bant' });
const NOW = '2025-03-01';
const base = { owner: 'ana', amount: 1_000, account: 'Acme' };
const deal = (id: string, extra: Partial<Deal> & { probability?: number } = {}) => ({
  id,
  stage: 'Proposal',
  status: 'open' as const,
  history: [{ stage: 'Proposal', enteredAt: '2025-02-20' }],
  ...base,
  ...extra,
});

describe('auditRecords', () => {
  const report = auditRecords(
    {
      contacts: [
        { id: 'c1', firstName: 'Ana', lastName: 'Lima', email: 'ana@acme.com', phone: '+14155550100' },
        { id: 'c2', lastName: 'Lima', email: ' ANA@acme.com', phone: '(415) 555-0100' },
        { id: 'c3', firstName: 'Bo', email: 'bo@acme', linkedinUrl: 'linkedin' },
      ],
      companies: [
        { id: 'co1', name: 'Acme, Inc.', domain: 'acme.com' },
        { id: 'co2', name: 'ACME Corp', website: 'https://www.acme.com/contact' },
        { id: 'co3', name: 'Globex', domain: 'not a domain' },
      ],
      deals: [
        deal('d1'),
        deal('d2', { history: [{ stage: 'Proposal', enteredAt: '2025-01-01' }] }),
        deal('d3', { expectedCloseDate: '2025-02-15' }),
        deal('d4', { probability: 20 }),
        deal('d5', { stage: 'Closed Won', status: 'won', probability: 80, closedAt: '2025-02-01' }),
        deal('d6', { stage: 'Closed Lost', status: 'lost', owner: '', closedAt: '2025-02-01' }),
        deal('d7', { stage: 'Demo' }),
        deal('d8', { probability: 55 }),
      ],
    },
    { now: NOW, stages: STAGES },
  );
  const flagged = (rule: string) =>
    report.issues.filter((i) => i.rule === rule).map((i) => [i.recordId, i.detail]);

  it('counts the records it checked and every rule, clean ones at 0', () => {
    expect(report.checked).toBe(14);
    expect(Object.keys(report.counts)).toEqual(HYGIENE_RULES.map((r) => r.id));
    expect(Object.values(report.counts).reduce((a, b) => a + b, 0)).toBe(report.issues.length);
  });

  it.each([
    [
      'required-fields',
      [
        ['c3', 'missing lastName'],
        ['d6', 'missing owner'],
      ],
    ],
    ['email-format', [['c3', 'invalid e-mail "bo@acme"']]],
    ['phone-format', [['c2', 'phone not in E.164 "(415) 555-0100"']]],
    [
      'url-format',
      [
        ['c3', 'invalid LinkedIn URL "linkedin"'],
        ['co3', 'invalid domain "not a domain"'],
      ],
    ],
    ['duplicate-email', [['c2', 'same e-mail as c1 (ana@acme.com)']]],
    ['duplicate-domain', [['co2', 'same domain as co1 (acme.com)']]],
    ['duplicate-company', [['co2', 'same company name as co1 (acme)']]],
    ['stale-deal', [['d2', 'no stage change for 59 days']]],
    ['past-close-date', [['d3', 'expected to close 2025-02-15, still open']]],
    ['unknown-stage', [['d7', 'stage "Demo" is not in the pipeline']]],
    [
      'stage-probability',
      [
        ['d4', 'Proposal is 60% but the deal says 20%'],
        ['d5', 'won but probability 80%'],
      ],
    ],
  ])('flags %s', (rule, expected) => {
    expect(flagged(rule)).toEqual(expected);
  });

  it('keeps at most three examples per rule', () => {
    const many = auditRecords(
      { deals: Array.from({ length: 5 }, (_, i) => deal(`x${i}`, { account: '' })) },
      { now: NOW },
    );
    expect(many.counts['required-fields']).toBe(5);
    expect(many.examples['required-fields']).toEqual([
      'x0: missing account',
      'x1: missing account',
      'x2: missing account',
    ]);
    expect(many.examples['stale-deal']).toEqual([]);
  });

  it.each([
    ['a shorter stale window', { staleDays: 5 }, 'stale-deal', 8],
    ['a wider probability tolerance', { probabilityTolerance: 50 }, 'stage-probability', 1],
  ])('honours %s', (_, options, rule, count) => {
    const d = [deal('a'), deal('b'), deal('c', { probability: 20 }), deal('e', { probability: 100 })];
    const result = auditRecords(
      { deals: d.concat(Array.from({ length: 4 }, (_, i) => deal(`f${i}`))) },
      { now: NOW, stages: STAGES, ...options },
    );
    expect(result.counts[rule]).toBe(count);
  });

  it('checks open and closed probabilities even without the stage list', () => {
    const result = auditRecords(
      {
        deals: [
          deal('a', { probability: 100 }),
          deal('b', { status: 'lost', probability: 10, closedAt: '2025-01-01' }),
        ],
      },
      { now: NOW },
    );
    expect(result.issues.filter((i) => i.rule === 'stage-probability').map((i) => i.detail)).toEqual([
      'open but probability 100%',
      'lost but probability 10%',
    ]);
    expect(result.counts['unknown-stage']).toBe(0);
  });

  it('finds nothing wrong with clean records', () => {
    const clean = auditRecords(
      {
        contacts: [{ id: 'c', firstName: 'A', lastName: 'B', email: 'a@b.io', phone: '+4915112345678' }],
        companies: [{ id: 'co', name: 'B GmbH', domain: 'b.io' }],
        deals: [deal('d', { probability: 60, expectedCloseDate: '2025-03-30' })],
      },
      { now: NOW, stages: STAGES },
    );
    expect(clean.issues).toEqual([]);
  });
});

describe('HYGIENE_RULES', () => {
  it('lists every rule with only an id and a description for the blueprint', () => {
    const list = HYGIENE_RULES;
    expect(list.map((r) => r.id)).toEqual(HYGIENE_CHECKS.map((r) => r.id));
    expect(list.every((r) => Object.keys(r).join() === 'id,description' && r.description.length > 10)).toBe(
      true,
    );
  });
});

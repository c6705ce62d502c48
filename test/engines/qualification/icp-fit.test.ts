import { describe, expect, it } from 'vitest';
import {
  type CompanyFacts,
  ICP_RULES,
  type Icp,
  type Match,
  scoreIcpFit,
} from '../../../src/engines/qualification/index.js';
import { InputError } from '../../../src/errors.js';

const ICP: Icp = {
  industries: ['B2B SaaS', 'Fintech'],
  companySize: { min: 200, max: 2000 },
  annualRevenue: { min: 20_000_000, max: 250_000_000 },
  geography: ['North America', 'United Kingdom'],
  painPoints: ['Forecasts miss by more than 20%', 'Reps spend hours on manual CRM updates'],
  buyingTriggers: ['New VP of Sales hire', 'Series B or later funding round'],
};

const FIT: CompanyFacts = {
  industry: 'SaaS',
  employees: 450,
  annualRevenue: 60_000_000,
  geography: 'US',
  painPoints: ['Our forecast is never right', 'Manual data entry in the CRM'],
  buyingTriggers: ['Just raised a Series C', 'Hired a new VP of Sales'],
};

const matchOf = (company: CompanyFacts, id: string): Match | undefined =>
  scoreIcpFit(ICP, company).contributions.find((c) => c.id === id)?.matched;

describe('scoreIcpFit', () => {
  it('weighs the six criteria to 100 in a fixed order', () => {
    expect(ICP_RULES.map((r) => [r.id, r.weight])).toEqual([
      ['industry', 25],
      ['companySize', 20],
      ['annualRevenue', 15],
      ['geography', 15],
      ['painPoints', 15],
      ['buyingTriggers', 10],
    ]);
  });

  it('scores a company that matches everything 100, listing each contribution', () => {
    const fit = scoreIcpFit(ICP, FIT);
    expect(fit.score).toBe(100);
    expect(fit.mismatches).toEqual([]);
    expect(fit.contributions.map((c) => [c.criterion, c.matched, c.points, c.reason])).toEqual([
      ['Industry', true, 25, 'SaaS is one of B2B SaaS, Fintech'],
      ['Company size', true, 20, '450 employees is within 200–2,000'],
      ['Annual revenue', true, 15, '$60M is within $20M–$250M'],
      ['Geography', true, 15, 'US is within North America, United Kingdom'],
      [
        'Pain points',
        true,
        15,
        "Our forecast is never right, Manual data entry in the CRM match the ICP's pain points",
      ],
      [
        'Buying triggers',
        true,
        10,
        "Just raised a Series C, Hired a new VP of Sales match the ICP's buying triggers",
      ],
    ]);
  });

  it('counts unknown facts as 0 and says so', () => {
    const fit = scoreIcpFit(ICP, {});
    expect(fit.score).toBe(0);
    expect(fit.mismatches).toEqual([]);
    expect(fit.contributions.every((c) => c.matched === 'unknown' && c.points === 0)).toBe(true);
    expect(fit.contributions[0]?.reason).toBe('industry not known; counts 0 until it is');
  });

  it.each<[string, CompanyFacts, string, Match]>([
    ['an industry outside the list', { industry: 'Retail' }, 'industry', false],
    ['an industry written differently', { industry: 'fin-tech' }, 'industry', true],
    ['a company half the minimum size', { employees: 100 }, 'companySize', 'partial'],
    ['a company far below the minimum size', { employees: 20 }, 'companySize', false],
    ['revenue twice the maximum', { annualRevenue: 500_000_000 }, 'annualRevenue', 'partial'],
    ['a country inside a listed region', { geography: 'Canada' }, 'geography', true],
    ['a listed country under another name', { geography: 'UK' }, 'geography', true],
    ['a region that contains a listed country', { geography: 'Europe' }, 'geography', 'partial'],
    ['a country outside every listed place', { geography: 'Germany' }, 'geography', false],
    ['one matching pain point', { painPoints: ['Forecast accuracy'] }, 'painPoints', 'partial'],
    ['pain points the ICP does not name', { painPoints: ['Office space is too small'] }, 'painPoints', false],
    ['an empty list of triggers', { buyingTriggers: [] }, 'buyingTriggers', 'unknown'],
  ])('judges %s', (_case, company, id, matched) => {
    expect(matchOf(company, id)).toBe(matched);
  });

  it('gives half the weight for a partial match', () => {
    const fit = scoreIcpFit(ICP, { ...FIT, employees: 100 });
    expect(fit.contributions.find((c) => c.id === 'companySize')?.points).toBe(10);
    expect(fit.score).toBe(90);
  });

  it('lists hard mismatches (industry, size, geography) that put a company outside the ICP', () => {
    const fit = scoreIcpFit(ICP, {
      ...FIT,
      industry: 'Retail',
      employees: 10,
      geography: 'Brazil',
      annualRevenue: 1_000,
    });
    expect(fit.mismatches).toEqual([
      'Industry: Retail is not one of B2B SaaS, Fintech',
      'Company size: 10 employees is outside 200–2,000',
      'Geography: Brazil is outside North America, United Kingdom',
    ]);
    expect(fit.score).toBe(25);
  });

  it('accepts anything where the ICP names nothing', () => {
    const open: Icp = { ...ICP, industries: [], geography: ['Global'], painPoints: [] };
    const fit = scoreIcpFit(open, { geography: 'Japan' });
    expect(fit.contributions.filter((c) => c.matched === true).map((c) => c.id)).toEqual([
      'industry',
      'geography',
      'painPoints',
    ]);
  });

  it('scores against custom weights as a share of their total', () => {
    const rules = ICP_RULES.filter((r) => r.id === 'industry' || r.id === 'geography');
    expect(scoreIcpFit(ICP, { industry: 'Fintech', geography: 'Germany' }, rules).score).toBe(63);
  });

  it.each([
    ['employees', { employees: -5 }],
    ['annualRevenue', { annualRevenue: Number.NaN }],
  ])('rejects %s that is negative or not a number', (path, company) => {
    expect(() => scoreIcpFit(ICP, company)).toThrow(InputError);
    try {
      scoreIcpFit(ICP, company);
    } catch (error) {
      expect((error as InputError).problems[0]?.path).toBe(path);
    }
  });
});

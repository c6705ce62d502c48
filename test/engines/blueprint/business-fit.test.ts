import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  renderBlueprint,
  renderBlueprintJson,
  renderBlueprintMarkdown,
} from '../../../src/engines/blueprint/index.js';
import { buildDesign } from '../../../src/engines/build-design.js';
import type { Deal } from '../../../src/engines/deal.js';
import type { Design } from '../../../src/engines/design.js';
import { type RawIntake, resolveIntake } from '../../../src/engines/intake.js';
import { templateVariables } from '../../../src/engines/optimizer/template.js';
import { operatingThresholds } from '../../../src/engines/thresholds.js';
import { InputError } from '../../../src/errors.js';

const NOW = '2026-11-24T09:00:00.000Z';
const raw = (name: string): RawIntake => parse(readFileSync(`examples/${name}.yml`, 'utf8'));
const design = (name: string, edit: (r: RawIntake) => RawIntake = (r) => r): Design =>
  buildDesign(resolveIntake(edit(raw(name))));
const all = (d: Design): string =>
  [
    renderBlueprint(d, { now: NOW }),
    renderBlueprintJson(d, { now: NOW }),
    renderBlueprintMarkdown(d, { now: NOW }),
  ].join('\n');
const openStages = (d: Design) => d.stages.filter((s) => s.probability > 0 && s.probability < 100);

describe('stages follow the sales motion', () => {
  it('gives product-led and transactional teams short, different stage sets', () => {
    const plg = design('plg-saas').stages.map((s) => s.name);
    const smb = design('smb-salon', (r) => ({ ...r, funnel: undefined })).stages.map((s) => s.name);
    expect(plg).toContain('Product Qualified');
    expect(smb).not.toContain('Product Qualified');
    expect(plg).not.toEqual(smb);
    expect(openStages(design('plg-saas')).length).toBeLessThanOrEqual(4);
    expect(smb.length - 2).toBeLessThanOrEqual(4);
  });

  it('gives complex enterprise sales validation, a business case and procurement', () => {
    const names = design('enterprise-manufacturer', (r) => ({ ...r, funnel: undefined })).stages.map(
      (s) => s.name,
    );
    expect(names).toEqual(expect.arrayContaining(['Validation', 'Business Case', 'Procurement']));
  });

  it('gives consultative mid-market sales the seed stages', () => {
    expect(design('midmarket-logistics').stages.map((s) => s.name)).toEqual([
      'Lead',
      'Qualified',
      'Discovery',
      'Proposal',
      'Negotiation',
      'Closed Won',
      'Closed Lost',
    ]);
  });

  it("keeps the names of the team's own funnel", () => {
    expect(design('enterprise-manufacturer').stages.map((s) => s.name)).toContain('Plant Trial');
  });

  it('refuses a lost stage in the funnel, saying why', () => {
    expect(() => design('smb-salon', (r) => ({ ...r, funnel: { ...r.funnel, 'Closed Lost': 5 } }))).toThrow(
      InputError,
    );
  });
});

describe('probabilities from evidence', () => {
  it("takes the manufacturer's funnel: 13% at Qualified and 43% at Proposal, not 25% and 60%", () => {
    const stages = Object.fromEntries(
      design('enterprise-manufacturer').stages.map((s) => [s.name, s.probability]),
    );
    expect(stages.Qualified).toBe(13);
    expect(stages.Proposal).toBe(43);
  });

  it('marks typical defaults with * when there is neither funnel nor history', () => {
    const d = design('midmarket-logistics');
    expect(d.probabilityBasis?.source).toBe('default');
    expect(renderBlueprint(d, { now: NOW })).toMatch(/\| Qualified \|.*\| 25% \* \|/);
  });

  it('uses imported history once enough deals are closed, shown beside the observed rate', () => {
    const intake = resolveIntake(raw('smb-salon'));
    const deals: Deal[] = Array.from({ length: 60 }, (_, i) => ({
      id: `d${i}`,
      stage: i % 2 === 0 ? 'Closed Won' : 'Demo',
      status: i % 2 === 0 ? 'won' : 'lost',
      history: [],
    }));
    const d = buildDesign(intake, { deals });
    expect(d.probabilityBasis?.source).toBe('history');
    const demo = d.stages.find((s) => s.name === 'Demo');
    expect(demo?.observedProbability).toBe(50);
    expect(renderBlueprint(d, { now: NOW })).toContain('| Observed |');
    expect(buildDesign(intake, { deals: deals.slice(0, 10) }).probabilityBasis?.source).toBe('funnel');
  });
});

describe('time scales with the cycle', () => {
  it('lets a 270-day sale wait at least 30 days before a deal is stale, and no break-up on day 14', () => {
    const d = design('enterprise-manufacturer');
    expect(d.timing?.staleDays).toBeGreaterThanOrEqual(30);
    expect(d.timing?.leadStaleDays).toBeGreaterThan(14);
    expect(d.crm.hygiene.find((h) => h.id === 'stale-deal')?.description).toContain(
      `${d.timing?.staleDays} days`,
    );
    const last = d.followUp.steps.at(-1);
    expect(last?.day).toBeGreaterThanOrEqual(30);
    expect(all(d)).not.toContain('Should I close your file?');
  });

  it('makes a 6-day sale act within a few days', () => {
    const t = operatingThresholds(resolveIntake(raw('smb-salon')));
    expect(t.staleDays).toBeLessThanOrEqual(3);
    expect(t.idleDays).toBeLessThanOrEqual(2);
    expect(design('smb-salon').followUp.steps.at(-1)?.day).toBeLessThanOrEqual(6);
  });
});

describe('cadences and templates by motion and position', () => {
  it('is call-heavy with SMS for a small transactional sale, several touches on day 1', () => {
    const steps = design('smb-salon').followUp.steps;
    const count = (c: string) => steps.filter((s) => s.channel === c).length;
    expect(count('Call')).toBeGreaterThan(count('Email'));
    expect(count('SMS')).toBeGreaterThan(0);
    expect(steps.filter((s) => s.day === 1).length).toBeGreaterThan(1);
  });

  it('is multi-threaded with LinkedIn and an executive touch for enterprise', () => {
    const steps = design('enterprise-manufacturer').followUp.steps;
    expect(steps.some((s) => s.channel === 'LinkedIn')).toBe(true);
    expect(steps.some((s) => s.template.body.includes('{{title}}'))).toBe(true);
    expect(steps.some((s) => s.template.body.includes('I lead the team'))).toBe(true);
  });

  it('writes the first touch as a first touch and quotes the ICP pain points and triggers', () => {
    for (const name of ['plg-saas', 'enterprise-manufacturer', 'smb-salon', 'midmarket-logistics', 'acme']) {
      const d = design(name);
      expect(d.followUp.steps[0]?.template.body).not.toMatch(
        /following up|earlier note|I wrote|sent you|again about/i,
      );
      const text = d.followUp.steps.map((s) => `${s.template.subject ?? ''} ${s.template.body}`).join('\n');
      expect(text).toContain(d.icp.painPoints[0]);
      expect(text.toLowerCase()).toContain((d.icp.buyingTriggers[0] ?? '').toLowerCase());
    }
  });

  it('uses only the customer-facing template variables of the catalogue', () => {
    const allowed = [
      'first_name',
      'last_name',
      'company',
      'title',
      'pain_point',
      'sender_name',
      'sender_company',
    ];
    for (const name of ['plg-saas', 'enterprise-manufacturer', 'smb-salon', 'midmarket-logistics', 'acme']) {
      for (const step of design(name).followUp.steps) {
        const used = templateVariables(`${step.template.subject ?? ''}\n${step.template.body}`);
        expect(used.filter((v) => !allowed.includes(v))).toEqual([]);
      }
    }
  });
});

describe('recommendations that belong to the business', () => {
  it('does not tell an enterprise team to call new MQLs within an hour', () => {
    expect(all(design('enterprise-manufacturer'))).not.toMatch(/within (an|1) hour/);
  });

  it('does not tell a $1.5k sale to multi-thread to the economic buyer', () => {
    const advice = design('smb-salon')
      .recommendations.map((r) => r.detail)
      .join('\n');
    expect(advice).not.toMatch(/multi-thread|economic buyer/i);
  });

  it('ties each recommendation to a number and writes CAC as cost per acquired customer with the currency', () => {
    for (const name of ['plg-saas', 'enterprise-manufacturer', 'smb-salon', 'acme']) {
      const d = design(name);
      for (const r of d.recommendations) expect(r.detail).toMatch(/\d/);
      for (const r of d.recommendations.filter((x) => x.detail.includes('CAC'))) {
        expect(r.detail).toContain('cost per acquired customer');
        expect(r.detail).toMatch(/\$\d/);
        expect(r.detail).not.toMatch(/per lead/);
      }
    }
  });
});

describe('honest health and small truths', () => {
  it('says "insufficient data" for an intake with no metrics instead of 10/10', () => {
    const d = design('minimal');
    expect(d.overview.health.insufficient).toBe(true);
    const text = renderBlueprint(d, { now: NOW });
    expect(text).not.toContain('10/10');
    expect(text).toContain('insufficient data');
    expect(d.overview.status).toBe('Not enough data');
  });

  it('scores below 7 a business that misses every target', () => {
    const d = design('enterprise-manufacturer');
    expect(d.overview.health.insufficient).toBeUndefined();
    expect(d.overview.health.score).toBeLessThan(7);
    expect(d.overview.status).not.toBe('On track');
  });

  it('prints no "staleDays" placeholder, no hard-coded Active status, no arrow without a previous value', () => {
    for (const name of ['minimal', 'acme', 'enterprise-manufacturer', 'smb-salon']) {
      const d = design(name);
      const text = all(d);
      expect(text).not.toMatch(/every staleDays/);
      expect(renderBlueprintMarkdown(d, { now: NOW })).not.toContain('staleDays');
      expect(text).not.toContain('● Active');
    }
    const metrics = design('enterprise-manufacturer').metrics;
    expect(metrics.every((m) => m.trend === undefined)).toBe(true);
    expect(renderBlueprint(design('enterprise-manufacturer'), { now: NOW })).toContain(
      '| Close Rate | 25% | 20% | — |',
    );
  });
});
